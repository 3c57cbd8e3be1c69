// The checkpoint in the GitHub Actions cache, so that a re-run on a fresh
// runner finds it. Cache entries cannot be overwritten: each save is a new
// entry whose key ends with the time, and a restore takes the newest entry
// under the key's prefix (the client token: the same on a re-run of the
// step). @actions/cache runs in a worker thread of its own (task-worker.ts).

import { type TaskAnswer, runTaskWorker } from '../task-worker.js';
import { FileCheckpoint, type CheckpointPlace } from './places.js';

/** What the cache worker does: restore the newest entry under `key`, or save `path` as `key`. */
export interface CacheTask {
  op: 'restore' | 'save';
  path: string;
  key: string;
}

export type CacheAnswer = TaskAnswer<{ hit: boolean }>;

/** A restore or a save that takes longer is abandoned, with a warning. */
export const CACHE_TIMEOUT_MS = 30_000;

export class CacheCheckpoint implements CheckpointPlace {
  readonly description: string;
  /** Each save is a new cache entry (an archive and an upload): far less often than to a file. */
  readonly intervalMs = 60_000;
  readonly objectGapMs = 60_000;
  private readonly file: FileCheckpoint;
  private readonly path: string;
  private readonly keyPrefix: string;
  private readonly timeoutMs: number;

  constructor(path: string, keyPrefix: string, timeoutMs = CACHE_TIMEOUT_MS) {
    this.path = path;
    this.keyPrefix = keyPrefix;
    this.timeoutMs = timeoutMs;
    this.file = new FileCheckpoint(path);
    this.description = `the GitHub Actions cache (key ${keyPrefix}*)`;
  }

  async load(): Promise<string | undefined> {
    const answer = await runCacheTask({ op: 'restore', path: this.path, key: this.keyPrefix }, this.timeoutMs);
    if (!answer.ok) throw new Error(`the cache could not be read: ${answer.error}`);
    return answer.hit ? this.file.load() : undefined;
  }

  async save(text: string): Promise<void> {
    await this.file.save(text);
    const answer = await runCacheTask(
      { op: 'save', path: this.path, key: `${this.keyPrefix}${Date.now()}` },
      this.timeoutMs,
    );
    if (!answer.ok) throw new Error(`the cache could not be written: ${answer.error}`);
  }

  /** A cache entry cannot be deleted: a completed checkpoint is saved, and a later run starts over. */
  async complete(text: string): Promise<void> {
    await this.save(text);
    await this.file.complete();
  }
}

/** Runs one task in a worker thread (the action's own entry, which sees workerData.cacheTask); ends it at the timeout. */
export function runCacheTask(task: CacheTask, timeoutMs: number): Promise<CacheAnswer> {
  return runTaskWorker<{ hit: boolean }>({ cacheTask: task }, timeoutMs, 'cache');
}
