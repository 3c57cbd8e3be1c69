// Starts the action in a worker thread with heap limits for its mode,
// passes SIGTERM and SIGINT on as an abort, and ends with the worker's exit code.

import { type ResourceLimits, Worker } from 'node:worker_threads';
import { Input } from './constants.js';
import { failureMessage } from './errors.js';
import { InputReader } from './inputs/reader.js';

/** Young-generation size for the worker: enough for throughput, small enough to keep the heap flat. */
const YOUNG_GENERATION_MB = 12;

/**
 * An import's limits. Under a limit of 2 GB or more V8 lets the old
 * generation grow to about four times what outlived its last full
 * collection, and by less under a lower one. Measured with bench:ceiling
 * (300,000 items, concurrency 16 and 64, 2026-12-01): an import peaked at
 * 246-255 MB without it and at 179-185 MB with it, for 4-8% more CPU an
 * item. An export's peak is its pages in flight, not its heap: the same
 * limit cost it 12-24% more CPU and left it at 200-249 MB, so it keeps the
 * default.
 */
const IMPORT_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 1536 };

/** The worker's heap limits, by the mode the step's inputs ask for (an invalid one is reported by the worker). */
export function heapLimits(env: Record<string, string | undefined>): ResourceLimits {
  const mode = new InputReader(env).get(Input.Mode).trim().toLowerCase();
  return mode === 'import' ? IMPORT_LIMITS : { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
}

export async function runInWorker(entry: URL): Promise<void> {
  const worker = new Worker(entry, {
    resourceLimits: heapLimits(process.env),
    stdout: false,
    stderr: false,
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => worker.postMessage({ abort: signal }));
  }
  const exitCode = await new Promise<number>((resolve) => {
    worker.once('exit', resolve);
    worker.once('error', (error) => {
      // A worker that died (out of memory, say) still fails the step with a code first.
      process.stdout.write(`::error::${failureMessage(error)}\n`);
      resolve(1);
    });
  });
  process.exitCode = exitCode;
}
