// A cancel that comes while a Scan page is on the wire: the page is abandoned,
// not waited for. A read that hangs (a slow or loaded endpoint, a 1 MB page
// that DynamoDB Local computes capacity for under load) would otherwise hold
// the step past the 5 seconds a cancelled workflow gives it. Reads are safe to
// abandon: nothing the page held was written or counted.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clientFor, errorLines, filesUnder, loadItems } from '../direct/fault-helpers.js';
import { newTable, runLocal } from '../direct/helpers.js';
import { useLocalCredentials } from '../local-aws.js';
import { type ThrottlingProxy, startThrottlingProxy } from '../throttling-proxy.js';

const ITEMS = 200;
/** How long a cancelled step may take to stop (issue 16's figure). */
const STOP_MS = 5_000;

let proxy: ThrottlingProxy;
let table: string;
let exportFolder: string;

beforeAll(async () => {
  useLocalCredentials();
  table = await newTable();
  await loadItems(clientFor(inject('dynamodbEndpoint')), table, ITEMS);
  // An export straight from DynamoDB Local, for verify to compare with.
  exportFolder = mkdtempSync(join(tmpdir(), 'hung-read-source-'));
  const exported = await runLocal({ mode: 'export', 'table-name': table, path: exportFolder });
  expect(exported.exitCode, exported.log).toBe(0);
  // Every Scan waits two minutes before DynamoDB Local sees it.
  proxy = await startThrottlingProxy(inject('dynamodbEndpoint'), {
    throttleEvery: 0,
    splitEvery: 0,
    readDelayMs: 120_000,
  });
}, 120_000);

afterAll(async () => {
  await proxy?.close();
});

/** The signal goes once this run's first Scan is held by the proxy, so it always finds a read in flight. */
function whileAReadHangs(): { name: 'SIGTERM'; when: () => boolean } {
  const before = proxy.counts.readsHeld;
  return { name: 'SIGTERM', when: () => proxy.counts.readsHeld > before };
}

describe('a cancel while a Scan page hangs', () => {
  it(
    'stops a direct export within 5 s, CANCELLED, with no data file and no manifest',
    { timeout: 90_000 },
    async () => {
      const path = mkdtempSync(join(tmpdir(), 'hung-read-export-'));
      const run = await runLocal(
        { mode: 'export', 'table-name': table, path, 'endpoint-url': proxy.endpoint, concurrency: '2' },
        { timeoutMs: 60_000, signal: whileAReadHangs() },
      );
      expect(run.exitAfterSignalMs, run.log).toBeDefined();
      expect(run.exitAfterSignalMs, run.log).toBeLessThan(STOP_MS);
      expect(errorLines(run.log)).toEqual([expect.stringMatching(/^::error::CANCELLED: The step was cancelled/)]);
      expect(run.outputs.status).toBe('CANCELLED');
      expect(filesUnder(path).filter((f) => /manifest|\/data\/.+/.test(f))).toEqual([]);
    },
  );

  it('stops mode: verify within 5 s, CANCELLED, without a verdict', { timeout: 90_000 }, async () => {
    const run = await runLocal(
      { mode: 'verify', 'table-name': table, path: exportFolder, 'endpoint-url': proxy.endpoint, concurrency: '2' },
      { timeoutMs: 60_000, signal: whileAReadHangs() },
    );
    expect(run.exitAfterSignalMs, run.log).toBeDefined();
    expect(run.exitAfterSignalMs, run.log).toBeLessThan(STOP_MS);
    expect(run.outputs.status, run.log).toBe('CANCELLED');
    expect(run.summary).not.toMatch(/the table matches/i);
  });
});
