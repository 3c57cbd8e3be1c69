// Helpers for the direct engine's integration tests: tables, buckets and
// items on the suite's local servers, and the built action run against them.

import { BatchWriteItemCommand, CreateTableCommand, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { inject } from 'vitest';
import { createDynamoDbClient } from '../../src/aws/clients.js';
import { createS3Client } from '../../src/aws/s3-client.js';
import { localEnv, localSettings, uniqueName } from '../local-aws.js';
import { type ActionRun, type RunOptions, runAction } from '../run-action.js';

export type Item = Record<string, AttributeValue>;

export const dynamodb = () => createDynamoDbClient(localSettings());
export const s3 = () => createS3Client(localSettings());

export async function newBucket(): Promise<string> {
  const bucket = uniqueName('bucket');
  await s3().send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
}

/** A table keyed id:S (and sort:N when `sorted`). */
export async function newTable(options: { sorted?: boolean; name?: string } = {}): Promise<string> {
  const name = options.name ?? uniqueName('table');
  const keys = options.sorted ? ['id', 'sort'] : ['id'];
  await dynamodb().send(
    new CreateTableCommand({
      TableName: name,
      AttributeDefinitions: keys.map((k) => ({ AttributeName: k, AttributeType: k === 'id' ? 'S' : 'N' })),
      KeySchema: keys.map((k, i) => ({ AttributeName: k, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  return name;
}

export async function putItems(table: string, items: Item[]): Promise<void> {
  const client = dynamodb();
  for (let i = 0; i < items.length; i += 25) {
    const batch = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: batch } }));
  }
}

/** Every item of a table, sorted by id then sort, with sets sorted (their order is not kept). */
export async function scanAll(table: string): Promise<Item[]> {
  const client = dynamodb();
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return items.sort((a, b) => compareKeys(a, b));
}

function compareKeys(a: Item, b: Item): number {
  const ka = `${a.id?.S ?? ''}\u0000${(a.sort?.N ?? '').padStart(20, '0')}`;
  const kb = `${b.id?.S ?? ''}\u0000${(b.sort?.N ?? '').padStart(20, '0')}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** A comparable form: bytes as arrays, set members sorted. */
export function normalized(value: unknown): unknown {
  if (value instanceof Uint8Array) return { bytes: Array.from(value) };
  if (Array.isArray(value)) return value.map(normalized);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const n = normalized(inner);
    out[key] =
      ['SS', 'NS', 'BS'].includes(key) && Array.isArray(n)
        ? [...n].sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1))
        : n;
  }
  return out;
}

/** Runs the built action against the local DynamoDB and S3. */
export function runLocal(inputs: Record<string, string>, options: RunOptions = {}): Promise<ActionRun> {
  return runAction(
    { 'endpoint-url': inject('dynamodbEndpoint'), 's3-endpoint-url': inject('s3Endpoint'), ...inputs },
    { ...options, env: { ...localEnv(), ...options.env } },
  );
}
