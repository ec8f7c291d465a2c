// A team schema checked in its own worker with a time budget per record: validating in the main
// thread, a schema that makes ajv's work grow as the square of a list's length hung the CLI and
// the server. Validation is synchronous, so the main thread waits with Atomics.wait.
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { UnplacedFinding } from '../service/types';
import type { TeamSchemaReply, TeamSchemaWorkerInput } from './teamSchemaWorker';
import { bundledWorkerScript, waitForReply } from './workerThread';

const COMPILE_BUDGET_MS = 10000;

export class TeamSchemaError extends Error {}

function workerPath(): string {
  const found = bundledWorkerScript('team-schema-worker.js');
  if (!found)
    throw new TeamSchemaError('The team-schema worker (dist/team-schema-worker.js) is missing: run "npm run build".');
  return found;
}

export class TeamSchemaHost {
  private worker: Worker | undefined;
  private port: MessagePort | undefined;
  private signal = new Int32Array(new SharedArrayBuffer(4));

  constructor(
    private readonly path: string,
    private readonly schema: Record<string, unknown>,
    private readonly ruleId: string,
  ) {}

  /** Compiles the schema in a new worker; throws TeamSchemaError when it cannot be compiled. */
  start(): void {
    const channel = new MessageChannel();
    this.signal = new Int32Array(new SharedArrayBuffer(4));
    const workerData: TeamSchemaWorkerInput = {
      schema: this.schema,
      ruleId: this.ruleId,
      port: channel.port2,
      signal: this.signal,
    };
    this.worker = new Worker(workerPath(), { workerData, transferList: [channel.port2] });
    this.worker.unref();
    // A worker that dies is noticed as a check past its budget; unheard, its 'error' event would end the process.
    this.worker.on('error', () => undefined);
    this.port = channel.port1;
    const reply = this.wait(COMPILE_BUDGET_MS);
    if (reply?.kind === 'ready') return;
    this.dispose();
    if (!reply)
      throw new TeamSchemaError(`Team schema ${this.path} took longer than ${COMPILE_BUDGET_MS / 1000} s to compile.`);
    throw new TeamSchemaError(
      `Team schema ${this.path} cannot be compiled: ${reply.kind === 'compile-error' || reply.kind === 'error' ? reply.message : 'no reply'}`,
    );
  }

  /** The schema's findings for a record, or one saying that checking it ran past the budget (the worker is then replaced). */
  check(value: unknown, budgetMs: number): UnplacedFinding[] {
    if (!this.worker) this.start();
    Atomics.store(this.signal, 0, 0);
    this.port!.postMessage(value);
    const reply = this.wait(budgetMs);
    if (reply?.kind === 'result') return reply.findings;
    this.dispose();
    const why =
      reply?.kind === 'error'
        ? `failed: ${reply.message}`
        : `took longer than ${budgetMs} ms ("ruleTimeout") and was stopped`;
    return [
      {
        ruleId: 'rule-error',
        severity: 'error',
        pointer: '',
        target: 'value',
        message: `Checking this record against team schema ${this.path} ${why}; its findings are missing.`,
      },
    ];
  }

  dispose(): void {
    void this.worker?.terminate();
    this.port?.close();
    this.worker = undefined;
    this.port = undefined;
  }

  private wait(budgetMs: number): TeamSchemaReply | undefined {
    return waitForReply([this.port!], this.signal, budgetMs);
  }
}
