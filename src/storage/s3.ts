// An S3 bucket as a store. Streams up in parts filled on disk (s3-upload.ts)
// and down with GetObject; the bucket owner is checked on every call when
// `bucket-owner` is given. Every AWS error names the bucket and key it was
// about (a missing bucket is BUCKET_NOT_FOUND).

import type { ServerSideEncryption } from '@aws-sdk/client-s3';
import { tmpdir } from 'node:os';
import type { Readable } from 'node:stream';
import { explain } from '../aws/errors.js';
import type { S3Access } from '../aws/lazy-clients.js';
import { TransferError } from '../errors.js';
import { type Body, type RangedGet, type ReadGuard, resumableRead } from './s3-read.js';
import { PartSlots, unquote, uploadSpooled } from './s3-upload.js';
import { type SourceStore, type StoredObject, TooLargeError, type WriteOptions, type WriteResult } from './store.js';

/** S3's smallest part: a part waits on disk, and only the parts being sent are in memory. */
const PART_SIZE = 5 * 1024 * 1024;
/** Parts in memory at once, across every object the store writes. */
const PARTS_IN_MEMORY = 2;

export interface S3StoreOptions {
  owner?: string;
  encryption?: { algorithm: 'AES256' | 'KMS'; kmsKeyId?: string };
  /** Where parts wait while they fill (the runner's temp folder); the system's by default. */
  spoolDir?: string;
  /** The cancel and the idle timeout every read honours (s3-read.ts). */
  guard?: ReadGuard;
}

export class S3Store implements SourceStore {
  /** S3 has no symbolic links: listings skip nothing. */
  readonly skipped: readonly string[] = [];
  private readonly s3: S3Access;
  readonly bucket: string;
  private readonly options: S3StoreOptions;
  private readonly slots = new PartSlots(PARTS_IN_MEMORY);

  constructor(s3: S3Access, bucket: string, options: S3StoreOptions = {}) {
    this.s3 = s3;
    this.bucket = bucket;
    this.options = options;
  }

  describe(key: string): string {
    return `s3://${this.bucket}/${key}`;
  }

  async *list(prefix: string, limit: number): AsyncGenerator<StoredObject> {
    const { client, sdk } = await this.s3();
    let token: string | undefined;
    let count = 0;
    do {
      const page = await client
        .send(
          new sdk.ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: prefix,
            ContinuationToken: token,
            ...this.owner(),
          }),
        )
        .catch((error: unknown) => {
          throw explain(error, `ListObjectsV2 of bucket ${this.bucket}, prefix ${JSON.stringify(prefix)}`);
        });
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined) continue;
        if (count++ >= limit) return;
        yield { key: object.Key, size: object.Size ?? 0, ...(object.ETag === undefined ? {} : { etag: object.ETag }) };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
  }

  async stat(key: string): Promise<StoredObject | undefined> {
    const { client, sdk } = await this.s3();
    try {
      const head = await client.send(new sdk.HeadObjectCommand({ Bucket: this.bucket, Key: key, ...this.owner() }));
      return { key, size: head.ContentLength ?? 0, ...(head.ETag === undefined ? {} : { etag: head.ETag }) };
    } catch (error) {
      const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
      if (e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404) return undefined;
      throw explain(error, this.about('HeadObject', key));
    }
  }

  /** The object's bytes, never more than `limit` (the size its listing gave); a stall or a reset is read on from where it stopped. */
  async *read(key: string, limit?: number): AsyncGenerator<Uint8Array> {
    try {
      yield* resumableRead(this.ranged(key), this.describe(key), this.options.guard ?? {}, limit);
    } catch (error) {
      throw explain(error, this.about('GetObject', key));
    }
  }

  /** The first bytes of an object, to sample it without reading it all. */
  async *readHead(key: string, bytes: number): AsyncGenerator<Uint8Array> {
    const { client, sdk } = await this.s3();
    const response = await client
      .send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${bytes - 1}`, ...this.owner() }))
      .catch((error: unknown) => {
        throw explain(error, this.about('GetObject', key));
      });
    const body = response.Body as (Readable & AsyncIterable<Uint8Array>) | undefined;
    if (body === undefined) return;
    yield* body;
  }

  async readText(key: string, maxBytes: number): Promise<string | undefined> {
    const { sdk } = await this.s3();
    const tooLarge = () =>
      new TooLargeError(key, `${this.describe(key)} is larger than the ${maxBytes} bytes allowed for it`);
    const parts: Uint8Array[] = [];
    let size = 0;
    try {
      // One byte past the limit is enough to know it is too large.
      for await (const chunk of resumableRead(
        this.ranged(key),
        this.describe(key),
        this.options.guard ?? {},
        maxBytes + 1,
      )) {
        size += chunk.byteLength;
        if (size > maxBytes) throw tooLarge();
        parts.push(chunk);
      }
    } catch (error) {
      if (error instanceof TooLargeError) throw error;
      if (error instanceof sdk.NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw explain(error, this.about('GetObject', key));
    }
    return Buffer.concat(parts).toString('utf8');
  }

  async write(key: string, chunks: AsyncIterable<Uint8Array>, options: WriteOptions = {}): Promise<WriteResult> {
    try {
      return await uploadSpooled(await this.s3(), chunks, {
        params: {
          Bucket: this.bucket,
          Key: key,
          ...this.encryption(),
          ...this.owner(),
          // S3 refuses the write (412) when an object is already there.
          ...(options.exclusive ? { IfNoneMatch: '*' } : {}),
        },
        partSize: PART_SIZE,
        spoolDir: this.options.spoolDir ?? tmpdir(),
        slots: this.slots,
      });
    } catch (error) {
      if (options.exclusive && (error as { name?: string }).name === 'PreconditionFailed') {
        throw new TransferError(
          'WRITE_FAILED',
          `${this.describe(key)} already exists, and it was not written over: this run writes only objects it creates. Remove it or choose another key.`,
        );
      }
      throw explain(error, this.about('PutObject', key));
    }
  }

  async writeText(key: string, text: string): Promise<WriteResult> {
    const { client, sdk } = await this.s3();
    const result = await client
      .send(
        new sdk.PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: text,
          // Given even when it is 0 (the empty _started marker), so the SDK knows the length.
          ContentLength: Buffer.byteLength(text),
          ContentType: 'application/json',
          ...this.encryption(),
          ...this.owner(),
        }),
      )
      .catch((error: unknown) => {
        throw explain(error, this.about('PutObject', key));
      });
    return { etag: unquote(result.ETag ?? ''), bytes: Buffer.byteLength(text) };
  }

  async delete(key: string): Promise<void> {
    const { client, sdk } = await this.s3();
    await client
      .send(new sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: key, ...this.owner() }))
      .catch((error: unknown) => {
        throw explain(error, this.about('DeleteObject', key));
      });
  }

  /**
   * Aborts the multipart uploads under a prefix that a killed run left
   * unfinished (their parts are stored, and billed, until then); returns how
   * many, or undefined when the server cannot list them.
   */
  async abortUploads(prefix: string): Promise<number | undefined> {
    const { client, sdk } = await this.s3();
    let aborted = 0;
    let keyMarker: string | undefined;
    let uploadIdMarker: string | undefined;
    do {
      let page;
      try {
        page = await client.send(
          new sdk.ListMultipartUploadsCommand({
            Bucket: this.bucket,
            Prefix: prefix,
            KeyMarker: keyMarker,
            UploadIdMarker: uploadIdMarker,
            ...this.owner(),
          }),
        );
      } catch (error) {
        if ((error as { name?: string }).name === 'NotImplemented') return undefined;
        throw explain(error, `ListMultipartUploads of bucket ${this.bucket}, prefix ${JSON.stringify(prefix)}`);
      }
      for (const upload of page.Uploads ?? []) {
        if (upload.Key === undefined || upload.UploadId === undefined || !upload.Key.startsWith(prefix)) continue;
        await client
          .send(
            new sdk.AbortMultipartUploadCommand({
              Bucket: this.bucket,
              Key: upload.Key,
              UploadId: upload.UploadId,
              ...this.owner(),
            }),
          )
          .catch((error: unknown) => {
            throw explain(error, this.about('AbortMultipartUpload', upload.Key ?? ''));
          });
        aborted += 1;
      }
      keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
      uploadIdMarker = page.IsTruncated ? page.NextUploadIdMarker : undefined;
    } while (keyMarker !== undefined);
    return aborted;
  }

  /** GetObject of the key from a byte on, of the version with that ETag. */
  private ranged(key: string): RangedGet {
    return async (from, etag, signal) => {
      const { client, sdk } = await this.s3();
      const response = await client.send(
        new sdk.GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          ...(from > 0 && { Range: `bytes=${from}-` }),
          ...(etag !== undefined && { IfMatch: etag }),
          ...this.owner(),
        }),
        { abortSignal: signal },
      );
      const body = response.Body as Body | undefined;
      return body === undefined ? undefined : { body, etag: response.ETag };
    };
  }

  /** `GetObject of key k in bucket b`: what a failure message starts with. */
  private about(operation: string, key: string): string {
    return `${operation} of key ${key} in bucket ${this.bucket}`;
  }

  private owner(): { ExpectedBucketOwner?: string } {
    return this.options.owner === undefined ? {} : { ExpectedBucketOwner: this.options.owner };
  }

  private encryption(): { ServerSideEncryption?: ServerSideEncryption; SSEKMSKeyId?: string } {
    const sse = this.options.encryption;
    if (sse === undefined) return {};
    return sse.algorithm === 'AES256'
      ? { ServerSideEncryption: 'AES256' }
      : { ServerSideEncryption: 'aws:kms', ...(sse.kmsKeyId === undefined ? {} : { SSEKMSKeyId: sse.kmsKeyId }) };
  }
}
