// Where objects are read and written: an S3 bucket or a local folder, behind
// one small interface so the engines do not care which. Both are confined to
// their root: a key never reaches outside it.

export interface StoredObject {
  /** The key within the store: an S3 key, or a path relative to the local root with `/` separators. */
  key: string;
  size: number;
  /** S3's ETag, or a local file's modification time: a resumed import compares it to see that the object did not change. */
  etag?: string;
}

export interface WriteResult {
  etag: string;
  bytes: number;
}

export interface WriteOptions {
  /**
   * Create the object only when nothing is at its key yet (a local file is
   * opened O_CREAT|O_EXCL, which also refuses a symbolic link there; S3 gets
   * `If-None-Match: *`), so a file this run did not create is never overwritten.
   */
  exclusive?: boolean;
}

export interface Store {
  /** s3://bucket/key or the local path, for logs, outputs and error locations. */
  describe(key: string): string;
  /** Every object whose key starts with the prefix, in key order; stops after `limit`. */
  list(prefix: string, limit: number): AsyncGenerator<StoredObject>;
  /** The object's bytes; with `limit`, never more than that many (the size its listing gave). */
  read(key: string, limit?: number): AsyncIterable<Uint8Array>;
  /** A small object as text, undefined when there is none; an object over `maxBytes` is refused (TooLargeError). */
  readText(key: string, maxBytes: number): Promise<string | undefined>;
  /** Streams the chunks into the object and returns its ETag, as S3 computes it. */
  write(key: string, chunks: AsyncIterable<Uint8Array>, options?: WriteOptions): Promise<WriteResult>;
  /** Replaces the object whole: a reader sees the old text or the new, never part (a local file is renamed into place). */
  writeText(key: string, text: string): Promise<WriteResult>;
  /** Removes the object; nothing happens when there is none. */
  delete(key: string): Promise<void>;
}

/** A store an import reads from: it can also look one key up, and says what its listings left out. */
export interface SourceStore extends Store {
  /** The object at exactly this key (its size), or undefined when there is none. */
  stat(key: string): Promise<StoredObject | undefined>;
  /** What listings skipped and never followed (symbolic links, devices, pipes), as shown to people. */
  readonly skipped: readonly string[];
}

/** A key that would reach outside the store's root (`..`, a leading `/`, a symbolic link out), or is not a regular file. */
export class OutsideRootError extends Error {
  readonly key: string;

  constructor(key: string, message: string) {
    super(message);
    this.name = 'OutsideRootError';
    this.key = key;
  }
}

/** An object larger than the caller allows for it (a manifest or a checksum file is small). */
export class TooLargeError extends Error {
  readonly key: string;

  constructor(key: string, message: string) {
    super(message);
    this.name = 'TooLargeError';
    this.key = key;
  }
}

/**
 * Why a key cannot name an object inside a store's root, or undefined when it
 * can: no empty, `.` or `..` segment, no leading `/`, no backslash (a
 * separator on Windows), no control character.
 */
export function unsafeKey(key: string): string | undefined {
  if (key === '') return 'it is empty';
  if (key.startsWith('/')) return 'it starts with /';
  if (key.includes('\\')) return 'it holds a backslash';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(key)) return 'it holds a control character';
  const segments = key.split('/');
  // A trailing `/` (a folder) leaves one empty last segment, which is fine.
  const inner = key.endsWith('/') ? segments.slice(0, -1) : segments;
  if (inner.some((s) => s === '..')) return 'it has a .. segment';
  if (inner.some((s) => s === '.')) return 'it has a . segment';
  if (inner.some((s) => s === '')) return 'it has an empty segment (//)';
  return undefined;
}
