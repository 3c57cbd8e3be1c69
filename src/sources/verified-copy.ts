// An export's data file is checked against the MD5 in its manifest before any
// of its items are used: it is copied to a temporary file while hashing, and
// read from there only when the two agree.

import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { Md5Tracker } from '../formats/manifest.js';
import type { Store } from '../storage/store.js';

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
): Promise<VerifiedCopy> {
  const folder = await mkdtemp(join(tempDir, 'dynamodb-s3-transfer-'));
  const path = join(folder, 'data');
  const tracker = new Md5Tracker();
  const out = createWriteStream(path);
  try {
    for await (const chunk of tracker.track(store.read(key))) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  const actualMd5 = tracker.base64();
  return {
    ok: actualMd5 === expectedMd5,
    actualMd5,
    chunks: createReadStream(path, { highWaterMark: 256 * 1024 }),
    remove: () => rm(folder, { recursive: true, force: true }),
  };
}
