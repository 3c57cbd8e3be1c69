// Helpers for the fault, cancel and new-user tests: generated sources, a
// DynamoDB Local of the test's own (to kill), and what a table or an export
// folder holds.

import { BatchWriteItemCommand, CreateTableCommand, type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createDynamoDbClient } from '../../src/aws/clients.js';
import { localSettings } from '../local-aws.js';
import { type LocalServer, startDynamoDbLocal } from '../servers.js';

export const itemId = (i: number): string => `item-${String(i).padStart(6, '0')}`;

/** A DynamoDB JSON file: `bad` lines first, then `count` small items keyed id:S. */
export function writeSource(count: number, bad: string[] = []): string {
  const path = join(mkdtempSync(join(tmpdir(), 'source-')), 'items.json');
  const lines = [...bad];
  for (let i = 0; i < count; i++) lines.push(`{"Item":{"id":{"S":"${itemId(i)}"},"n":{"N":"${i}"}}}`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** A client for another DynamoDB endpoint (a dedicated server or a proxy). */
export function clientFor(endpoint: string): DynamoDBClient {
  return createDynamoDbClient({ ...localSettings(), endpointUrl: endpoint });
}

export async function createKeyedTable(client: DynamoDBClient, table: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: table,
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}

/** `count` items (itemId(i), with `text` beside), written by 8 parallel loops. */
export async function loadItems(client: DynamoDBClient, table: string, count: number, text = 'x'): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < count) {
        const start = next;
        next = Math.min(count, next + 25);
        const requests = Array.from({ length: next - start }, (_, i) => ({
          PutRequest: { Item: { id: { S: itemId(start + i) }, n: { N: String(start + i) }, text: { S: text } } },
        }));
        await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: requests } }));
      }
    }),
  );
}

/** Every id in the table (with repeats, were there any), from 4 parallel segments. */
export async function tableIds(client: DynamoDBClient, table: string): Promise<string[]> {
  const segments = 4;
  const parts = await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      const ids: string[] = [];
      let start: Record<string, never> | undefined;
      do {
        const page = await client.send(
          new ScanCommand({
            TableName: table,
            Segment: segment,
            TotalSegments: segments,
            ProjectionExpression: 'id',
            ExclusiveStartKey: start,
            ConsistentRead: true,
          }),
        );
        ids.push(...(page.Items ?? []).map((item) => item.id?.S ?? ''));
        start = page.LastEvaluatedKey as Record<string, never> | undefined;
      } while (start !== undefined);
      return ids;
    }),
  );
  return parts.flat();
}

export function expectedIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => itemId(i));
}

/** Every file under a folder, as paths relative to it. */
export function filesUnder(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else found.push(`${prefix}${name}`);
    }
  };
  if (existsSync(folder)) walk(folder, '');
  return found.sort();
}

/** The ids in every data file of the export folders under `folder`, read as gzip DynamoDB JSON lines. */
export function exportedIds(folder: string): string[] {
  return filesUnder(folder)
    .filter((file) => /\/data\/[^/]+\.json\.gz$/.test(file))
    .flatMap((file) =>
      gunzipSync(readFileSync(join(folder, file)))
        .toString('utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => (JSON.parse(line) as { Item: { id: { S: string } } }).Item.id.S),
    );
}

/** The `::error::` lines of a run's log: what the step says it failed with. */
export function errorLines(log: string): string[] {
  return log.split('\n').filter((line) => line.startsWith('::error::'));
}

/** The item counts of every progress line (`Imported 1,234 items (...)`). */
export function progressCounts(log: string, verb: 'Imported' | 'Exported'): number[] {
  return [...log.matchAll(new RegExp(`${verb} ([\\d,]+) items \\(`, 'g'))].map((m) =>
    Number((m[1] ?? '').replace(/,/g, '')),
  );
}

/**
 * A DynamoDB Local of the test's own, keeping its tables in SQLite under
 * `dbPath` (on /dev/shm where there is one: SQLite on a disk writes ~10x
 * slower), so that it can be killed and started again with its tables.
 */
export async function startOwnDynamoDb(dbPath?: string): Promise<LocalServer & { dbPath: string }> {
  const root = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const path = dbPath ?? mkdtempSync(join(root, 'dynamodb-'));
  const server = await startDynamoDbLocal({ dbPath: path, heap: '512m' });
  return { ...server, dbPath: path };
}
