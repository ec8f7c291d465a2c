// Custom rules from the config's `customRules`, run in a worker with a time budget per rule and
// document. Validation is synchronous, so the main thread waits with Atomics.wait and reads the
// worker's reply with receiveMessageOnPort; a rule past its budget is stopped by ending the worker.
import { checkRegularFile, MAX_RULE_FILE_BYTES, readLimitedFile, UnreadableFile } from './readLimited';
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import picomatch from 'picomatch';
import { severityFromWord, type Rule, type RuleContext } from '../service/types';
import type { LoadedRuleMeta, RuleRequest, SupervisorInput, WorkerReply } from './ruleWorker';
import { ruleCatalog } from '../rules/catalog';
import { checkedReport } from './reportShape';
import { pushAll } from '../service/arrays';
import { bundledWorkerScript, waitForReply } from './workerThread';

const LOAD_BUDGET_MS = 10000;
const BUILT_IN_IDS = [...ruleCatalog().keys()];

export class CustomRuleError extends Error {}

/** The rule worker script next to the bundle (dist/rule-worker.js), also when running from sources. */
export function ruleWorkerPath(): string {
  const found = bundledWorkerScript('rule-worker.js');
  if (!found)
    throw new CustomRuleError('The custom-rule worker (dist/rule-worker.js) is missing: run "npm run build".');
  return found;
}

/** Folders and files a `customRules` glob may walk before it is refused as too broad. */
const MAX_WALKED_ENTRIES = 200000;

/** The files that the config's `customRules` paths and globs name; `skipped`: folders a glob could not read. */
export function findRuleFiles(patterns: readonly string[]): { files: string[]; skipped: string[] } {
  const files: string[] = [];
  const skipped: string[] = [];
  for (const pattern of patterns) {
    if (!/[*?[\]{}]/.test(pattern)) {
      files.push(checkedRuleFile(pattern));
      continue;
    }
    const base = pattern.slice(0, pattern.search(/[*?[\]{}]/)).replace(/[^/]*$/, '') || '.';
    const matches = picomatch(pattern);
    const walked = walk(base, pattern);
    pushAll(skipped, walked.skipped);
    const found = walked.files.filter((file) => matches(file) && /\.(m?js|cjs)$/.test(file));
    if (found.length === 0)
      throw new CustomRuleError(
        `"customRules" pattern ${pattern} matches no .js or .mjs file${skippedNote(walked.skipped)}.`,
      );
    for (const file of found) files.push(checkedRuleFile(file));
  }
  return { files: [...new Set(files)], skipped };
}

/** The files that the config's `customRules` paths and globs name. */
export function expandRuleFiles(patterns: readonly string[]): string[] {
  return findRuleFiles(patterns).files;
}

function checkedRuleFile(path: string): string {
  try {
    checkRegularFile(path, MAX_RULE_FILE_BYTES);
  } catch (error) {
    if (error instanceof UnreadableFile) throw new CustomRuleError(`Custom rule file ${path} ${error.message}.`);
    throw error;
  }
  return path;
}

/** Says which folders a glob could not read, for a message; empty when there are none. */
export function skippedNote(skipped: readonly string[]): string {
  if (skipped.length === 0) return '';
  const listed = skipped.slice(0, 3).join(', ');
  return ` (${skipped.length} folder${skipped.length === 1 ? '' : 's'} could not be read and ${skipped.length === 1 ? 'was' : 'were'} skipped: ${listed}${skipped.length > 3 ? ', …' : ''})`;
}

/** Specifiers of relative imports: `from './x.js'`, `import './x.js'`, `import('./x.js')`, `require('./x')`. */
const RELATIVE_IMPORT =
  /\b(?:from|import)\s*(['"])(\.\.?\/[^'"\n]+)\1|\b(?:import|require)\s*\(\s*(['"])(\.\.?\/[^'"\n]+)\3\s*\)/g;
const IMPORT_SUFFIXES = ['', '.js', '.mjs', '.cjs', '/index.js', '/index.mjs', '/index.cjs'];

/**
 * The rule files with the local modules they import, and those modules' own, found by reading the
 * sources (imports of packages are not followed): what --cache hashes so that editing a shared
 * helper lints the records again. Something that only looks like an import (in a comment) adds a
 * file to hash, which is harmless.
 */
export function ruleFilesWithLocalImports(files: readonly string[]): string[] {
  const found = new Set<string>();
  const pending = files.map((file) => resolve(file));
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (found.has(file)) continue;
    found.add(file);
    pushAll(pending, localImportsOf(file));
  }
  return [...found];
}

function localImportsOf(file: string): string[] {
  let source: string;
  try {
    source = readLimitedFile(file, MAX_RULE_FILE_BYTES);
  } catch {
    return [];
  }
  const imports: string[] = [];
  for (const match of source.matchAll(RELATIVE_IMPORT)) {
    const target = resolve(dirname(file), match[2] ?? match[4]);
    const existing = IMPORT_SUFFIXES.map((suffix) => target + suffix).find(isFile);
    if (existing) imports.push(existing);
  }
  return imports;
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** The files under `folder` (not in node_modules, links not followed), walked without recursion; unreadable folders are skipped. */
function walk(folder: string, pattern: string): { files: string[]; skipped: string[] } {
  const files: string[] = [];
  const skipped: string[] = [];
  const pending = [folder];
  let walked = 0;
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' || current !== folder) skipped.push(`${current} (${code ?? 'unknown error'})`);
      continue;
    }
    walked += entries.length;
    if (walked > MAX_WALKED_ENTRIES)
      throw new CustomRuleError(
        `"customRules" pattern ${pattern} walks more than ${MAX_WALKED_ENTRIES.toLocaleString('en-US')} files and folders under ${folder}; name a narrower folder.`,
      );
    for (const entry of entries) {
      const path = join(current, entry.name).split('\\').join('/');
      if (!entry.isDirectory()) files.push(path);
      else if (entry.name !== 'node_modules') pending.push(path);
    }
  }
  return { files: files.sort(), skipped };
}

/** How much a team's rules may take: time per rule and record, memory for their worker. */
export interface RuleLimits {
  timeoutMs: number;
  memoryLimitMb: number;
}

class RuleHost {
  private supervisor: Worker | undefined;
  private port: MessagePort | undefined;
  /** Where the supervisor says that the rules' worker died (out of memory, or otherwise). */
  private deathPort: MessagePort | undefined;
  private signal = new Int32Array(new SharedArrayBuffer(8));
  private lastRecord: unknown = undefined;
  metas: LoadedRuleMeta[] = [];

  constructor(
    private readonly files: readonly string[],
    private readonly memoryLimitMb: number,
  ) {}

  start(): void {
    const channel = new MessageChannel();
    const deathChannel = new MessageChannel();
    this.signal = new Int32Array(new SharedArrayBuffer(8));
    const workerData: SupervisorInput = {
      role: 'supervisor',
      modulePaths: [...this.files],
      port: channel.port2,
      signal: this.signal,
      memoryLimitMb: this.memoryLimitMb,
      deathPort: deathChannel.port2,
    };
    this.supervisor = new Worker(ruleWorkerPath(), { workerData, transferList: [channel.port2, deathChannel.port2] });
    this.supervisor.unref();
    // Its death is heard through deathPort; an 'error' event with no listener would end the process.
    this.supervisor.on('error', () => undefined);
    this.port = channel.port1;
    this.deathPort = deathChannel.port1;
    this.lastRecord = undefined;
    const reply = this.wait(LOAD_BUDGET_MS);
    if (!reply) throw new CustomRuleError(`Loading the custom rules took longer than ${LOAD_BUDGET_MS / 1000} s.`);
    if (reply.kind === 'load-error') throw new CustomRuleError(`Custom rules could not be loaded: ${reply.message}`);
    if (reply.kind === 'exited')
      throw new CustomRuleError(
        'Custom rules could not be loaded: a rule module ended its worker (process.exit) while loading.',
      );
    if (reply.kind === 'out-of-memory')
      throw new CustomRuleError(
        `Custom rules could not be loaded: loading them took more than the ${this.memoryLimitMb} MB limit ("ruleMemoryLimit").`,
      );
    if (reply.kind === 'ready') this.metas = reply.rules;
  }

  private wait(budgetMs: number): WorkerReply | undefined {
    return waitForReply([this.port!, this.deathPort!], this.signal, budgetMs);
  }

  run(index: number, context: RuleContext, budgetMs: number): void {
    if (!this.supervisor) this.start();
    const hasRecord = context.record !== this.lastRecord;
    Atomics.store(this.signal, 0, 0);
    const message: RuleRequest = { index, hasRecord, today: context.today, options: context.options };
    // The record and its text cross to the worker once per validation, not once per rule.
    if (hasRecord) {
      message.record = context.record;
      message.text = context.text;
    }
    this.port!.postMessage(message);
    this.lastRecord = context.record;
    const reply = this.wait(budgetMs);
    if (!reply) {
      this.stop();
      throw new Error(`ran past its time budget of ${budgetMs} ms and was stopped`);
    }
    if (reply.kind === 'exited' || reply.kind === 'out-of-memory') this.stop();
    if (reply.kind === 'error' || reply.kind === 'exited' || reply.kind === 'out-of-memory')
      throw new Error(reply.message);
    if (reply.kind !== 'result') return;
    if (reply.memoryBytes > this.memoryLimitMb * 1024 * 1024) {
      // Memory outside the heap (buffers) is not bounded by the heap limit: give it back by ending the worker.
      this.stop();
      throw new Error(
        `left its worker holding ${Math.round(reply.memoryBytes / 1024 / 1024)} MB, above the ${this.memoryLimitMb} MB limit ("ruleMemoryLimit"); the worker was ended and replaced`,
      );
    }
    for (const report of reply.reports) context.report(checkedReport(report));
  }

  stop(): void {
    void this.supervisor?.terminate();
    this.port?.close();
    this.deathPort?.close();
    this.supervisor = undefined;
    this.port = undefined;
    this.deathPort = undefined;
  }
}

export interface LoadedCustomRules {
  rules: Rule[];
  files: string[];
  /** Something the user should know though the rules loaded (folders a glob could not read). */
  note?: string;
  dispose(): void;
}

/** Loads the custom rules (in the worker) and returns rules whose check runs there. */
export function loadCustomRules(patterns: readonly string[], limits: RuleLimits): LoadedCustomRules {
  const { files, skipped } = findRuleFiles(patterns);
  const note = skipped.length > 0 ? `Custom rules: some folders were skipped${skippedNote(skipped)}.` : undefined;
  if (files.length === 0) return { rules: [], files, note, dispose: () => undefined };
  const host = new RuleHost(files, limits.memoryLimitMb);
  host.start();
  const taken = new Map<string, string>(BUILT_IN_IDS.map((id) => [id, 'a built-in rule']));
  for (const meta of host.metas) {
    const owner = taken.get(meta.id);
    if (owner) {
      host.stop();
      throw new CustomRuleError(
        `Custom rule "${meta.id}" (${meta.path}) has the id of ${owner}; give it an id of its own.`,
      );
    }
    taken.set(meta.id, `the custom rule in ${meta.path}`);
  }
  const rules = host.metas.map((meta, index): Rule => {
    const severity = severityFromWord(meta.severity);
    if (!severity)
      throw new CustomRuleError(
        `Custom rule "${meta.id}" (${meta.path}) has severity "${meta.severity}"; use error, warn, info or hint.`,
      );
    return {
      meta: {
        id: meta.id,
        severity,
        description: meta.description,
        category: meta.category ?? 'custom',
        source: meta.source ?? `custom: ${meta.path}`,
        docs: meta.docs ?? meta.description,
        options: meta.options,
      },
      check: (context) => host.run(index, context, limits.timeoutMs),
    };
  });
  return { rules, files, note, dispose: () => host.stop() };
}
