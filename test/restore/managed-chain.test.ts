// A chain into a new table on AWS (engine: auto): the full export goes
// through AWS's ImportTable, then this action applies the incremental exports.
// DynamoDB is mocked at the SDK boundary with the response shapes AWS
// documents, as test/managed/ does; the exports are on the local S3 server.

import {
  BatchWriteItemCommand,
  DescribeImportCommand,
  DescribeTableCommand,
  ImportTableCommand,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EngineDeps } from '../../src/direct/deps.js';
import type { Item } from '../../src/formats/attribute-value.js';
import type { ImportPlan } from '../../src/plan.js';
import { findRestore } from '../../src/restore/detect.js';
import { restoreEngine } from '../../src/restore/engine.js';
import { runRestore } from '../../src/restore/run.js';
import { useLocalCredentials } from '../local-aws.js';
import { fakeClock, managedDeps, mockedClients, notFound } from '../managed/helpers.js';
import { plan as planOf } from '../plan-helpers.js';
import { newBucket, normalized } from './helpers.js';
import { type History, T, buildHistory, upload } from './scenario.js';

const BUILT = 'made/';
const IMPORT_ARN = 'arn:aws:dynamodb:eu-west-1:123456789012:table/Orders-restored/import/01658528578619-c4d4e311';
let history: History;
let bucket: string;
let clients: ReturnType<typeof mockedClients>;

beforeAll(async () => {
  useLocalCredentials();
  history = await buildHistory(BUILT);
  bucket = await newBucket();
  await upload(bucket, BUILT, 'orders/', history.full, ...history.windows);
}, 120_000);

const TABLE = {
  TableName: 'Orders-restored',
  TableArn: 'arn:aws:dynamodb:eu-west-1:123456789012:table/Orders-restored',
  TableStatus: 'ACTIVE' as const,
  KeySchema: [
    { AttributeName: 'id', KeyType: 'HASH' as const },
    { AttributeName: 'sort', KeyType: 'RANGE' as const },
  ],
  AttributeDefinitions: [
    { AttributeName: 'id', AttributeType: 'S' as const },
    { AttributeName: 'sort', AttributeType: 'N' as const },
  ],
};

const job = (status: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED', extra: Record<string, unknown> = {}) => ({
  ImportTableDescription: { ImportArn: IMPORT_ARN, ImportStatus: status, TableArn: TABLE.TableArn, ...extra },
});

beforeEach(() => {
  clients = mockedClients();
  // Not there for the pre-flight; there once ImportTable has made it.
  clients.dynamodbMock.on(DescribeTableCommand).rejectsOnce(notFound()).resolves({ Table: TABLE });
  clients.dynamodbMock.on(ImportTableCommand).resolves(job('IN_PROGRESS'));
  clients.dynamodbMock.on(BatchWriteItemCommand).resolves({ UnprocessedItems: {} });
});

function restorePlan(extra: Record<string, string> = {}): ImportPlan {
  const p = planOf({
    mode: 'import',
    bucket,
    prefix: 'orders/',
    'table-name': 'Orders-restored',
    'partition-key': 'id:S',
    'sort-key': 'sort:N',
    ...extra,
  });
  if (p.mode !== 'import') throw new Error('not an import');
  return p;
}

async function restore(plan: ImportPlan) {
  const clock = fakeClock();
  const managed = managedDeps(clients, clock);
  const direct: EngineDeps = {
    dynamodb: clients.dynamodb,
    s3: managed.s3,
    log: managed.log,
    phase: managed.phase,
    warn: managed.warn,
    sleep: clock.sleep,
    now: clock.now,
    tempDir: mkdtempSync(join(tmpdir(), 'restore-')),
  };
  // The exports are dated by the scenario (after the fake clock's start): manifests are checked against the real clock.
  const source = await findRestore(plan, managed.s3, new Date());
  if (source === undefined) throw new Error('not a restore');
  const choice = restoreEngine(plan.engine as { engine: 'managed'; reason: string }, source.chain);
  const result = await runRestore(
    { ...plan, rejectedItems: { kind: 'local', path: join(direct.tempDir, 'r.jsonl') } },
    source,
    choice,
    {
      managed,
      direct,
    },
  );
  return { result, lines: managed.lines, choice };
}

/** The table a sequence of BatchWriteItem calls leaves, starting from `start`. */
function replay(start: Map<string, Item>, requests: WriteRequest[]): Map<string, Item> {
  const state = new Map(start);
  for (const r of requests) {
    const item = (r.PutRequest?.Item ?? r.DeleteRequest?.Key) as Item;
    const key = `${item.id?.S}\u0000${item.sort?.N}`;
    if (r.PutRequest !== undefined) state.set(key, item);
    else state.delete(key);
  }
  return state;
}

describe('a chain into a new table on AWS', () => {
  it('imports the full export with ImportTable, then applies the incremental exports itself', async () => {
    clients.dynamodbMock
      .on(DescribeImportCommand)
      .resolves(job('COMPLETED', { ProcessedItemCount: 30, ImportedItemCount: 30, ErrorCount: 0 }));
    const plan = restorePlan();
    expect(plan.engine.engine).toBe('managed');
    const { result, choice } = await restore(plan);
    expect(choice.reason).toBe(
      "the table is new, so AWS's ImportTable creates and fills it; then this action applies the 3 incremental export(s) (direct engine: AWS has no API that applies them)",
    );
    const [importCall] = clients.dynamodbMock.commandCalls(ImportTableCommand);
    expect(importCall?.args[0].input).toMatchObject({
      S3BucketSource: { S3Bucket: bucket, S3KeyPrefix: `orders/AWSDynamoDB/${history.full.id}/data/` },
      InputFormat: 'DYNAMODB_JSON',
      InputCompressionType: 'GZIP',
      TableCreationParameters: expect.objectContaining({ TableName: 'Orders-restored' }),
    });
    // Every change of the three windows, in order: on top of the imported table, the table at the end.
    const writes = clients.dynamodbMock
      .commandCalls(BatchWriteItemCommand)
      .flatMap((c) => c.args[0].input.RequestItems?.['Orders-restored'] ?? []);
    const changes = history.windows.reduce((sum, w) => sum + w.dataFiles.flatMap((f) => f.lines).length, 0);
    expect(writes).toHaveLength(changes);
    expect(normalized([...replay(history.states[0]!, writes).values()].sort(byKey))).toEqual(
      normalized([...history.states[3]!.values()].sort(byKey)),
    );
    expect(result).toMatchObject({
      status: 'COMPLETED',
      engine: 'direct',
      restoredTo: T[3]!.toISOString(),
      exportsApplied: 4,
      jobArn: IMPORT_ARN,
      processedItemCount: 30 + changes,
      errorCount: 0,
    });
    expect(result.chain?.rows.map((r) => [r.engine, r.state])).toEqual([
      ['managed', 'applied'],
      ['direct', 'applied'],
      ['direct', 'applied'],
      ['direct', 'applied'],
    ]);
  });

  it('applies nothing when ImportTable fails, and says which export failed', async () => {
    clients.dynamodbMock.on(DescribeImportCommand).resolves(
      job('FAILED', {
        FailureCode: 'ItemValidationError',
        FailureMessage: 'Some of the items failed validation checks',
      }),
    );
    const { result } = await restore(restorePlan());
    expect(clients.dynamodbMock.commandCalls(BatchWriteItemCommand)).toHaveLength(0);
    expect(result.status).toBe('FAILED');
    expect(result.restoredTo).toBeUndefined();
    expect(result.chain?.rows.map((r) => r.state)).toEqual(['failed', 'not applied', 'not applied', 'not applied']);
    expect(result.note).toContain('AWS says ItemValidationError: Some of the items failed validation checks');
  });

  it('refuses wait: false before starting anything', async () => {
    await expect(restore(restorePlan({ wait: 'false' }))).rejects.toThrow(
      'wait: false cannot restore a chain into a new table on AWS',
    );
    expect(clients.dynamodbMock.commandCalls(ImportTableCommand)).toHaveLength(0);
  });
});

const byKey = (a: Item, b: Item) => (`${a.id?.S}\u0000${a.sort?.N}` < `${b.id?.S}\u0000${b.sort?.N}` ? -1 : 1);
