// Inside the cache worker (see cache.ts): one restore or save through
// @actions/cache, answered with a message. The library logs its own lines
// (and a warning when the service fails); its failures are answers, never
// thrown, so a cache cannot fail the step.

import * as cache from '@actions/cache';
import { parentPort, workerData } from 'node:worker_threads';
import type { CacheAnswer, CacheTask } from './cache.js';

export async function runCacheTaskInWorker(): Promise<void> {
  const task = (workerData as { cacheTask: CacheTask }).cacheTask;
  let answer: CacheAnswer;
  try {
    if (task.op === 'restore') {
      // restoreCache answers a failure as a miss, having logged it: the log line tells them apart.
      const failure = watchLog(/^::(?:warning|error)::(Failed to restore: .*)$/m);
      const matched = await cache.restoreCache([task.path], task.key, [task.key]);
      const failed = failure.stop();
      answer = failed === undefined ? { ok: true, hit: matched !== undefined } : { ok: false, error: failed };
    } else {
      // saveCache answers -1 when it could not save (it has logged why).
      const id = await cache.saveCache([task.path], task.key);
      answer = id === -1 ? { ok: false, error: 'the cache service did not take the entry' } : { ok: true, hit: true };
    }
  } catch (error) {
    answer = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(answer);
}

/** The first line this worker writes to stdout that matches `pattern` (its first group), until stop(). */
function watchLog(pattern: RegExp): { stop(): string | undefined } {
  const write = process.stdout.write.bind(process.stdout);
  let found: string | undefined;
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    found ??= pattern.exec(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString())?.[1];
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  return {
    stop: () => {
      process.stdout.write = write;
      return found;
    },
  };
}
