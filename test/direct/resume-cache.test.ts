// The checkpoint in the GitHub Actions cache, through a fake of the cache
// service: a re-run on a fresh runner (RUNNER_TEMP emptied) resumes from
// it; a cache service that fails or hangs never fails the import, which runs
// without resuming and says so.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, inject, it } from 'vitest';
import { useLocalCredentials } from '../local-aws.js';
import { type FakeCacheService, startFakeCacheService } from '../fake-cache-service.js';
import type { ThrottlingProxy } from '../throttling-proxy.js';
import { clientFor, createKeyedTable, errorLines, expectedIds, progressCounts, tableIds } from './fault-helpers.js';
import { newBucket, runLocal } from './helpers.js';
import { ITEMS, capacityProxy, objectText, writeSourceObjects } from './resume-helpers.js';

let cache: FakeCacheService;
let slow: ThrottlingProxy;
let bucket: string;
/** The runner's temp folder: the same path on every run, emptied between runs as on a fresh runner. */
const runnerTemp = join(tmpdir(), `resume-cache-runner-temp-${process.pid}`);

beforeAll(async () => {
  useLocalCredentials();
  cache = await startFakeCacheService();
  slow = await capacityProxy(100);
  bucket = await newBucket();
  await writeSourceObjects(bucket, 'source/');
});

afterEach(() => {
  rmSync(runnerTemp, { recursive: true, force: true });
  cache.mode = 'ok';
});

afterAll(async () => {
  await cache?.close();
  await slow?.close();
});

function freshRunner(): Record<string, string> {
  rmSync(runnerTemp, { recursive: true, force: true });
  mkdirSync(runnerTemp, { recursive: true });
  return { ...cache.env(), RUNNER_TEMP: runnerTemp };
}

it('a re-run on a fresh runner finds the checkpoint in the cache and resumes', { timeout: 300_000 }, async () => {
  const table = `resume-cache-${process.pid}`;
  await createKeyedTable(clientFor(inject('dynamodbEndpoint')), table);
  const inputs = {
    mode: 'import',
    bucket,
    prefix: 'source/',
    'table-name': table,
    'existing-table': 'merge',
    'endpoint-url': slow.endpoint,
    concurrency: '2',
  };
  const first = await runLocal(inputs, {
    env: freshRunner(),
    timeoutMs: 120_000,
    signal: { name: 'SIGTERM', when: (log) => progressCounts(log, 'Imported').length > 0 },
  });
  expect(first.outputs.status, first.log).toBe('CANCELLED');
  expect(cache.saved.length, first.log).toBeGreaterThan(0);
  expect(first.summary).toContain('A re-run of this step resumes from the checkpoint in the GitHub Actions cache');

  const second = await runLocal(inputs, { env: freshRunner(), timeoutMs: 120_000 });
  expect(second.outputs.status, second.log).toBe('COMPLETED');
  expect(second.log).toContain(
    'Resuming from the checkpoint in the GitHub Actions cache (key dynamodb-s3-transfer-checkpoint-',
  );
  expect(cache.calls).toContain('GetCacheEntryDownloadURL');
  expect(Number(second.outputs['imported-item-count'])).toBeLessThan(ITEMS);
  const ids = await tableIds(clientFor(inject('dynamodbEndpoint')), table);
  expect([...ids].sort()).toEqual(expectedIds(ITEMS));

  // The completed import left a completed checkpoint: a third run starts over rather than skip everything.
  const third = await runLocal({ ...inputs, 'endpoint-url': inject('dynamodbEndpoint') }, { env: freshRunner() });
  expect(third.outputs.status, third.log).toBe('COMPLETED');
  expect(third.log).toContain('the run that saved the checkpoint completed the import');
  expect(third.outputs['imported-item-count']).toBe(String(ITEMS));
});

it.each(['fail', 'hang'] as const)(
  'a cache service that %ss never fails the import',
  { timeout: 180_000 },
  async (mode) => {
    cache.mode = mode;
    const table = `resume-cache-${mode}-${process.pid}`;
    const source = join(tmpdir(), `resume-cache-${mode}-${process.pid}.json`);
    writeFileSync(source, objectText(0));
    const started = Date.now();
    const callsBefore = cache.calls.length;
    const run = await runLocal(
      { mode: 'import', path: source, 'table-name': table, 'partition-key': 'id:S' },
      { env: freshRunner(), timeoutMs: 150_000 },
    );
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs.status).toBe('COMPLETED');
    expect(run.outputs['imported-item-count']).toBe('1000');
    expect(errorLines(run.log).filter((l) => !l.includes('Failed to restore'))).toEqual([]);
    expect(run.log).toMatch(
      /::warning::No checkpoint could be read from the GitHub Actions cache .*: .*The import starts at the beginning\./,
    );
    expect(run.summary).toContain('Started over:');
    // Nothing more is asked of a cache that could not be read: one restore, then no save waits on it.
    expect(Date.now() - started).toBeLessThan(120_000);
    const calls = cache.calls.slice(callsBefore);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c === 'GetCacheEntryDownloadURL')).toBe(true);
  },
);
