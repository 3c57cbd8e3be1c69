// DynamoDB failing under a running import or export: killed outright, or
// refusing every request, or refusing after a while. The step stops soon with
// one message, counts exactly what DynamoDB acknowledged, keeps its rejected
// items, and a re-run finishes the job with every item exactly once.

import { GetObjectCommand } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { awsError } from '../dynamodb-stub.js';
import { uniqueName, useLocalCredentials } from '../local-aws.js';
import type { LocalServer } from '../servers.js';
import { type ThrottlingProxy, startThrottlingProxy } from '../throttling-proxy.js';
import {
  clientFor,
  createKeyedTable,
  errorLines,
  expectedIds,
  exportedIds,
  filesUnder,
  loadItems,
  progressCounts,
  startOwnDynamoDb,
  tableIds,
  writeSource,
} from '../direct/fault-helpers.js';
import { newBucket, newTable, runLocal, s3 } from '../direct/helpers.js';

/** The figure: a dead endpoint fails the step within a minute. */
const FAIL_WITHIN_MS = 60_000;
/** A frozen endpoint (answers nothing) fails the step within 90 s whatever the load (issue 23). */
const FROZEN_FAIL_WITHIN_MS = 90_000;

const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(() => useLocalCredentials());
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function ownDynamoDb(dbPath?: string): Promise<LocalServer & { dbPath: string }> {
  const server = await startOwnDynamoDb(dbPath);
  cleanups.push(() => server.stop());
  if (dbPath === undefined) cleanups.unshift(() => rmSync(server.dbPath, { recursive: true, force: true }));
  return server;
}

async function proxyTo(target: string, options: Parameters<typeof startThrottlingProxy>[1]): Promise<ThrottlingProxy> {
  const proxy = await startThrottlingProxy(target, options);
  cleanups.push(() => proxy.close());
  return proxy;
}

const noFaults = { throttleEvery: 0, splitEvery: 0 };

/**
 * Kills something a while after a line shows in the step's log (runAction's
 * `signal.when` sees the log as it comes, and is told never to signal).
 */
function killer(kill: () => void): {
  after: (line: string, ms: number, ready?: () => boolean) => (log: string) => boolean;
  sinceKilled: () => number;
} {
  let timer: NodeJS.Timeout | undefined;
  let killedAt: number | undefined;
  cleanups.push(() => clearTimeout(timer));
  return {
    after:
      (line, ms, ready = () => true) =>
      (log) => {
        if (timer === undefined && log.includes(line)) {
          // Waits for `ready` too: on a loaded machine two seconds may pass before the first write lands.
          const arm = (): void => {
            timer = ready()
              ? setTimeout(() => {
                  killedAt = Date.now();
                  kill();
                }, ms)
              : setTimeout(arm, 100);
          };
          arm();
        }
        return false;
      },
    // Infinite when the step ended before the kill.
    sinceKilled: () => (killedAt === undefined ? Number.POSITIVE_INFINITY : Date.now() - killedAt),
  };
}

describe('DynamoDB frozen mid-way', () => {
  it(
    'an import fails with one message once nothing has got through for a while, instead of hanging',
    { timeout: 240_000 },
    async () => {
      const count = 20_000;
      const source = writeSource(count);
      const server = await ownDynamoDb();
      const table = 'frozen-import';
      await createKeyedTable(clientFor(server.endpoint), table);
      // Stopped, not killed: connections stay open and nothing answers, as with a hung host.
      const freeze = killer(() => process.kill(server.pid, 'SIGSTOP'));
      // Cleanups run last-first: it wakes up before it is stopped.
      cleanups.push(() => void process.kill(server.pid, 'SIGCONT'));
      const run = await runLocal(
        {
          mode: 'import',
          path: source,
          'table-name': table,
          'existing-table': 'merge',
          concurrency: '8',
          'endpoint-url': server.endpoint,
        },
        { timeoutMs: 180_000, signal: { name: 'SIGTERM', when: freeze.after('::group::Import', 1000) } },
      );
      // A silent request fails after its 60 s, once (the SDK does not retry silence); one silent
      // failure after 30 s with nothing getting through opens the breaker (issue 23: within 90 s).
      expect(freeze.sinceKilled(), run.log).toBeLessThan(FROZEN_FAIL_WITHIN_MS);
      expect(run.exitCode).toBe(1);
      expect(errorLines(run.log)).toEqual([
        expect.stringMatching(/^::error::ENDPOINT_UNAVAILABLE: BatchWriteItem on .*no request got through for \d+ s/),
      ]);
      expect(run.outputs).toMatchObject({ status: 'FAILED', 'error-count': '0' });
      expect(Number(run.outputs['imported-item-count'])).toBeLessThan(count);
    },
  );
});

describe('DynamoDB killed mid-way', () => {
  it(
    'an import fails within a minute with one message and exact counts; a merge re-run completes',
    { timeout: 300_000 },
    async () => {
      const count = 20_000;
      const source = writeSource(count);
      const server = await ownDynamoDb();
      const table = 'killed-import';
      await createKeyedTable(clientFor(server.endpoint), table);

      // 100 ms a request keeps 8 writers under 2,000 items a second, however fast the machine.
      const proxy = await proxyTo(server.endpoint, { ...noFaults, delayMs: 100 });
      // DynamoDB dies, and so does the proxy in front of it: the action sees the endpoint go away.
      const kill = killer(() => {
        process.kill(server.pid, 'SIGKILL');
        void proxy.close();
      });
      const inputs = { mode: 'import', path: source, 'table-name': table, 'existing-table': 'merge', concurrency: '8' };
      const run = await runLocal(
        { ...inputs, 'endpoint-url': proxy.endpoint },
        // Not a signal to the step: the test's cue to kill DynamoDB two seconds into the import.
        {
          timeoutMs: 120_000,
          signal: { name: 'SIGTERM', when: kill.after('::group::Import', 1000, () => proxy.counts.batchWrites >= 40) },
        },
      );
      const failedAfterMs = kill.sinceKilled();

      expect(failedAfterMs, run.log).toBeLessThan(FAIL_WITHIN_MS);
      expect(run.exitCode).toBe(1);
      // One message, code first; no item rejected one by one for the endpoint's sake.
      expect(errorLines(run.log)).toEqual([
        expect.stringMatching(/^::error::ENDPOINT_UNAVAILABLE: BatchWriteItem on /),
      ]);
      expect(run.log).not.toContain('RETRIES_EXHAUSTED');
      expect(run.outputs).toMatchObject({ status: 'FAILED', 'error-count': '0' });
      expect(run.outputs['rejected-items']).toBeUndefined();
      const imported = Number(run.outputs['imported-item-count']);
      expect(imported).toBeGreaterThan(0);
      expect(imported).toBeLessThan(count);
      expect(Number(run.outputs['processed-item-count'])).toBeGreaterThanOrEqual(imported);
      for (const progress of progressCounts(run.log, 'Imported')) expect(progress).toBeLessThanOrEqual(imported);

      // Back on its files: everything acknowledged is there, and at most the requests in flight at the kill besides.
      const back = await ownDynamoDb(server.dbPath);
      const held = await tableIds(clientFor(back.endpoint), table);
      expect(held.length).toBeGreaterThanOrEqual(imported);
      expect(held.length).toBeLessThanOrEqual(imported + 8 * 25);

      const rerun = await runLocal({ ...inputs, 'endpoint-url': back.endpoint }, { timeoutMs: 120_000 });
      expect(rerun.exitCode, rerun.log).toBe(0);
      expect(rerun.outputs).toMatchObject({
        status: 'COMPLETED',
        'processed-item-count': String(count),
        'imported-item-count': String(count),
        'error-count': '0',
      });
      const ids = await tableIds(clientFor(back.endpoint), table);
      expect(ids).toHaveLength(count);
      expect(new Set(ids)).toEqual(new Set(expectedIds(count)));
    },
  );

  it(
    'an export fails within a minute with one message and no manifest; a fresh export has every item once',
    { timeout: 300_000 },
    async () => {
      const count = 10_000;
      const server = await ownDynamoDb();
      const table = 'killed-export';
      await createKeyedTable(clientFor(server.endpoint), table);
      await loadItems(clientFor(server.endpoint), table, count);
      // 100 items a page, 200 ms a page: four segments need several seconds.
      const proxy = await proxyTo(server.endpoint, { ...noFaults, pageLimit: 100, delayMs: 200 });

      const path = mkdtempSync(join(tmpdir(), 'killed-export-'));
      // DynamoDB dies, and so does the proxy in front of it: the action sees the endpoint go away.
      const kill = killer(() => {
        process.kill(server.pid, 'SIGKILL');
        void proxy.close();
      });
      const run = await runLocal(
        { mode: 'export', 'table-name': table, path, concurrency: '4', 'endpoint-url': proxy.endpoint },
        { timeoutMs: 120_000, signal: { name: 'SIGTERM', when: kill.after('Exporting ', 1500) } },
      );
      const failedAfterMs = kill.sinceKilled();

      expect(failedAfterMs, run.log).toBeLessThan(FAIL_WITHIN_MS);
      expect(run.exitCode).toBe(1);
      expect(errorLines(run.log)).toEqual([
        expect.stringMatching(/^::error::ENDPOINT_UNAVAILABLE: Scan of killed-export /),
      ]);
      expect(run.outputs.status).toBe('FAILED');
      expect(run.outputs['export-manifest']).toBeUndefined();
      // The data files written are whole, and hold exactly item-count items.
      const exported = Number(run.outputs['item-count']);
      expect(exported).toBeGreaterThan(0);
      expect(exported).toBeLessThan(count);
      expect(exportedIds(path)).toHaveLength(exported);
      expect(filesUnder(path).filter((f) => /manifest/.test(f))).toEqual([]);

      const back = await ownDynamoDb(server.dbPath);
      const fresh = mkdtempSync(join(tmpdir(), 'fresh-export-'));
      const rerun = await runLocal(
        { mode: 'export', 'table-name': table, path: fresh, concurrency: '4', 'endpoint-url': back.endpoint },
        { timeoutMs: 120_000 },
      );
      expect(rerun.exitCode, rerun.log).toBe(0);
      expect(rerun.outputs['item-count']).toBe(String(count));
      const ids = exportedIds(fresh);
      expect(ids).toHaveLength(count);
      expect(new Set(ids)).toEqual(new Set(expectedIds(count)));
    },
  );
});

describe.each(['AccessDeniedException', 'ResourceNotFoundException'])('%s on every request', (type) => {
  it('stops an import at once: no retries, nothing rejected one by one', async () => {
    const proxy = await proxyTo(inject('dynamodbEndpoint'), {
      ...noFaults,
      intercept: (operation) => (operation === 'BatchWriteItem' ? awsError(type, 'refused by the test') : undefined),
    });
    const table = await newTable();
    const started = Date.now();
    const run = await runLocal({
      mode: 'import',
      path: writeSource(2000),
      'table-name': table,
      'existing-table': 'merge',
      concurrency: '4',
      'endpoint-url': proxy.endpoint,
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(run.exitCode).toBe(1);
    expect(errorLines(run.log)).toEqual([
      expect.stringContaining(
        `::error::WRITE_FAILED: BatchWriteItem on ${table} failed with ${type}: refused by the test`,
      ),
    ]);
    // One request per writer at most, each tried once.
    expect(proxy.counts.batchWrites).toBeLessThanOrEqual(4);
    expect(run.outputs).toMatchObject({ status: 'FAILED', 'imported-item-count': '0', 'error-count': '0' });
    expect(run.outputs['rejected-items']).toBeUndefined();
  });

  it('stops an export at once, with the reason and no manifest', async () => {
    // The first Scan (which sizes the export) goes through; every one after it is refused.
    const proxy = await proxyTo(inject('dynamodbEndpoint'), {
      ...noFaults,
      pageLimit: 50,
      intercept: (operation, n) => (operation === 'Scan' && n > 1 ? awsError(type, 'refused by the test') : undefined),
    });
    const table = await newTable();
    await loadItems(clientFor(inject('dynamodbEndpoint')), table, 500);
    const path = mkdtempSync(join(tmpdir(), 'refused-export-'));
    const run = await runLocal({
      mode: 'export',
      'table-name': table,
      path,
      concurrency: '4',
      'endpoint-url': proxy.endpoint,
    });
    expect(run.exitCode).toBe(1);
    expect(errorLines(run.log)).toEqual([
      expect.stringContaining(`::error::READ_FAILED: Scan of ${table} failed with ${type}: refused by the test`),
    ]);
    expect(proxy.counts.reads).toBeLessThanOrEqual(1 + 4);
    expect(run.outputs.status).toBe('FAILED');
    expect(filesUnder(path).filter((f) => /manifest/.test(f))).toEqual([]);
    // Segment 0's first page, read to size the export, is in its data file.
    expect(exportedIds(path)).toHaveLength(Number(run.outputs['item-count']));
  });
});

describe('access denied after the first writes', () => {
  it('reports what it wrote, exactly, and uploads its rejected items to S3', async () => {
    const bad = [
      '{"Item":{"other":{"S":"no key"}}}',
      'not json at all',
      '{"Item":{"id":{"N":"7"}}}',
      '{"Item":{"id":{"S":""}}}',
      '{"Item":{"id":{"S":"bad-number"},"n":{"N":"one"}}}',
    ];
    // Every request is half written (the rest UnprocessedItems, retried); after 30 requests, access is denied.
    const proxy = await proxyTo(inject('dynamodbEndpoint'), {
      throttleEvery: 0,
      splitEvery: 1,
      intercept: (operation, n) =>
        operation === 'BatchWriteItem' && n > 30 ? awsError('AccessDeniedException', 'revoked by the test') : undefined,
    });
    const table = await newTable();
    const bucket = await newBucket();
    const rejects = `s3://${bucket}/rejects/${uniqueName('run')}.jsonl`;
    const run = await runLocal({
      mode: 'import',
      path: writeSource(3000, bad),
      'table-name': table,
      'existing-table': 'merge',
      concurrency: '4',
      'rejected-items': rejects,
      'endpoint-url': proxy.endpoint,
    });

    expect(run.exitCode).toBe(1);
    expect(errorLines(run.log)).toEqual([
      expect.stringContaining(`::error::WRITE_FAILED: BatchWriteItem on ${table} failed with AccessDeniedException`),
    ]);
    const held = await tableIds(clientFor(inject('dynamodbEndpoint')), table);
    expect(held.length).toBeGreaterThan(0);
    expect(run.outputs).toMatchObject({
      status: 'FAILED',
      'imported-item-count': String(held.length),
      'error-count': String(bad.length),
      'rejected-items': rejects,
    });
    expect(Number(run.outputs['processed-item-count'])).toBeGreaterThanOrEqual(held.length + bad.length);

    const key = rejects.slice(`s3://${bucket}/`.length);
    const object = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const lines = (await object.Body?.transformToString('utf8'))?.trim().split('\n') ?? [];
    const rejected = lines.map((line) => JSON.parse(line) as { source: { line: number }; error: { code: string } });
    expect(rejected.map((r) => r.source.line)).toEqual([1, 2, 3, 4, 5]);
  });
});
