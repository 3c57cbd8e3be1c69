// Starts the action in a worker thread with a small young generation, passes
// SIGTERM and SIGINT on as an abort, and ends with the worker's exit code.

import { Worker } from 'node:worker_threads';

/** Young-generation size for the worker: enough for throughput, small enough to keep the heap flat. */
const YOUNG_GENERATION_MB = 12;

export async function runInWorker(entry: URL): Promise<void> {
  const worker = new Worker(entry, {
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    stdout: false,
    stderr: false,
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => worker.postMessage({ abort: signal }));
  }
  const exitCode = await new Promise<number>((resolve) => {
    worker.once('exit', resolve);
    worker.once('error', (error) => {
      process.stdout.write(`::error::${error instanceof Error ? error.message : String(error)}\n`);
      resolve(1);
    });
  });
  process.exitCode = exitCode;
}
