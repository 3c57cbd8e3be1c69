// The import's target table: described, created from the plan's parameters
// and waited on until it and its indexes are ACTIVE, or emptied for
// `existing-table: replace`.

import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  ScanCommand,
  type TableCreationParameters,
  type TableDescription,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { TransferError } from '../errors.js';
import type { Item } from '../formats/attribute-value.js';
import { writeAll } from './retry.js';

export interface TableDeps {
  dynamodb: DynamoDBClient;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  log: (line: string) => void;
}

export async function describeTable(dynamodb: DynamoDBClient, name: string): Promise<TableDescription | undefined> {
  try {
    return (await dynamodb.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

/** The table's own key attribute names: HASH first, then RANGE. */
export function primaryKeyNames(table: Pick<TableDescription, 'KeySchema'>): string[] {
  const keys = table.KeySchema ?? [];
  return ['HASH', 'RANGE'].flatMap((type) => keys.filter((k) => k.KeyType === type).map((k) => k.AttributeName ?? ''));
}

export async function createTable(
  parameters: Partial<TableCreationParameters> & { TableName: string },
  deps: TableDeps,
  timeoutMs: number,
): Promise<TableDescription> {
  if (parameters.KeySchema === undefined || parameters.AttributeDefinitions === undefined) {
    throw new TransferError(
      'NO_KEY_SCHEMA',
      `Table ${parameters.TableName} does not exist, and there is no key schema to create it with: give partition-key (and sort-key) or table-creation-parameters.`,
    );
  }
  deps.log(`Creating table ${parameters.TableName} (${describeKeys(parameters)})`);
  await deps.dynamodb.send(
    new CreateTableCommand({
      ...parameters,
      TableName: parameters.TableName,
      KeySchema: parameters.KeySchema,
      AttributeDefinitions: parameters.AttributeDefinitions,
    }),
  );
  return waitUntilActive(parameters.TableName, deps, timeoutMs);
}

function describeKeys(parameters: Partial<TableCreationParameters>): string {
  const type = (name: string | undefined) =>
    parameters.AttributeDefinitions?.find((d) => d.AttributeName === name)?.AttributeType;
  const keys = (parameters.KeySchema ?? [])
    .map((k) => `${k.AttributeName}:${type(k.AttributeName)} ${k.KeyType}`)
    .join(', ');
  const indexes = parameters.GlobalSecondaryIndexes?.length ?? 0;
  return `${keys}${indexes > 0 ? `, ${indexes} global secondary index(es)` : ''}, ${parameters.BillingMode ?? 'PAY_PER_REQUEST'}`;
}

/** Polls until the table and every global secondary index are ACTIVE. */
export async function waitUntilActive(name: string, deps: TableDeps, timeoutMs: number): Promise<TableDescription> {
  const deadline = deps.now() + timeoutMs;
  let delay = 250;
  for (;;) {
    const table = await describeTable(deps.dynamodb, name);
    const indexesActive = (table?.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE');
    if (table?.TableStatus === 'ACTIVE' && indexesActive) return table;
    if (deps.now() + delay > deadline) {
      throw new TransferError(
        'TABLE_NOT_ACTIVE',
        `Table ${name} is not ACTIVE after ${Math.round(timeoutMs / 1000)}s (status ${table?.TableStatus ?? 'missing'}); nothing was written.`,
      );
    }
    await deps.sleep(delay);
    delay = Math.min(delay * 2, 5000);
  }
}

/** Deletes every item, keeping the table and its key schema; returns how many were deleted. */
export async function emptyTable(table: TableDescription, deps: TableDeps, segments: number): Promise<number> {
  const name = table.TableName ?? '';
  const keys = primaryKeyNames(table);
  const names = Object.fromEntries(keys.map((k, i) => [`#k${i}`, k]));
  let deleted = 0;
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let start: Item | undefined;
      do {
        const page = await deps.dynamodb.send(
          new ScanCommand({
            TableName: name,
            Segment: segment,
            TotalSegments: segments,
            ProjectionExpression: Object.keys(names).join(', '),
            ExpressionAttributeNames: names,
            ExclusiveStartKey: start,
            ConsistentRead: true,
          }),
        );
        const requests: WriteRequest[] = (page.Items ?? []).map((key) => ({ DeleteRequest: { Key: key } }));
        for (let i = 0; i < requests.length; i += 25) {
          const failed = await writeAll(deps.dynamodb, name, requests.slice(i, i + 25), deps);
          if (failed.length > 0) {
            throw new TransferError(
              'WRITE_FAILED',
              `Could not empty table ${name}: ${failed.length} delete(s) still failed after retries (${failed[0]?.reason}). ${deleted} item(s) were deleted; run again to finish.`,
            );
          }
          deleted += Math.min(25, requests.length - i);
        }
        start = page.LastEvaluatedKey;
      } while (start !== undefined);
    }),
  );
  return deleted;
}
