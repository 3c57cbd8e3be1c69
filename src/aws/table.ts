// Table operations both engines and the engine choice share: describe,
// create and wait until ACTIVE, and the key schema in the forms the action
// uses.

import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  type TableCreationParameters,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { TransferError } from '../errors.js';
import { explain } from './errors.js';
import { pollUntil } from './poll.js';
import { errorName, isRetryable } from './retry.js';

export interface TableDeps {
  dynamodb: DynamoDBClient;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
  log: (line: string) => void;
  signal?: AbortSignal | undefined;
}

/** The table, or undefined when it does not exist; any other failure is explained. */
export async function describeTable(dynamodb: DynamoDBClient, name: string): Promise<TableDescription | undefined> {
  try {
    return (await dynamodb.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (error) {
    if (errorName(error) === 'ResourceNotFoundException') return undefined;
    if (isRetryable(error)) throw error; // for the caller's retries and polls
    throw explain(error, `DescribeTable of ${name}`);
  }
}

/** The table's own key attribute names: HASH first, then RANGE. */
export function primaryKeyNames(table: Pick<TableDescription, 'KeySchema'>): string[] {
  const keys = table.KeySchema ?? [];
  return ['HASH', 'RANGE'].flatMap((type) => keys.filter((k) => k.KeyType === type).map((k) => k.AttributeName ?? ''));
}

/** `pk:S`, `sk:N`: the table's keys as the partition-key and sort-key inputs take them. */
export function keySchemaOf(table: Pick<TableDescription, 'KeySchema' | 'AttributeDefinitions'>): string[] {
  const type = (name: string) =>
    table.AttributeDefinitions?.find((d) => d.AttributeName === name)?.AttributeType ?? 'S';
  return primaryKeyNames(table).map((name) => `${name}:${type(name)}`);
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
  try {
    await deps.dynamodb.send(
      new CreateTableCommand({
        ...parameters,
        TableName: parameters.TableName,
        KeySchema: parameters.KeySchema,
        AttributeDefinitions: parameters.AttributeDefinitions,
      }),
    );
  } catch (error) {
    throw explain(error, `CreateTable of ${parameters.TableName}`);
  }
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
  const outcome = await pollUntil({
    describe: () => describeTable(deps.dynamodb, name),
    isFinal: (table) =>
      table?.TableStatus === 'ACTIVE' &&
      (table.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE'),
    onPoll: () => undefined,
    firstIntervalMs: 250,
    maxIntervalMs: 5000,
    // A table being created is polled for minutes at most; an endpoint that stops answering is not waited on for hours.
    maxConsecutiveErrors: 10,
    deadline: deps.now() + timeoutMs,
    signal: deps.signal,
    sleep: deps.sleep,
    now: deps.now,
  }).catch((error: unknown) => {
    throw explain(error, `DescribeTable of ${name}, waiting for it to become ACTIVE`, 'ENDPOINT_UNAVAILABLE');
  });
  if (outcome.kind === 'final' && outcome.state !== undefined) return outcome.state;
  throw new TransferError(
    outcome.kind === 'aborted' ? 'CANCELLED' : 'TABLE_NOT_ACTIVE',
    outcome.kind === 'aborted'
      ? `The step was cancelled while table ${name} was being created; nothing was written.`
      : `Table ${name} is not ACTIVE after ${Math.round(timeoutMs / 1000)}s (status ${outcome.state?.TableStatus ?? 'missing'}); nothing was written.`,
  );
}
