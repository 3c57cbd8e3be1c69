// A cancelled workflow (SIGTERM or SIGINT) stops a direct import and a direct
// export within 5 seconds, and still says what was done: status CANCELLED,
// counts that match what the table or the data files hold, and no manifest
// for the unfinished export. A proxy slows DynamoDB Local down so that the
// signal comes half-way through.

import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { useLocalCredentials } from '../local-aws.js';
import { type ThrottlingProxy, startThrottlingProxy } from '../throttling-proxy.js';
import {
  clientFor,
  createKeyedTable,
  errorLines,
  exportedIds,
  filesUnder,
  loadItems,
  progressCounts,
  tableIds,
  writeSource,
} from '../direct/fault-helpers.js';
import { newBucket, newTable, runLocal, s3 } from '../direct/helpers.js';

const ITEMS = 30_000;
/** Lines the decoder rejects, before the items: each run has read them all when the signal comes. */
const BAD_LINES = ['{"Item":{"other":{"S":"no key"}}}', 'not json', '{"Item":{"id":{"N":"1"}}}'];
/** How long a cancelled step may take to stop (the figure). */
const STOP_MS = 5_000;

let proxy: ThrottlingProxy;
let source: string;
let exportTable: string;

beforeAll(async () => {
  useLocalCredentials();
  // 200 ms a call: 4 writers import at most 500 items a second, and 4 scan
  // segments read 100 items a page, at most 2,000 items a second, so neither
  // is done when the first progress line (after 10 seconds) triggers the signal.
  proxy = await startThrottlingProxy(inject('dynamodbEndpoint'), {
    throttleEvery: 0,
    splitEvery: 0,
    delayMs: 200,
    pageLimit: 100,
  });
  source = writeSource(ITEMS, BAD_LINES);
  exportTable = await newTable();
  await loadItems(clientFor(inject('dynamodbEndpoint')), exportTable, ITEMS);
}, 120_000);

afterAll(async () => {
  await proxy?.close();
});

const afterFirstProgress = (verb: 'Imported' | 'Exported') => (log: string) => progressCounts(log, verb).length > 0;

describe.each(['SIGTERM', 'SIGINT'] as const)('%s', (signal) => {
  it(
    `stops a direct import within ${STOP_MS / 1000}s, with counts that match the table`,
    { timeout: 90_000 },
    async () => {
      const table = `cancel-import-${signal.toLowerCase()}-${process.pid}`;
      await createKeyedTable(clientFor(inject('dynamodbEndpoint')), table);
      const run = await runLocal(
        {
          mode: 'import',
          path: source,
          'table-name': table,
          'existing-table': 'merge',
          'endpoint-url': proxy.endpoint,
          concurrency: '4',
          'max-errors': '100',
        },
        { timeoutMs: 60_000, signal: { name: signal, when: afterFirstProgress('Imported') } },
      );

      expect(run.exitAfterSignalMs, run.log).toBeDefined();
      expect(run.exitAfterSignalMs).toBeLessThan(STOP_MS);
      expect(run.log).toContain(`Received ${signal}: stopping, and reporting what was done.`);
      expect(errorLines(run.log)).toEqual([expect.stringMatching(/^::error::CANCELLED: The step was cancelled;/)]);
      expect(run.exitCode).toBe(1);

      const ids = await tableIds(clientFor(inject('dynamodbEndpoint')), table);
      const imported = Number(run.outputs['imported-item-count']);
      const processed = Number(run.outputs['processed-item-count']);
      expect(run.outputs).toMatchObject({
        status: 'CANCELLED',
        engine: 'direct',
        'error-count': String(BAD_LINES.length),
      });
      // Half-way: some written, not all; the table holds exactly what the step says it wrote.
      expect(imported).toBeGreaterThan(0);
      expect(imported).toBeLessThan(ITEMS);
      expect(ids).toHaveLength(imported);
      expect(new Set(ids).size).toBe(imported);
      // Read but never sent: at most the one batch (25 items) waiting for a free writer when the signal came.
      expect(processed - imported - BAD_LINES.length).toBeGreaterThanOrEqual(0);
      expect(processed - imported - BAD_LINES.length).toBeLessThanOrEqual(25);
      // The progress lines counted items DynamoDB acknowledged, never more.
      for (const count of progressCounts(run.log, 'Imported')) expect(count).toBeLessThanOrEqual(imported);
      expect(run.outputs['rejected-items']).toBeDefined();
      expect(run.summary).toContain(`The ${imported.toLocaleString('en-US')} item(s) written to ${table} stay`);
    },
  );

  it(
    `stops a direct export within ${STOP_MS / 1000}s, leaving whole data files and no manifest`,
    { timeout: 90_000 },
    async () => {
      const path = mkdtempSync(join(tmpdir(), 'cancel-export-'));
      const run = await runLocal(
        {
          mode: 'export',
          'table-name': exportTable,
          path,
          'endpoint-url': proxy.endpoint,
          concurrency: '4',
        },
        { timeoutMs: 60_000, signal: { name: signal, when: afterFirstProgress('Exported') } },
      );

      expect(run.exitAfterSignalMs, run.log).toBeDefined();
      expect(run.exitAfterSignalMs).toBeLessThan(STOP_MS);
      expect(errorLines(run.log)).toEqual([expect.stringMatching(/^::error::CANCELLED: The step was cancelled;/)]);
      expect(run.exitCode).toBe(1);
      expect(run.outputs.status).toBe('CANCELLED');
      expect(run.outputs['export-manifest']).toBeUndefined();
      expect(run.outputs['data-url']).toBeUndefined();

      // An unfinished export is never taken for a whole one: _started and data files, no manifest.
      const files = filesUnder(path);
      expect(files.some((f) => f.endsWith('/_started'))).toBe(true);
      expect(files.filter((f) => /manifest/.test(f))).toEqual([]);
      // Every data file is whole, and together they hold exactly item-count distinct items.
      const exported = Number(run.outputs['item-count']);
      const ids = exportedIds(path);
      expect(exported).toBeGreaterThan(0);
      expect(exported).toBeLessThan(ITEMS);
      expect(ids).toHaveLength(exported);
      expect(new Set(ids).size).toBe(exported);
      expect(run.summary).toContain('has no manifest, so no import takes it for a whole export');
    },
  );
});

it(
  'a cancel flushes the rejected items to S3: the object holds exactly error-count lines',
  { timeout: 90_000 },
  async () => {
    // Every other line is bad: the rejects stream is busy all the way.
    const lines = Array.from({ length: 20_000 }, (_, i) =>
      i % 2 === 0 ? `{"Item":{"id":{"S":"good-${i}"}}}` : `{"Item":{"other":{"S":"bad-${i}"}}}`,
    );
    const path = join(mkdtempSync(join(tmpdir(), 'rejects-')), 'items.json');
    writeFileSync(path, lines.join('\n'));
    const bucket = await newBucket();
    const rejects = `s3://${bucket}/rejects.jsonl`;
    const table = `cancel-rejects-${process.pid}`;
    await createKeyedTable(clientFor(inject('dynamodbEndpoint')), table);
    const run = await runLocal(
      {
        mode: 'import',
        path,
        'table-name': table,
        'existing-table': 'merge',
        'endpoint-url': proxy.endpoint,
        concurrency: '2',
        'rejected-items': rejects,
        'max-errors': '100000',
      },
      { timeoutMs: 60_000, signal: { name: 'SIGTERM', when: afterFirstProgress('Imported') } },
    );
    expect(run.exitAfterSignalMs, run.log).toBeLessThan(STOP_MS);
    expect(run.outputs).toMatchObject({ status: 'CANCELLED', 'rejected-items': rejects });
    const errors = Number(run.outputs['error-count']);
    expect(errors).toBeGreaterThan(0);
    expect(errors).toBeLessThan(lines.length / 2);
    const object = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: 'rejects.jsonl' }));
    const rejected = ((await object.Body?.transformToString('utf8')) ?? '').trim().split('\n');
    expect(rejected).toHaveLength(errors);
    expect(await tableIds(clientFor(inject('dynamodbEndpoint')), table)).toHaveLength(
      Number(run.outputs['imported-item-count']),
    );
  },
);

it('a cancel before the table is touched creates nothing', async () => {
  // Every call takes a second: the signal, sent as soon as the source is listed, lands before the table is made.
  const slow = await startThrottlingProxy(inject('dynamodbEndpoint'), {
    throttleEvery: 0,
    splitEvery: 0,
    delayMs: 1000,
  });
  try {
    const table = `cancel-early-${process.pid}`;
    const run = await runLocal(
      {
        mode: 'import',
        path: writeSource(10),
        'table-name': table,
        'partition-key': 'id:S',
        'endpoint-url': slow.endpoint,
      },
      { timeoutMs: 60_000, signal: { name: 'SIGTERM', when: (log) => log.includes('Reading 1 object(s)') } },
    );
    expect(run.exitAfterSignalMs, run.log).toBeLessThan(STOP_MS);
    expect(errorLines(run.log)).toEqual([
      '::error::CANCELLED: The step was cancelled; Nothing was created, emptied or written.',
    ]);
    expect(run.outputs).toMatchObject({ status: 'CANCELLED', 'processed-item-count': '0' });
    await expect(
      clientFor(inject('dynamodbEndpoint')).send(new DescribeTableCommand({ TableName: table })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  } finally {
    await slow.close();
  }
});
