// A local folder as a store: fixtures kept in the repository, or an export
// written into the workspace. ETags are the MD5 hex of the content, as S3
// gives for objects written in one part.
//
// Confined to its root: a key with `..` or a leading `/` is refused, a file is
// read only when its real path (symbolic links resolved) is inside the root's
// real path and it is a regular file, and at most as many bytes as the
// listing gave are read. Listings never follow a symbolic link: they skip it
// and say so (`skipped`).

import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import {
  type FileHandle,
  lstat,
  mkdir,
  open,
  readdir,
  readlink,
  realpath,
  rename,
  rm,
  writeFile,
} from 'node:fs/promises';
import { once } from 'node:events';
import { dirname, join, relative, sep } from 'node:path';
import {
  OutsideRootError,
  type SourceStore,
  type StoredObject,
  TooLargeError,
  type WriteOptions,
  type WriteResult,
  unsafeKey,
} from './store.js';
import { READ_CHUNK_BYTES } from './read-size.js';

/** What a listing left out: a symbolic link (never followed), a device, a pipe or a socket. */
export interface SkippedEntry {
  path: string;
  /** Where a symbolic link points, as it is written. */
  target?: string;
  kind: 'symbolic link' | 'not a regular file';
}

export class LocalStore implements SourceStore {
  readonly root: string;
  private realRoot: Promise<string> | undefined;
  private readonly skippedEntries: SkippedEntry[] = [];

  constructor(root: string) {
    this.root = root;
  }

  describe(key: string): string {
    return key === '' ? this.root : join(this.root, key);
  }

  /** Entries the listings skipped, each once, in the order met. */
  get skippedDetails(): readonly SkippedEntry[] {
    return this.skippedEntries;
  }

  get skipped(): readonly string[] {
    return this.skippedEntries.map((e) =>
      e.kind === 'symbolic link' ? `${e.path} (symbolic link to ${e.target ?? '?'})` : `${e.path} (${e.kind})`,
    );
  }

  async *list(prefix: string, limit: number): AsyncGenerator<StoredObject> {
    let count = 0;
    for await (const object of this.walk(this.root, prefix)) {
      if (!object.key.startsWith(prefix)) continue;
      if (count++ >= limit) return;
      yield object;
    }
  }

  /** Regular files under `folder` whose keys can start with `prefix`; folders that cannot are not opened. */
  private async *walk(folder: string, prefix: string): AsyncGenerator<StoredObject> {
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
      const key = relative(this.root, path).split(sep).join('/');
      // Dirents describe the entry itself: a symbolic link is neither a file nor a folder here.
      if (entry.isDirectory()) {
        if (key.startsWith(prefix) || prefix.startsWith(`${key}/`)) yield* this.walk(path, prefix);
      } else if (key.startsWith(prefix) || prefix.startsWith(`${key}/`)) {
        if (entry.isFile()) {
          if (key.startsWith(prefix)) {
            const info = await lstat(path);
            yield { key, size: info.size, etag: modifiedTag(info.mtimeMs) };
          }
        } else if (entry.isSymbolicLink()) {
          this.skip({ path, target: await readlink(path).catch(() => '?'), kind: 'symbolic link' });
        } else {
          this.skip({ path, kind: 'not a regular file' });
        }
      }
    }
  }

  private skip(entry: SkippedEntry): void {
    if (!this.skippedEntries.some((e) => e.path === entry.path)) this.skippedEntries.push(entry);
  }

  /** The regular file at this key, with its size; undefined when nothing is there; OutsideRootError when it leaves the root. */
  async stat(key: string): Promise<StoredObject | undefined> {
    const handle = await this.openInside(key);
    if (handle === undefined) return undefined;
    try {
      const info = await handle.stat();
      return { key, size: info.size, etag: modifiedTag(info.mtimeMs) };
    } finally {
      await handle.close();
    }
  }

  async *read(key: string, limit?: number): AsyncGenerator<Uint8Array> {
    const handle = await this.openInside(key);
    if (handle === undefined) {
      throw Object.assign(new Error(`ENOENT: no such file, open '${this.describe(key)}'`), { code: 'ENOENT' });
    }
    const size = (await handle.stat()).size;
    const end = Math.min(size, limit ?? size);
    if (end === 0) {
      await handle.close();
      return;
    }
    // Never past the size the listing gave: a file that grows (or lies) cannot fill the disk.
    yield* handle.createReadStream({ start: 0, end: end - 1, highWaterMark: READ_CHUNK_BYTES, autoClose: true });
  }

  async readText(key: string, maxBytes: number): Promise<string | undefined> {
    const handle = await this.openInside(key);
    if (handle === undefined) return undefined;
    try {
      const size = (await handle.stat()).size;
      if (size > maxBytes) {
        throw new TooLargeError(
          key,
          `${this.describe(key)} is ${size} bytes, more than the ${maxBytes} allowed for it`,
        );
      }
      const buffer = Buffer.alloc(size);
      let read = 0;
      while (read < size) {
        const { bytesRead } = await handle.read(buffer, read, size - read, read);
        if (bytesRead === 0) break;
        read += bytesRead;
      }
      return buffer.subarray(0, read).toString('utf8');
    } finally {
      await handle.close();
    }
  }

  async write(key: string, chunks: AsyncIterable<Uint8Array>, options: WriteOptions = {}): Promise<WriteResult> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // O_CREAT|O_EXCL: fails when anything, a symbolic link included, is already there.
    const handle = await open(path, options.exclusive ? 'wx' : 'w');
    const hash = createHash('md5');
    const out = handle.createWriteStream();
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
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Written beside it, then renamed over it: a run killed half-way leaves the old text whole (a checkpoint).
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return { etag: createHash('md5').update(text).digest('hex'), bytes: Buffer.byteLength(text) };
  }

  async delete(key: string): Promise<void> {
    // rm removes a symbolic link itself, never what it points to.
    await rm(this.pathOf(key), { force: true });
  }

  /** The key's path under the root, refusing keys that name something outside it. */
  private pathOf(key: string): string {
    const why = unsafeKey(key);
    if (why !== undefined)
      throw new OutsideRootError(key, `${JSON.stringify(key)} cannot name a file under ${this.root}: ${why}`);
    return join(this.root, key);
  }

  /**
   * Opens the key's file for reading when its real path is inside the root's
   * real path and it is a regular file; undefined when nothing is there.
   */
  private async openInside(key: string): Promise<FileHandle | undefined> {
    const path = this.pathOf(key);
    let real: string;
    try {
      real = await realpath(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw error;
    }
    this.realRoot ??= realpath(this.root);
    const root = await this.realRoot;
    if (real !== root && !real.startsWith(root.endsWith(sep) ? root : `${root}${sep}`)) {
      throw new OutsideRootError(key, `${path} leads to ${real} through a symbolic link, outside ${this.root}`);
    }
    // O_NONBLOCK: opening a named pipe must not wait for a writer; it is refused below.
    const handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    if (!info.isFile()) {
      await handle.close();
      throw new OutsideRootError(key, `${path} is not a regular file`);
    }
    return handle;
  }
}

/** A local file's stand-in for an ETag: its modification time, which a rewrite changes. */
function modifiedTag(mtimeMs: number): string {
  return `mtime:${mtimeMs}`;
}
