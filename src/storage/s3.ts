// An S3 bucket as a store. Streams up in parts filled on disk (s3-upload.ts)
// and down with GetObject; the bucket owner is checked on every call when
// `bucket-owner` is given.

import {
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
  type ServerSideEncryption,
} from '@aws-sdk/client-s3';
import { tmpdir } from 'node:os';
import type { Readable } from 'node:stream';
import { PartSlots, unquote, uploadSpooled } from './s3-upload.js';
import type { Store, StoredObject, WriteResult } from './store.js';

/** S3's smallest part: a part waits on disk, and only the parts being sent are in memory. */
const PART_SIZE = 5 * 1024 * 1024;
/** Parts in memory at once, across every object the store writes. */
const PARTS_IN_MEMORY = 2;

export interface S3StoreOptions {
  owner?: string;
  encryption?: { algorithm: 'AES256' | 'KMS'; kmsKeyId?: string };
  /** Where parts wait while they fill (the runner's temp folder); the system's by default. */
  spoolDir?: string;
}

export class S3Store implements Store {
  private readonly s3: S3Client;
  readonly bucket: string;
  private readonly options: S3StoreOptions;
  private readonly slots = new PartSlots(PARTS_IN_MEMORY);

  constructor(s3: S3Client, bucket: string, options: S3StoreOptions = {}) {
    this.s3 = s3;
    this.bucket = bucket;
    this.options = options;
  }

  describe(key: string): string {
    return `s3://${this.bucket}/${key}`;
  }

  async *list(prefix: string, limit: number): AsyncGenerator<StoredObject> {
    let token: string | undefined;
    let count = 0;
    do {
      const page = await this.s3.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token, ...this.owner() }),
      );
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined) continue;
        if (count++ >= limit) return;
        yield { key: object.Key, size: object.Size ?? 0 };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
  }

  async *read(key: string): AsyncGenerator<Uint8Array> {
    const response = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, ...this.owner() }));
    const body = response.Body as (Readable & AsyncIterable<Uint8Array>) | undefined;
    if (body === undefined) return;
    yield* body;
  }

  /** The first bytes of an object, to sample it without reading it all. */
  async *readHead(key: string, bytes: number): AsyncGenerator<Uint8Array> {
    const response = await this.s3.send(
      new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${bytes - 1}`, ...this.owner() }),
    );
    const body = response.Body as (Readable & AsyncIterable<Uint8Array>) | undefined;
    if (body === undefined) return;
    yield* body;
  }

  async readText(key: string): Promise<string | undefined> {
    try {
      const response = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, ...this.owner() }));
      return (await response.Body?.transformToString('utf8')) ?? '';
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  write(key: string, chunks: AsyncIterable<Uint8Array>): Promise<WriteResult> {
    return uploadSpooled(this.s3, chunks, {
      params: { Bucket: this.bucket, Key: key, ...this.encryption(), ...this.owner() },
      partSize: PART_SIZE,
      spoolDir: this.options.spoolDir ?? tmpdir(),
      slots: this.slots,
    });
  }

  async writeText(key: string, text: string): Promise<WriteResult> {
    const result = await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: text,
        // Given even when it is 0 (the empty _started marker), so the SDK knows the length.
        ContentLength: Buffer.byteLength(text),
        ContentType: 'application/json',
        ...this.encryption(),
        ...this.owner(),
      }),
    );
    return { etag: unquote(result.ETag ?? ''), bytes: Buffer.byteLength(text) };
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
