// What the hosts of the custom-rule and team-schema workers share: finding the worker's script and
// waiting for its reply. Checks are synchronous, so the main thread waits on `signal` with
// Atomics.wait (the worker sets it to 1 when it has replied) and reads the reply with receiveMessageOnPort.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

/** A worker script next to the bundle (dist/<fileName>), also when running from sources; undefined when missing. */
export function bundledWorkerScript(fileName: string): string | undefined {
  const candidates = [join(__dirname, fileName), resolve(__dirname, '..', '..', '..', 'dist', fileName)];
  return candidates.find((candidate) => existsSync(candidate));
}

/** The first reply on any of the ports, or undefined when none came within the budget. */
export function waitForReply<Reply>(
  ports: readonly MessagePort[],
  signal: Int32Array,
  budgetMs: number,
): Reply | undefined {
  const deadline = Date.now() + budgetMs;
  for (;;) {
    for (const port of ports) {
      const message = receiveMessageOnPort(port);
      if (message) return message.message as Reply;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) return undefined;
    Atomics.wait(signal, 0, 0, Math.min(remaining, 50));
    Atomics.store(signal, 0, 0);
  }
}
