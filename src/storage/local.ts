// A local folder as a store: fixtures kept in the repository, or an export
// written into the workspace. ETags are the MD5 hex of the content, as S3
// gives for objects written in one part.

import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname, join, relative, sep } from 'node:path';
import type { Store, StoredObject, WriteResult } from './store.js';

export class LocalStore implements Store {
  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  describe(key: string): string {
    return key === '' ? this.root : join(this.root, key);
  }

  async *list(prefix: string, limit: number): AsyncGenerator<StoredObject> {
    let count = 0;
    for await (const object of this.walk(this.root)) {
      if (!object.key.startsWith(prefix)) continue;
      if (count++ >= limit) return;
      yield object;
    }
  }

  private async *walk(folder: string): AsyncGenerator<StoredObject> {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) yield* this.walk(path);
      else if (entry.isFile())
        yield { key: relative(this.root, path).split(sep).join('/'), size: (await stat(path)).size };
    }
  }

  read(key: string): AsyncIterable<Uint8Array> {
    return createReadStream(this.describe(key), { highWaterMark: 256 * 1024 });
  }

  async readText(key: string): Promise<string | undefined> {
    try {
      return await readFile(this.describe(key), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async write(key: string, chunks: AsyncIterable<Uint8Array>): Promise<WriteResult> {
    const path = this.describe(key);
    await mkdir(dirname(path), { recursive: true });
    const hash = createHash('md5');
    const out = createWriteStream(path);
    let bytes = 0;
    try {
      for await (const chunk of chunks) {
        hash.update(chunk);
        bytes += chunk.byteLength;
        if (!out.write(chunk)) await once(out, 'drain');
      }
    } finally {
      out.end();
      await once(out, 'close');
    }
    return { etag: hash.digest('hex'), bytes };
  }

  async writeText(key: string, text: string): Promise<WriteResult> {
    const path = this.describe(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text, 'utf8');
    return { etag: createHash('md5').update(text).digest('hex'), bytes: Buffer.byteLength(text) };
  }
}
