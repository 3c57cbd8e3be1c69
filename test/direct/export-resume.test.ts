// A direct export survives the runner: stopped half-way by SIGTERM, killed by
// SIGKILL, or stopped by max-duration, the next run of the step continues the
// same export, and what it ends with is what an uninterrupted run writes: one
// export id, manifests and MD5s true, every item of the table exactly once.
// One 200,000-item table is shared; data files of 256 KB (instead of 64 MB)
// make a few dozen of them, so a stop lands between checkpoints.

import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { LocalStore } from '../../src/storage/local.js';
import { S3Store } from '../../src/storage/s3.js';
import { useLocalCredentials } from '../local-aws.js';
import { startThrottlingProxy } from '../throttling-proxy.js';
import { clientFor, errorLines, loadItems } from './fault-helpers.js';
import { newBucket, newTable, runLocal, s3 } from './helpers.js';
import { expectWholeExport } from './whole-export.js';
import { s3Of } from '../../src/aws/lazy-clients.js';

const ITEMS = 200_000;
const SMALL_FILES = { DYNAMODB_S3_TRANSFER_DATA_FILE_BYTES: String(256 * 1024) };
/** About 150 bytes an item: a table of ~30 MB, read in 8 segments. */
const TEXT = 'x'.repeat(100);

let table: string;

beforeAll(async () => {
  useLocalCredentials();
  table = await newTable();
  await loadItems(clientFor(inject('dynamodbEndpoint')), table, ITEMS, TEXT);
}, 600_000);

/** The items the checkpoint under a local export folder records as finished (0 while there is none). */
function checkpointedItems(path: string): number {
  const root = join(path, 'AWSDynamoDB');
  if (!existsSync(root)) return 0;
  for (const id of readdirSync(root)) {
    try {
      const checkpoint = JSON.parse(readFileSync(join(root, id, '_checkpoint.json'), 'utf8')) as {
        files: { itemCount: number }[];
      };
      return checkpoint.files.reduce((sum, f) => sum + f.itemCount, 0);
    } catch {
      // Not written yet.
    }
  }
  return 0;
}

const exportTo = (path: string) => ({ mode: 'export', 'table-name': table, path });

describe.each(['SIGTERM', 'SIGKILL'] as const)('an export stopped by %s at about half', (signal) => {
  it(
    'is continued by the next run, under the same id, into the export an uninterrupted run writes',
    { timeout: 400_000 },
    async () => {
      const path = mkdtempSync(join(tmpdir(), `resume-${signal.toLowerCase()}-`));
      const first = await runLocal(exportTo(path), {
        env: SMALL_FILES,
        timeoutMs: 180_000,
        signal: { name: signal, when: () => checkpointedItems(path) >= ITEMS / 2 },
      });
      expect(first.exitAfterSignalMs, first.log).toBeDefined();
      const stoppedAt = checkpointedItems(path);
      expect(stoppedAt).toBeGreaterThanOrEqual(ITEMS / 2);
      expect(stoppedAt).toBeLessThan(ITEMS);
      if (signal === 'SIGTERM') {
        expect(first.exitCode).toBe(1);
        expect(first.outputs).toMatchObject({ status: 'CANCELLED', resumed: 'false' });
        // What the step says it wrote is what its checkpoint says the next run starts from.
        expect(Number(first.outputs['item-count'])).toBe(stoppedAt);
      } else {
        expect(first.exitCode).toBeNull(); // killed: no report, and no chance to tidy up
      }

      // A kill during a write leaves that data file half-written (here a segment is mostly between files, reading
      // its next page, so one is put there as a kill leaves it): the next run removes it before going on.
      const half = join(
        path,
        'AWSDynamoDB',
        readdirSync(join(path, 'AWSDynamoDB'))[0] ?? '',
        'data',
        `${'h'.repeat(20)}.json.gz`,
      );
      if (signal === 'SIGKILL') writeFileSync(half, gzipSync('{"Item":{"id":{"S":"item-000000"}}}\n').subarray(0, 20));

      const second = await runLocal(exportTo(path), { env: SMALL_FILES, timeoutMs: 300_000 });
      expect(second.exitCode, second.log).toBe(0);
      expect(errorLines(second.log)).toEqual([]);
      expect(second.log).toMatch(
        /Continuing the unfinished export \d{14}-[0-9a-f]{8} in .* \(resume: auto\): \d+ data file\(s\) with [\d,]+ item\(s\) were finished by an earlier run/,
      );
      expect(second.outputs).toMatchObject({ status: 'COMPLETED', resumed: 'true', 'item-count': String(ITEMS) });
      expect(second.summary).toContain(`(resume: auto): its `);
      expect(second.summary).toContain(`from earlier runs were checked against their MD5s and kept.`);
      if (signal === 'SIGKILL') {
        expect(second.log).toMatch(/Removed \d+ data file\(s\) the stopped run had not finished: /);
        expect(second.log).toContain(half);
        expect(existsSync(half)).toBe(false);
      } else
        expect(first.summary).toContain('Its checkpoint lets the next run of this step continue it (resume: auto)');
      const id = await expectWholeExport(new LocalStore(path), '', ITEMS);
      expect(second.outputs['export-manifest']).toBe(join(path, 'AWSDynamoDB', id, 'manifest-summary.json'));
    },
  );
});

it(
  'max-duration: 5s ends a long export green, IN_PROGRESS, and the next run to S3 completes it',
  { timeout: 400_000 },
  async () => {
    const bucket = await newBucket();
    const inputs = { mode: 'export', 'table-name': table, bucket, prefix: 'long/' };
    // Pages of 500 items, each half a second late: the export needs about 25 s, whatever the machine's load
    // (straight from DynamoDB Local, a quiet machine exports the whole table in under 5 s).
    const slow = await startThrottlingProxy(inject('dynamodbEndpoint'), {
      throttleEvery: 0,
      splitEvery: 0,
      readDelayMs: 500,
      pageLimit: 500,
    });
    const first = await runLocal(
      { ...inputs, 'max-duration': '5s', 'endpoint-url': slow.endpoint },
      { env: SMALL_FILES, timeoutMs: 120_000 },
    ).finally(() => slow.close());
    // Stopped near the limit: the pages being read and the data files being written are finished first, which
    // takes seconds on a loaded machine.
    expect(Number(first.outputs['duration-seconds'])).toBeLessThan(30);
    expect(first.exitCode, first.log).toBe(0);
    expect(errorLines(first.log)).toEqual([]);
    expect(first.outputs).toMatchObject({ status: 'IN_PROGRESS', engine: 'direct', resumed: 'false' });
    expect(first.outputs['export-manifest']).toBeUndefined();
    const partial = Number(first.outputs['item-count']);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(ITEMS);
    expect(first.log).toContain(
      'max-duration (5s) reached: stopping, and keeping where the work stopped for the next run.',
    );
    expect(first.log).toContain('a run of this step with the same inputs continues it where it stopped (resume: auto)');
    expect(first.summary).toContain(`## ⏳ Export of <code>${table}</code> is in progress`);
    expect(first.summary).toContain('max-duration (5s) reached: the export stopped');
    expect(first.summary).toContain('Its checkpoint lets the next run of this step continue it (resume: auto)');

    const second = await runLocal(inputs, { env: SMALL_FILES, timeoutMs: 300_000 });
    expect(second.exitCode, second.log).toBe(0);
    expect(second.outputs).toMatchObject({ status: 'COMPLETED', resumed: 'true', 'item-count': String(ITEMS) });
    expect(second.log).toContain(`were finished by an earlier run`);
    await expectWholeExport(new S3Store(s3Of(s3()), bucket), 'long/', ITEMS);
  },
);
