// Uploads whose parts fill on disk, against the suite's local S3: objects of
// one part and of several, byte for byte, nothing left behind on disk, and a
// failed stream aborts its multipart upload instead of leaving an object.

import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../src/aws/s3-client.js';
import { PartSlots, uploadSpooled } from '../../src/storage/s3-upload.js';
import { chunked } from '../formats/helpers.js';
import { localSettings, uniqueName, useLocalCredentials } from '../local-aws.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION, type LocalServer, startFauxqs } from '../servers.js';
import { s3Of } from '../../src/aws/lazy-clients.js';

const MiB = 1024 * 1024;
let s3: S3Client;
let bucket: string;

beforeAll(async () => {
  useLocalCredentials();
  s3 = createS3Client(localSettings());
  bucket = uniqueName('upload');
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
});

/** The S3 client, with the name of every command it sends. */
function recording(): { client: S3Client; sent: string[] } {
  const sent: string[] = [];
  const client = createS3Client(localSettings());
  client.middlewareStack.add(
    (next, context) => (args) => {
      sent.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'recordCommands' },
  );
  return { client, sent };
}

async function upload(client: S3Client, key: string, chunks: AsyncIterable<Uint8Array>, spoolDir: string) {
  return uploadSpooled(await s3Of(client)(), chunks, {
    params: { Bucket: bucket, Key: key },
    partSize: 5 * MiB,
    spoolDir,
    slots: new PartSlots(2),
  });
}

async function stored(key: string): Promise<Buffer> {
  const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from((await response.Body?.transformToByteArray()) ?? []);
}

describe('uploadSpooled', () => {
  it('sends an object over several parts byte for byte, and leaves no part on disk', async () => {
    const spoolDir = mkdtempSync(join(tmpdir(), 'spool-'));
    const body = randomBytes(12 * MiB + 123);
    const { client, sent } = recording();
    const result = await upload(client, 'multi.bin', chunked(body, 64 * 1024), spoolDir);
    expect(result.bytes).toBe(body.length);
    // s3rver's ETag for a multipart object is its own; S3's would end in -3.
    expect(result.etag).toMatch(/^[0-9a-f]{32}(-3)?$/);
    expect((await stored('multi.bin')).equals(body)).toBe(true);
    expect(sent).toEqual([
      'CreateMultipartUploadCommand',
      'UploadPartCommand',
      'UploadPartCommand',
      'UploadPartCommand',
      'CompleteMultipartUploadCommand',
    ]);
    expect(readdirSync(spoolDir)).toEqual([]);
  });

  it('sends an object smaller than a part, or empty, with one PutObject', async () => {
    const spoolDir = mkdtempSync(join(tmpdir(), 'spool-'));
    const body = randomBytes(300 * 1024);
    const { client, sent } = recording();
    const result = await upload(client, 'small.bin', chunked(body, 1000), spoolDir);
    expect(result).toEqual({ etag: createHash('md5').update(body).digest('hex'), bytes: body.length });
    expect((await stored('small.bin')).equals(body)).toBe(true);
    await upload(client, 'empty.bin', chunked(Buffer.alloc(0)), spoolDir);
    expect((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'empty.bin' }))).ContentLength).toBe(0);
    expect(sent).toEqual(['PutObjectCommand', 'PutObjectCommand']);
    expect(readdirSync(spoolDir)).toEqual([]);
  });

  it('aborts the multipart upload when the stream fails, and leaves no object and no part on disk', async () => {
    const spoolDir = mkdtempSync(join(tmpdir(), 'spool-'));
    const { client, sent } = recording();
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield* chunked(randomBytes(7 * MiB), 64 * 1024);
      throw new Error('the scan failed');
    }
    await expect(upload(client, 'failed.bin', failing(), spoolDir)).rejects.toThrow('the scan failed');
    expect(sent).toEqual(['CreateMultipartUploadCommand', 'UploadPartCommand', 'AbortMultipartUploadCommand']);
    await expect(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'failed.bin' }))).rejects.toThrow();
    expect(readdirSync(spoolDir)).toEqual([]);
  });
});

describe('uploadSpooled with the SDK default checksums, as real S3 gets them', () => {
  let fauxqs: LocalServer | undefined;
  afterAll(async () => fauxqs?.stop());

  it('declares the upload CRC32 and completes it with each part checksum', async () => {
    fauxqs = await startFauxqs();
    const client = new S3Client({
      region: LOCAL_REGION,
      endpoint: fauxqs.endpoint,
      credentials: LOCAL_CREDENTIALS,
      forcePathStyle: true,
    });
    expect(await client.config.requestChecksumCalculation()).toBe('WHEN_SUPPORTED');
    await client.send(new CreateBucketCommand({ Bucket: 'checksums' }));
    const spoolDir = mkdtempSync(join(tmpdir(), 'spool-'));
    const body = randomBytes(11 * MiB);
    const result = await uploadSpooled(await s3Of(client)(), chunked(body, 64 * 1024), {
      params: { Bucket: 'checksums', Key: 'multi.bin' },
      partSize: 5 * MiB,
      spoolDir,
      slots: new PartSlots(2),
    });
    expect(result.bytes).toBe(body.length);
    const head = await client.send(
      new HeadObjectCommand({ Bucket: 'checksums', Key: 'multi.bin', ChecksumMode: 'ENABLED' }),
    );
    expect(head.ContentLength).toBe(body.length);
    expect(head.ChecksumCRC32).toBeDefined();
    const got = await client.send(new GetObjectCommand({ Bucket: 'checksums', Key: 'multi.bin' }));
    expect(Buffer.from((await got.Body?.transformToByteArray()) ?? []).equals(body)).toBe(true);
    expect(readdirSync(spoolDir)).toEqual([]);
  });
});

describe('PartSlots', () => {
  it('lets only as many parts be sent at once as it has slots, and hands each freed slot on', async () => {
    const slots = new PartSlots(3);
    let running = 0;
    let most = 0;
    const done = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        slots.use(async () => {
          running += 1;
          most = Math.max(most, running);
          await new Promise((resolve) => setTimeout(resolve, 1 + (i % 4)));
          running -= 1;
          return i;
        }),
      ),
    );
    expect(most).toBe(3);
    expect(done).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('frees the slot of work that fails', async () => {
    const slots = new PartSlots(1);
    await expect(slots.use(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    await expect(slots.use(async () => 'next')).resolves.toBe('next');
  });
});
