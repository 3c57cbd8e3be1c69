// The S3 store against the suite's local S3: every AWS error names the bucket
// and the key it was about (a missing bucket is BUCKET_NOT_FOUND), reads stop
// at the size they were given, and small files are refused over their cap.

import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../src/aws/s3-client.js';
import { TransferError } from '../../src/errors.js';
import { S3Store } from '../../src/storage/s3.js';
import { TooLargeError } from '../../src/storage/store.js';
import { localSettings, uniqueName, useLocalCredentials } from '../local-aws.js';
import { s3Of } from '../../src/aws/lazy-clients.js';

let s3: S3Client;
let bucket: string;

beforeAll(async () => {
  useLocalCredentials();
  s3 = createS3Client(localSettings());
  bucket = uniqueName('s3-store');
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'data.bin', Body: Buffer.alloc(1000, 7) }));
});

async function bytes(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

async function* once(text: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(text);
}

async function failure(work: () => Promise<unknown>): Promise<TransferError> {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(TransferError);
    return error as TransferError;
  }
  throw new Error('expected a failure');
}

describe('S3Store errors', () => {
  const missing = 'no-such-bucket-for-store';

  it('say BUCKET_NOT_FOUND and name the bucket, for listing, reading and writing', async () => {
    const store = new S3Store(s3Of(s3), missing);
    const listed = await failure(async () => {
      for await (const _ of store.list('in/', 10)) void _;
    });
    expect(listed.code).toBe('BUCKET_NOT_FOUND');
    expect(listed.shown).toMatch(/^BUCKET_NOT_FOUND: ListObjectsV2 of bucket no-such-bucket-for-store, prefix "in\/"/);
    const read = await failure(() => bytes(store.read('in/a.json')));
    expect(read.shown).toMatch(/^BUCKET_NOT_FOUND: GetObject of key in\/a.json in bucket no-such-bucket-for-store/);
    const text = await failure(() => store.readText('in/manifest-files.json', 100));
    expect(text.shown).toContain('bucket no-such-bucket-for-store');
    const written = await failure(() => store.write('out/x.json', once('x')));
    expect(written.shown).toMatch(/^BUCKET_NOT_FOUND: PutObject of key out\/x.json in bucket no-such-bucket-for-store/);
    const writtenText = await failure(() => store.writeText('out/_started', ''));
    expect(writtenText.code).toBe('BUCKET_NOT_FOUND');
  });

  it('name the key of a missing object', async () => {
    const error = await failure(() => bytes(new S3Store(s3Of(s3), bucket).read('not/there.json')));
    expect(error.shown).toContain(`GetObject of key not/there.json in bucket ${bucket} failed with NoSuchKey`);
  });
});

describe('S3Store reads', () => {
  it('stop at the size they are given', async () => {
    const store = new S3Store(s3Of(s3), bucket);
    expect((await bytes(store.read('data.bin', 10))).length).toBe(10);
    expect((await bytes(store.read('data.bin', 0))).length).toBe(0);
    expect((await bytes(store.read('data.bin'))).length).toBe(1000);
  });

  it('refuse a text object over its cap, and say undefined for one that is not there', async () => {
    const store = new S3Store(s3Of(s3), bucket);
    await expect(store.readText('data.bin', 999)).rejects.toBeInstanceOf(TooLargeError);
    expect((await store.readText('data.bin', 1000))?.length).toBe(1000);
    expect(await store.readText('nothing.json', 10)).toBeUndefined();
  });

  it('stat gives an object size, or undefined', async () => {
    const store = new S3Store(s3Of(s3), bucket);
    // The ETag comes along: a resumed import compares it.
    expect(await store.stat('data.bin')).toEqual({
      key: 'data.bin',
      size: 1000,
      etag: expect.stringMatching(/^"[0-9a-f]{32}"$/),
    });
    expect(await store.stat('data.bi')).toBeUndefined();
  });
});
