// Checks records against one team schema in a worker thread (dist/team-schema-worker.js), so that a
// schema that makes validation slow (uniqueItems on a long list of untyped items, a large enum or
// anyOf checked for every item: ajv's work grows as the product of the two) can be stopped.
// Protocol as in ruleWorker.ts: the main thread waits on `signal` and reads the reply with
// receiveMessageOnPort.
import { workerData, type MessagePort } from 'node:worker_threads';
import type { ValidateFunction } from 'ajv';
import { createAjv, translateErrors } from '../service/schema';
import type { UnplacedFinding } from '../service/types';
import { linearRegExp } from './linearRegExp';

export interface TeamSchemaWorkerInput {
  schema: Record<string, unknown>;
  ruleId: string;
  port: MessagePort;
  signal: Int32Array;
}

export type TeamSchemaReply =
  | { kind: 'ready' }
  | { kind: 'compile-error'; message: string }
  | { kind: 'result'; findings: UnplacedFinding[] }
  | { kind: 'error'; message: string };

const { schema, ruleId, port, signal } = workerData as TeamSchemaWorkerInput;

function reply(message: TeamSchemaReply): void {
  port.postMessage(message);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

let validate: ValidateFunction | undefined;
try {
  validate = createAjv({ code: { regExp: linearRegExp } }).compile(schema);
  reply({ kind: 'ready' });
} catch (error) {
  reply({ kind: 'compile-error', message: messageOf(error) });
}

port.on('message', (value: unknown) => {
  try {
    reply({
      kind: 'result',
      findings: !validate || validate(value) ? [] : translateErrors(validate.errors ?? [], ruleId),
    });
  } catch (error) {
    reply({ kind: 'error', message: messageOf(error) });
  }
});
