// A GitHub toolkit call (@actions/cache, @actions/artifact) in a worker
// thread of its own, ended at a timeout: a service that hangs must neither
// hold the step nor keep the process alive afterwards, and the libraries
// (with the Azure SDK they bring) stay out of the worker that moves the data.

import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export type TaskAnswer<T> = ({ ok: true } & T) | { ok: false; error: string };

/**
 * Runs the action's own entry in a worker with `workerData` (src/index.ts
 * picks the task from it) and resolves with the message it posts; a
 * timeout, an error or an exit without a message is an answer too.
 */
export function runTaskWorker<T>(workerData: object, timeoutMs: number, what: string): Promise<TaskAnswer<T>> {
  const entry = pathToFileURL(process.argv[1] ?? '');
  return new Promise((resolve) => {
    const worker = new Worker(entry, { workerData, stdout: false, stderr: false });
    const timer = setTimeout(() => {
      finish({ ok: false, error: `no answer within ${timeoutMs / 1000} s` });
      void worker.terminate();
    }, timeoutMs);
    let settled = false;
    function finish(answer: TaskAnswer<T>): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    }
    worker.once('message', (answer: TaskAnswer<T>) => finish(answer));
    worker.once('error', (error) => finish({ ok: false, error: error.message }));
    worker.once('exit', () => finish({ ok: false, error: `the ${what} worker ended without an answer` }));
  });
}
