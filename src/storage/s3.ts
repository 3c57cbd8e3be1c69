// An S3 bucket as a store. Streams up with lib-storage's Upload (multipart,
// unknown length) and down with GetObject; the bucket owner is checked on
// every call when `bucket-owner` is given.

import {
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
  type ServerSideEncryption,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import type { Store, StoredObject, WriteResult } from './store.js';

export interface S3StoreOptions {
  owner?: string;
  encryption?: { algorithm: 'AES256' | 'KMS'; kmsKeyId?: string };
  /** Multipart part size; S3's minimum is 5 MiB. */
  partSize?: number;
}

export class S3Store implements Store {
  private readonly s3: S3Client;
  readonly bucket: string;
  private readonly options: S3StoreOptions;

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

  async write(key: string, chunks: AsyncIterable<Uint8Array>): Promise<WriteResult> {
    let bytes = 0;
    async function* counted(): AsyncGenerator<Uint8Array> {
      for await (const chunk of chunks) {
        bytes += chunk.byteLength;
        yield chunk;
      }
    }
    const upload = new Upload({
      client: this.s3,
      params: { Bucket: this.bucket, Key: key, Body: Readable.from(counted()), ...this.encryption(), ...this.owner() },
      // The smallest parts S3 allows, two at a time: an export writes one file
      // per scan segment at once, and each upload holds its parts in memory.
      partSize: this.options.partSize ?? 5 * 1024 * 1024,
      queueSize: 2,
      leavePartsOnError: false,
    });
    const result = await upload.done();
    return { etag: unquote(result.ETag ?? ''), bytes };
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

function unquote(etag: string): string {
  return etag.replace(/^"|"$/g, '');
}
