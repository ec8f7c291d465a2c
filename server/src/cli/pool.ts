// Lints many records on worker threads (dist/lint-worker.js). Each worker loads the config
// itself and answers batches of paths with findings; the results keep the order of the paths.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Finding, RuleMeta } from '../service/types';
import type { LintedFile } from '../formatters/types';
import { bundledWorkerScript } from '../config/workerThread';
import { ReportedConfigError } from './configErrors';
import { toDisplayPath } from './files';
import type { LintedContent, LintOutcome, LinterSetup } from './linter';
import type { RecordIdentity } from './acrossRecords';

/**
 * A worker costs about 0.1 s to start (its thread, the bundle) and runs cold code at first: measured
 * on 2 cores, two workers beat one thread from about 200–300 records of the registry sample (0.54
 * against 0.56 s for 300), so `auto` gives each worker at least 100.
 */
export const FILES_PER_WORKER = 100;
const BATCHES_PER_WORKER = 16;
const LARGEST_BATCH = 50;
const BATCHES_IN_FLIGHT = 2;

export interface LintJob {
  batch: number;
  paths: string[];
}

/** A linted file as it comes back from a worker: only what the main thread cannot know. */
export type CompactOutcome =
  | { findings: Finding[]; text?: string; unwritable?: string; content?: LintedContent; identity?: RecordIdentity }
  | { unreadable: string };

export type WorkerReply =
  | { kind: 'batch'; batch: number; outcomes: CompactOutcome[]; newCustomRules: RuleMeta[] }
  | { kind: 'config-error'; message: string }
  | { kind: 'crash'; message: string };

/** `--concurrency`: a number of workers, `auto`, or `off` (everything in this thread). */
export type Concurrency = number | 'auto' | 'off';

/** How many workers to start for this many files; 0 means lint in this thread. */
export function workerCountFor(fileCount: number, concurrency: Concurrency): number {
  if (concurrency === 'off' || fileCount === 0) return 0;
  if (concurrency === 'auto') {
    const wanted = Math.min(availableParallelism(), Math.floor(fileCount / FILES_PER_WORKER));
    return wanted >= 2 ? wanted : 0;
  }
  return concurrency >= 2 ? Math.min(concurrency, fileCount) : 0;
}

/** The worker script next to the bundle, also when running from the sources (tests). */
export function lintWorkerPath(): string | undefined {
  return bundledWorkerScript('lint-worker.js');
}

export interface PoolResult {
  outcomes: LintOutcome[];
  customRules: RuleMeta[];
}

export function lintInWorkers(
  paths: readonly string[],
  setup: LinterSetup,
  workerCount: number,
  workerScript: string,
  onProgress: (done: number) => void,
): Promise<PoolResult> {
  const batchSize = Math.max(1, Math.min(LARGEST_BATCH, Math.ceil(paths.length / (workerCount * BATCHES_PER_WORKER))));
  const batches: string[][] = [];
  for (let start = 0; start < paths.length; start += batchSize) batches.push(paths.slice(start, start + batchSize));
  const outcomes: LintOutcome[] = new Array(paths.length);
  const customRules = new Map<string, RuleMeta>();
  const workers: Worker[] = [];
  let nextBatch = 0;
  let finishedBatches = 0;
  let done = 0;

  return new Promise<PoolResult>((resolvePool, rejectPool) => {
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const worker of workers) void worker.terminate();
      if (error) rejectPool(error);
      else resolvePool({ outcomes, customRules: [...customRules.values()] });
    };
    const sendNext = (worker: Worker) => {
      if (nextBatch >= batches.length) return;
      const job: LintJob = { batch: nextBatch, paths: batches[nextBatch] };
      nextBatch++;
      worker.postMessage(job);
    };
    const receive = (worker: Worker, reply: WorkerReply) => {
      if (reply.kind === 'config-error') return settle(new ReportedConfigError(reply.message));
      if (reply.kind === 'crash') return settle(new Error(`a lint worker failed: ${reply.message}`));
      const first = reply.batch * batchSize;
      reply.outcomes.forEach(
        (outcome, i) => (outcomes[first + i] = toLintOutcome(outcome, paths[first + i], setup.cwd)),
      );
      for (const rule of reply.newCustomRules) customRules.set(rule.id, rule);
      done += reply.outcomes.length;
      finishedBatches++;
      onProgress(done);
      if (finishedBatches === batches.length) return settle();
      sendNext(worker);
    };
    for (let i = 0; i < workerCount; i++) {
      const worker = new Worker(workerScript, { workerData: setup });
      workers.push(worker);
      worker.on('message', (reply: WorkerReply) => receive(worker, reply));
      worker.on('error', (error) => settle(error));
      worker.on('exit', (code) => {
        if (!settled) settle(new Error(`a lint worker stopped early (exit code ${code}).`));
      });
      for (let k = 0; k < BATCHES_IN_FLIGHT; k++) sendNext(worker);
    }
  });
}

function toLintOutcome(outcome: CompactOutcome, absolutePath: string, cwd: string): LintOutcome {
  if ('unreadable' in outcome) return outcome;
  const file: LintedFile = { path: toDisplayPath(cwd, absolutePath), absolutePath, findings: outcome.findings };
  if (outcome.text !== undefined) file.text = outcome.text;
  if (outcome.identity !== undefined) file.identity = outcome.identity;
  const linted: LintOutcome = { file };
  if (outcome.unwritable !== undefined) linted.unwritable = outcome.unwritable;
  if (outcome.content !== undefined) linted.content = outcome.content;
  return linted;
}
