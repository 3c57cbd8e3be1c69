// max-duration through the built action: a slow direct export stops itself
// when the time is up and ends green, with status IN_PROGRESS and a hint to
// run the step again, instead of being killed at the runner's limit.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { useLocalCredentials } from '../local-aws.js';
import { type ThrottlingProxy, startThrottlingProxy } from '../throttling-proxy.js';
import { clientFor, errorLines, exportedIds, filesUnder, loadItems } from './fault-helpers.js';
import { newTable, runLocal } from './helpers.js';

const ITEMS = 20_000;

let proxy: ThrottlingProxy;
let table: string;

beforeAll(async () => {
  useLocalCredentials();
  // 200 ms a call and 100 items a page: 4 segments read at most 2,000 items a second, far from done in 2 s.
  proxy = await startThrottlingProxy(inject('dynamodbEndpoint'), {
    throttleEvery: 0,
    splitEvery: 0,
    delayMs: 200,
    pageLimit: 100,
  });
  table = await newTable();
  await loadItems(clientFor(inject('dynamodbEndpoint')), table, ITEMS);
}, 120_000);

afterAll(async () => {
  await proxy?.close();
});

it(
  'max-duration: 2s ends a slow direct export green, IN_PROGRESS, with a hint to run again',
  { timeout: 90_000 },
  async () => {
    const path = mkdtempSync(join(tmpdir(), 'max-duration-'));
    const started = Date.now();
    const run = await runLocal(
      {
        mode: 'export',
        'table-name': table,
        path,
        'endpoint-url': proxy.endpoint,
        concurrency: '4',
        'max-duration': '2s',
      },
      { timeoutMs: 60_000 },
    );
    const elapsed = Date.now() - started;

    expect(run.exitCode, run.log).toBe(0);
    expect(errorLines(run.log)).toEqual([]);
    expect(run.outputs).toMatchObject({ status: 'IN_PROGRESS', engine: 'direct', resumed: 'false' });
    expect(run.outputs['export-manifest']).toBeUndefined();
    expect(run.log).toContain(
      'max-duration (2s) reached: stopping, and keeping where the work stopped for the next run.',
    );
    expect(run.log).toContain('a run of this step with the same inputs continues it where it stopped (resume: auto)');
    expect(run.summary).toContain(`## ⏳ Export of <code>${table}</code> is in progress`);
    expect(run.summary).toContain('max-duration (2s) reached: the export stopped');
    // Stopped near the limit (the build's start-up and the last pages take a few seconds on a loaded machine).
    expect(elapsed).toBeLessThan(20_000);
    // What it wrote is whole: item-count distinct items in finished data files, and no manifest.
    const exported = Number(run.outputs['item-count']);
    const ids = exportedIds(path);
    expect(exported).toBeLessThan(ITEMS);
    expect(ids).toHaveLength(exported);
    expect(new Set(ids).size).toBe(exported);
    expect(filesUnder(path).filter((f) => /manifest/.test(f))).toEqual([]);
  },
);
