// Custom rules from the config's `customRules`, run in a worker with a time budget per rule and
// document. Validation is synchronous, so the main thread waits with Atomics.wait and reads the
// worker's reply with receiveMessageOnPort; a rule past its budget is stopped by ending the worker.
import { pushAll } from '../service/arrays';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import picomatch from 'picomatch';
import { severityFromWord, type Rule, type RuleContext } from '../service/types';
import type { LoadedRuleMeta, RuleRequest, WorkerReply } from './ruleWorker';
import { ruleCatalog } from '../rules/catalog';
import { checkedReport } from './reportShape';

const LOAD_BUDGET_MS = 10000;
const BUILT_IN_IDS = [...ruleCatalog().keys()];

export class CustomRuleError extends Error {}

/** The rule worker script next to the bundle (dist/rule-worker.js), also when running from sources. */
export function ruleWorkerPath(): string {
  const candidates = [join(__dirname, 'rule-worker.js'), resolve(__dirname, '..', '..', '..', 'dist', 'rule-worker.js')];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new CustomRuleError('The custom-rule worker (dist/rule-worker.js) is missing: run "npm run build".');
  return found;
}

/** The files that the config's `customRules` paths and globs name. */
export function expandRuleFiles(patterns: readonly string[]): string[] {
  const files: string[] = [];
  for (const pattern of patterns) {
    if (!/[*?[\]{}]/.test(pattern)) {
      if (!existsSync(pattern)) throw new CustomRuleError(`Custom rule file ${pattern} does not exist.`);
      files.push(pattern);
      continue;
    }
    const base = pattern.slice(0, pattern.search(/[*?[\]{}]/)).replace(/[^/]*$/, '') || '.';
    const matches = picomatch(pattern);
    const found = walk(base).filter((file) => matches(file) && /\.(m?js|cjs)$/.test(file));
    if (found.length === 0) throw new CustomRuleError(`"customRules" pattern ${pattern} matches no .js or .mjs file.`);
    pushAll(files, found);
  }
  return [...new Set(files)];
}

/** Specifiers of relative imports: `from './x.js'`, `import './x.js'`, `import('./x.js')`, `require('./x')`. */
const RELATIVE_IMPORT = /\b(?:from|import)\s*(['"])(\.\.?\/[^'"\n]+)\1|\b(?:import|require)\s*\(\s*(['"])(\.\.?\/[^'"\n]+)\3\s*\)/g;
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
    source = readFileSync(file, 'utf8');
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

function walk(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name).split('\\').join('/');
    return entry.isDirectory() ? (entry.name === 'node_modules' ? [] : walk(path)) : [path];
  });
}

class RuleHost {
  private worker: Worker | undefined;
  private port: MessagePort | undefined;
  private signal = new Int32Array(new SharedArrayBuffer(8));
  private lastRecord: unknown = undefined;
  metas: LoadedRuleMeta[] = [];

  constructor(private readonly files: readonly string[]) {}

  start(): void {
    const channel = new MessageChannel();
    this.signal = new Int32Array(new SharedArrayBuffer(8));
    this.worker = new Worker(ruleWorkerPath(), { workerData: { modulePaths: this.files, port: channel.port2, signal: this.signal }, transferList: [channel.port2] });
    this.worker.unref();
    this.port = channel.port1;
    this.lastRecord = undefined;
    const reply = this.wait(LOAD_BUDGET_MS);
    if (!reply) throw new CustomRuleError(`Loading the custom rules took longer than ${LOAD_BUDGET_MS / 1000} s.`);
    if (reply.kind === 'load-error') throw new CustomRuleError(`Custom rules could not be loaded: ${reply.message}`);
    if (reply.kind === 'exited') throw new CustomRuleError('Custom rules could not be loaded: a rule module ended its worker (process.exit) while loading.');
    if (reply.kind === 'ready') this.metas = reply.rules;
  }

  private wait(budgetMs: number): WorkerReply | undefined {
    const deadline = Date.now() + budgetMs;
    for (;;) {
      const message = receiveMessageOnPort(this.port!);
      if (message) return message.message as WorkerReply;
      const remaining = deadline - Date.now();
      if (remaining <= 0) return undefined;
      Atomics.wait(this.signal, 0, 0, Math.min(remaining, 50));
      Atomics.store(this.signal, 0, 0);
    }
  }

  run(index: number, context: RuleContext, budgetMs: number): void {
    if (!this.worker) this.start();
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
    if (reply.kind === 'exited') this.stop();
    if (reply.kind === 'error' || reply.kind === 'exited') throw new Error(reply.message);
    if (reply.kind === 'result') for (const report of reply.reports) context.report(checkedReport(report));
  }

  stop(): void {
    void this.worker?.terminate();
    this.port?.close();
    this.worker = undefined;
    this.port = undefined;
  }
}

export interface LoadedCustomRules {
  rules: Rule[];
  files: string[];
  dispose(): void;
}

/** Loads the custom rules (in the worker) and returns rules whose check runs there. */
export function loadCustomRules(patterns: readonly string[], budgetMs: number): LoadedCustomRules {
  const files = expandRuleFiles(patterns);
  if (files.length === 0) return { rules: [], files, dispose: () => undefined };
  const host = new RuleHost(files);
  host.start();
  const taken = new Map<string, string>(BUILT_IN_IDS.map((id) => [id, 'a built-in rule']));
  for (const meta of host.metas) {
    const owner = taken.get(meta.id);
    if (owner) {
      host.stop();
      throw new CustomRuleError(`Custom rule "${meta.id}" (${meta.path}) has the id of ${owner}; give it an id of its own.`);
    }
    taken.set(meta.id, `the custom rule in ${meta.path}`);
  }
  const rules = host.metas.map((meta, index): Rule => {
    const severity = severityFromWord(meta.severity);
    if (!severity) throw new CustomRuleError(`Custom rule "${meta.id}" (${meta.path}) has severity "${meta.severity}"; use error, warn, info or hint.`);
    return {
      meta: { id: meta.id, severity, description: meta.description, category: meta.category ?? 'custom', source: meta.source ?? `custom: ${meta.path}`, docs: meta.docs ?? meta.description, options: meta.options },
      check: (context) => host.run(index, context, budgetMs),
    };
  });
  return { rules, files, dispose: () => host.stop() };
}

