// The action's own client settings against the suite's real local servers:
// objects read back byte for byte, numbers and binary survive DynamoDB Local.

import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { CreateTableCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDynamoDbClient } from '../src/aws/clients.js';
import { createS3Client } from '../src/aws/s3-client.js';
import { localSettings, uniqueName, useLocalCredentials } from './local-aws.js';

beforeAll(() => useLocalCredentials());

async function readBody(body: unknown): Promise<Buffer> {
  const bytes = await (body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray();
  return Buffer.from(bytes);
}

describe('S3 through the local server with the action S3 client', () => {
  const s3 = createS3Client(localSettings());
  const bucket = uniqueName('bytes');

  beforeAll(async () => {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  });

  it('puts and gets an object byte for byte', async () => {
    const body = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(1024 * 1024)]);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'put.bin', Body: body }));
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'put.bin' }));
    expect(head.ContentLength).toBe(body.length);
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'put.bin' }));
    expect((await readBody(got.Body)).equals(body)).toBe(true);
  });

  it('uploads a stream of unknown length in parts and reads it back byte for byte', async () => {
    const chunks = Array.from({ length: 12 }, () => randomBytes(1024 * 1024));
    const upload = new Upload({
      client: s3,
      params: { Bucket: bucket, Key: 'multipart.bin', Body: Readable.from(chunks) },
      partSize: 5 * 1024 * 1024,
    });
    await upload.done();
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'multipart.bin' }));
    expect((await readBody(got.Body)).equals(Buffer.concat(chunks))).toBe(true);
  });

  it('reads a ranged part of an object', async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'range.txt', Body: '0123456789' }));
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'range.txt', Range: 'bytes=2-5' }));
    expect((await readBody(got.Body)).toString()).toBe('2345');
  });

  it('pages through a listing', async () => {
    for (const i of [1, 2, 3, 4, 5])
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `list/${i}.txt`, Body: String(i) }));
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: 'list/', MaxKeys: 2, ContinuationToken: token }),
      );
      keys.push(...(page.Contents ?? []).map((o) => o.Key ?? ''));
      token = page.NextContinuationToken;
    } while (token !== undefined);
    expect(keys).toEqual(['list/1.txt', 'list/2.txt', 'list/3.txt', 'list/4.txt', 'list/5.txt']);
  });
});

describe('DynamoDB Local with the action DynamoDB client', () => {
  it('stores 38-digit numbers and binary exactly', async () => {
    const dynamodb = createDynamoDbClient(localSettings());
    const table = uniqueName('exact');
    await dynamodb.send(
      new CreateTableCommand({
        TableName: table,
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    const bytes = new Uint8Array(Array.from({ length: 256 }, (_, i) => i));
    const item = {
      id: { S: 'a' },
      big: { N: '12345678901234567890123456789012345678' },
      tiny: { N: '-0.00000000000000000000000000000000000001' },
      bin: { B: bytes },
      set: { BS: [new Uint8Array([0]), new Uint8Array([255, 254])] },
    };
    await dynamodb.send(new PutItemCommand({ TableName: table, Item: item }));
    const got = await dynamodb.send(
      new GetItemCommand({ TableName: table, Key: { id: { S: 'a' } }, ConsistentRead: true }),
    );
    expect(got.Item?.big).toEqual({ N: '12345678901234567890123456789012345678' });
    expect(got.Item?.tiny).toEqual({ N: '-0.00000000000000000000000000000000000001' });
    expect(Array.from(got.Item?.bin?.B ?? [])).toEqual(Array.from(bytes));
    // Sets come back in any order.
    expect((got.Item?.set?.BS ?? []).map((b) => Array.from(b)).sort()).toEqual([[0], [255, 254]]);
  });
});
