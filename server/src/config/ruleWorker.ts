// Runs a team's custom rules in a worker thread, so that a rule that loops can be stopped.
// Protocol (see customRules.ts): the main thread waits on `signal` with Atomics.wait and reads the
// reply with receiveMessageOnPort; `signal[1]` holds the index of the rule running now.
// The script runs twice: as a supervisor, which starts the rules' worker with a memory limit and
// tells the waiting main thread when that worker dies (a blocked thread cannot hear a worker's
// 'error' event), and as the rules' worker itself.
import { parentPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { spawnSync } from 'node:child_process';
import { getHeapStatistics } from 'node:v8';
import { pathToFileURL } from 'node:url';
import { collectStrings } from '../service/pointer';
import { isPlainObject, type Report, type Rule } from '../service/types';

interface WorkerInput {
  modulePaths: string[];
  port: MessagePort;
  signal: Int32Array;
}

/** What the supervisor is started with: the rules' worker's input, its memory limit and a port for news of its death. */
export interface SupervisorInput extends WorkerInput {
  role: 'supervisor';
  memoryLimitMb: number;
  deathPort: MessagePort;
}

export interface LoadedRuleMeta {
  id: string;
  severity: string;
  description: string;
  category?: string;
  source?: string;
  docs?: string;
  /** The JSON Schema of the rule's options, when it declares one. */
  options?: Record<string, unknown>;
  path: string;
}

/** One rule to run; the record and its text come only with the first rule of a validation. */
export interface RuleRequest {
  index: number;
  hasRecord: boolean;
  record?: unknown;
  text?: string;
  today: string;
  options: Record<string, unknown>;
}

export type WorkerReply =
  | { kind: 'ready'; rules: LoadedRuleMeta[] }
  | { kind: 'load-error'; message: string }
  /** `memoryBytes`: what the worker holds after the rule (heap and buffers), checked against its limit. */
  | { kind: 'result'; reports: Report[]; memoryBytes: number }
  | { kind: 'out-of-memory'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'exited'; message: string };

// A real dynamic import (esbuild would turn `import()` into `require()` in a CommonJS bundle).
const importModule = new Function('specifier', 'return import(specifier)') as (
  specifier: string,
) => Promise<{ default?: unknown }>;

const { modulePaths, port, signal } = workerData as WorkerInput;
let rules: Rule[] = [];
let record: unknown;
let text: string | undefined;
let strings: ReturnType<typeof collectStrings> | undefined;

function reply(message: WorkerReply): void {
  port.postMessage(message);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

/** Imports a rule module; an error names the file, and for a syntax error its line. */
async function importRuleModule(path: string): Promise<{ default?: unknown }> {
  try {
    return await importModule(pathToFileURL(path).href);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = error instanceof SyntaxError ? syntaxErrorLine(path) : undefined;
    throw new Error(`${path}${line ? `, line ${line}` : ''}: ${message}`);
  }
}

/** Node's dynamic import does not say where a syntax error is; `node --check` does, on its first line ("path:line"). */
function syntaxErrorLine(path: string): string | undefined {
  const check = spawnSync(process.execPath, ['--check', path], { encoding: 'utf8', timeout: 10000 });
  return /:(\d+)\s*$/.exec((check.stderr ?? '').split('\n')[0])?.[1];
}

async function load(): Promise<void> {
  const metas: LoadedRuleMeta[] = [];
  for (const path of modulePaths) {
    const loaded = await importRuleModule(path);
    const rule = (loaded.default ?? loaded) as Partial<Rule>;
    if (!rule || typeof rule.check !== 'function' || !rule.meta || typeof rule.meta.id !== 'string') {
      throw new Error(
        `${path} does not export a rule: its default export must be { meta: { id, severity, description }, check(context) }.`,
      );
    }
    rules.push(rule as Rule);
    const meta = rule.meta;
    metas.push({
      id: meta.id,
      severity: String(meta.severity ?? 'warning'),
      description: String(meta.description ?? ''),
      category: meta.category,
      source: meta.source,
      docs: meta.docs,
      options: isPlainObject(meta.options) ? meta.options : undefined,
      path,
    });
  }
  reply({ kind: 'ready', rules: metas });
}

function serveRules(): void {
  port.on('message', runRule);
  // A rule that calls process.exit() ends this worker: say so at once rather than leave the host
  // waiting out the rule's time budget.
  process.on('exit', (code) =>
    reply({ kind: 'exited', message: `it ended its worker (process.exit(${code})); rules must return` }),
  );
  load().catch((error) => {
    rules = [];
    reply({ kind: 'load-error', message: error instanceof Error ? error.message : String(error) });
  });
}

function runRule(message: RuleRequest): void {
  if (message.hasRecord) {
    record = message.record;
    text = message.text;
    strings = undefined;
  }
  Atomics.store(signal, 1, message.index);
  const reports: Report[] = [];
  try {
    rules[message.index].check({
      record,
      text,
      today: message.today,
      options: message.options,
      strings: () => (strings ??= collectStrings(record)),
      // The config is the main thread's: it applies severities to what comes back, by each finding's pointer.
      severityAt: (_pointer, severity) => severity,
      report: (report) => reports.push(report),
    });
    reply({ kind: 'result', reports: JSON.parse(JSON.stringify(reports)), memoryBytes: memoryHeld() });
  } catch (error) {
    reply({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

/** The heap in use and the memory of buffers: what a rule keeps (or has not yet let go of). */
function memoryHeld(): number {
  const heap = getHeapStatistics();
  return heap.used_heap_size + heap.external_memory;
}

/**
 * Starts the rules' worker with a heap limit and reports its death on `deathPort`: out of memory
 * (V8 stops a worker past its limit) or any other end. Ending the supervisor ends that worker too.
 */
function supervise(input: SupervisorInput): void {
  const { modulePaths, port, signal, memoryLimitMb, deathPort } = input;
  const worker = new Worker(__filename, {
    workerData: { modulePaths, port, signal },
    transferList: [port],
    resourceLimits: {
      maxOldGenerationSizeMb: memoryLimitMb,
      maxYoungGenerationSizeMb: Math.min(16, Math.max(1, Math.floor(memoryLimitMb / 8))),
    },
  });
  const tell = (message: WorkerReply) => {
    deathPort.postMessage(message);
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  };
  worker.on('error', (error: Error & { code?: string }) => {
    if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
      tell({
        kind: 'out-of-memory',
        message: `ran out of memory (above the ${memoryLimitMb} MB limit, "ruleMemoryLimit") and was stopped; its worker was ended and replaced`,
      });
    else tell({ kind: 'exited', message: `its worker failed: ${error.message}` });
  });
  worker.on('exit', (code) => tell({ kind: 'exited', message: `its worker ended (exit code ${code})` }));
}

if ((workerData as Partial<SupervisorInput>).role === 'supervisor') supervise(workerData as SupervisorInput);
else serveRules();

void parentPort;
