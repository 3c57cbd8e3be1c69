// Where a checkpoint is kept: a local file (the `checkpoint` input's path, or
// a file under RUNNER_TEMP), or an S3 object. A local file is replaced
// atomically (written beside, then renamed over), and never read through a
// symbolic link; an S3 object is replaced whole by each PutObject.

import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { S3Access } from '../aws/lazy-clients.js';
import { S3Store } from '../storage/s3.js';

/** A checkpoint of 50,000 objects is a few MB: anything far larger is not one. */
export const MAX_CHECKPOINT_BYTES = 64 * 1024 * 1024;

export interface CheckpointPlace {
  /** For the log and the summary: s3://bucket/key, a path, or the cache key. */
  readonly description: string;
  /** The least time between two periodic saves. */
  readonly intervalMs: number;
  /** The least time between two saves at the end of an object (many small objects must not mean a save each). */
  readonly objectGapMs: number;
  /** The checkpoint's text, or undefined when there is none; throws when it cannot be read. */
  load(): Promise<string | undefined>;
  save(text: string): Promise<void>;
  /** The import completed: nothing is left to resume (`text` is the completed checkpoint, for a place that cannot delete). */
  complete(text: string): Promise<void>;
}

export class FileCheckpoint implements CheckpointPlace {
  readonly description: string;
  readonly intervalMs = 5_000;
  readonly objectGapMs = 1_000;
  private readonly path: string;

  constructor(path: string) {
    this.path = path;
    this.description = path;
  }

  async load(): Promise<string | undefined> {
    const info = await lstat(this.path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
      throw error;
    });
    if (info === undefined) return undefined;
    if (!info.isFile()) throw new Error(`${this.path} is not a regular file (a symbolic link is never followed)`);
    if (info.size > MAX_CHECKPOINT_BYTES)
      throw new Error(`${this.path} is ${info.size} bytes, too large for a checkpoint`);
    return readFile(this.path, 'utf8');
  }

  async save(text: string): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${randomBytes(6).toString('hex')}.tmp`;
    // wx: a file (or link) already at the temporary name is never written through.
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // rename replaces whatever is at the path (a link itself, never its target) in one step.
    await rename(temporary, this.path).catch(async (error: unknown) => {
      await rm(temporary, { force: true });
      throw error;
    });
  }

  async complete(): Promise<void> {
    await rm(this.path, { force: true });
  }
}

export class S3Checkpoint implements CheckpointPlace {
  readonly description: string;
  readonly intervalMs = 5_000;
  readonly objectGapMs = 1_000;
  private readonly store: S3Store;
  private readonly key: string;

  constructor(s3: S3Access, bucket: string, key: string, owner: string | undefined) {
    this.key = key;
    this.store = new S3Store(s3, bucket, owner === undefined ? {} : { owner });
    this.description = this.store.describe(key);
  }

  load(): Promise<string | undefined> {
    return this.store.readText(this.key, MAX_CHECKPOINT_BYTES);
  }

  async save(text: string): Promise<void> {
    await this.store.writeText(this.key, text);
  }

  async complete(): Promise<void> {
    await this.store.delete(this.key);
  }
}
