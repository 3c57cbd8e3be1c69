// An object is copied to a temporary file before any of its items are used,
// when something must be checked first: an export's data file against the MD5
// in its manifest (hashed while it is copied), a compressed object without one
// by reading its whole stream (open-object.ts). It is read from the copy only
// when the check passes; at most the size its listing gave is copied, so an
// object that grows cannot fill the disk.

import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { Aborted } from '../aws/retry.js';
import { READ_CHUNK_BYTES } from '../storage/read-size.js';
import { Md5Tracker } from '../formats/manifest.js';
import type { Store } from '../storage/store.js';

export interface TempCopy {
  /** A fresh read of the copy, from its first byte. */
  chunks(): AsyncIterable<Uint8Array>;
  remove(): Promise<void>;
}

/** Copies the chunks to a file of its own under `tempDir`; removed again when the copy fails or the step is cancelled. */
export async function copyToTemp(
  chunks: AsyncIterable<Uint8Array>,
  tempDir: string,
  signal?: AbortSignal,
): Promise<TempCopy> {
  const folder = await mkdtemp(join(tempDir, 'dynamodb-s3-transfer-'));
  const path = join(folder, 'data');
  const remove = () => rm(folder, { recursive: true, force: true });
  const out = createWriteStream(path);
  try {
    try {
      for await (const chunk of chunks) {
        // A data file can be hundreds of MB: a cancel does not wait for the whole of it.
        if (signal?.aborted) throw new Aborted();
        if (!out.write(chunk)) await once(out, 'drain');
      }
    } finally {
      out.end();
      await once(out, 'close');
    }
  } catch (error) {
    await remove();
    throw error;
  }
  return { chunks: () => createReadStream(path, { highWaterMark: READ_CHUNK_BYTES }), remove };
}

export interface VerifiedCopy {
  ok: boolean;
  actualMd5: string;
  chunks: AsyncIterable<Uint8Array>;
  remove(): Promise<void>;
}

export async function verifiedCopy(
  store: Store,
  key: string,
  expectedMd5: string,
  tempDir: string,
  /** The size the listing gave: no more is copied. */
  limit?: number,
  signal?: AbortSignal,
): Promise<VerifiedCopy> {
  const tracker = new Md5Tracker();
  const copy = await copyToTemp(tracker.track(store.read(key, limit)), tempDir, signal);
  const actualMd5 = tracker.base64();
  return { ok: actualMd5 === expectedMd5, actualMd5, chunks: copy.chunks(), remove: copy.remove };
}
