// Where objects are read and written: an S3 bucket or a local folder, behind
// one small interface so the engines do not care which.

export interface StoredObject {
  /** The key within the store: an S3 key, or a path relative to the local root with `/` separators. */
  key: string;
  size: number;
}

export interface WriteResult {
  etag: string;
  bytes: number;
}

export interface Store {
  /** s3://bucket/key or the local path, for logs, outputs and error locations. */
  describe(key: string): string;
  /** Every object whose key starts with the prefix, in key order; stops after `limit`. */
  list(prefix: string, limit: number): AsyncGenerator<StoredObject>;
  read(key: string): AsyncIterable<Uint8Array>;
  readText(key: string): Promise<string | undefined>;
  /** Streams the chunks into the object and returns its ETag, as S3 computes it. */
  write(key: string, chunks: AsyncIterable<Uint8Array>): Promise<WriteResult>;
  writeText(key: string, text: string): Promise<WriteResult>;
}
