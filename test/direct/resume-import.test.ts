// A direct import stopped half-way (SIGTERM, or SIGKILL with no clean stop)
// resumes where its checkpoint says: the table ends with every item, and the
// second run writes (and pays for) little more than what was left. A source
// changed between the runs is noticed, and the import starts over.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useLocalCredentials } from '../local-aws.js';
import type { ThrottlingProxy } from '../throttling-proxy.js';
import { clientFor, createKeyedTable, expectedIds, tableIds } from './fault-helpers.js';
import { newBucket, runLocal, s3 } from './helpers.js';
import { s3Of } from '../../src/aws/lazy-clients.js';
import { S3Store } from '../../src/storage/s3.js';
import {
  ITEMS,
  OBJECTS,
  PER_OBJECT,
  capacityProxy,
  checkpointReached,
  objectText,
  putObject,
  writeSourceObjects,
} from './resume-helpers.js';
import { inject } from 'vitest';

let slow: ThrottlingProxy;
let bucket: string;
const PREFIX = 'source/';
/** What an uninterrupted import of the source consumes. */
let fullRunCapacity: number;

beforeAll(async () => {
  useLocalCredentials();
  // 100 ms a call, 2 writers: about 500 items a second, so a run of 8,000 items lasts long enough to stop.
  slow = await capacityProxy(100);
  bucket = await newBucket();
  await writeSourceObjects(bucket, PREFIX);
  const fast = await capacityProxy(0);
  try {
    const table = `resume-full-${process.pid}`;
    await createKeyedTable(clientFor(inject('dynamodbEndpoint')), table);
    const run = await runLocal(importInputs(table, fast.endpoint));
    expect(run.outputs.status, run.log).toBe('COMPLETED');
    fullRunCapacity = fast.counts.writeUnits;
  } finally {
    await fast.close();
  }
  expect(fullRunCapacity).toBeGreaterThanOrEqual(ITEMS);
}, 180_000);

afterAll(async () => {
  await slow?.close();
});

function importInputs(table: string, endpoint: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    mode: 'import',
    bucket,
    prefix: PREFIX,
    'table-name': table,
    'existing-table': 'merge',
    'endpoint-url': endpoint,
    concurrency: '2',
    ...extra,
  };
}

/** Runs the import, stopped with `signal` once half the objects are checkpointed; then again, to the end. */
async function stopAndResume(
  table: string,
  signal: 'SIGTERM' | 'SIGKILL',
  extra: Record<string, string>,
  env: Record<string, string> = {},
) {
  await createKeyedTable(clientFor(inject('dynamodbEndpoint')), table);
  const first = await runLocal(importInputs(table, slow.endpoint, extra), {
    env,
    timeoutMs: 120_000,
    signal: { name: signal, when: checkpointReached(OBJECTS / 2) },
  });
  expect(first.exitAfterSignalMs, first.log).toBeDefined();
  const before = slow.counts.writeUnits;
  const second = await runLocal(importInputs(table, slow.endpoint, extra), { env, timeoutMs: 120_000 });
  return { first, second, secondCapacity: slow.counts.writeUnits - before };
}

/**
 * The resumed run's "earlier runs" counts are those of the records it
 * skipped, and it imports exactly the rest: a record in flight at the stop
 * is counted by the run that writes it again, not by both.
 */
function expectCountsSplitAtTheCheckpoint(second: { summary: string; outputs: Record<string, string> }): void {
  const said =
    /Skipped, done by earlier runs: ([\d,]+) whole object\(s\) and ([\d,]+) record\(s\) of the next one, without writing them \(earlier runs: ([\d,]+) processed, ([\d,]+) imported, ([\d,]+) error\(s\)\)/.exec(
      second.summary,
    );
  expect(said, second.summary).not.toBeNull();
  const [objects, records, processed, imported, errors] = (said as RegExpExecArray)
    .slice(1)
    .map((figure) => Number(figure.replaceAll(',', '')));
  const skipped = (objects as number) * PER_OBJECT + (records as number);
  expect({ processed, imported, errors }).toEqual({ processed: skipped, imported: skipped, errors: 0 });
  expect(Number(second.outputs['imported-item-count'])).toBe(ITEMS - skipped);
}

describe('a stopped import resumes from its checkpoint', () => {
  it(
    'SIGTERM, checkpoint in S3: every item, and the re-run consumes under 60% of a full run',
    { timeout: 300_000 },
    async () => {
      const table = `resume-term-${process.pid}`;
      const checkpoint = `s3://${bucket}/checkpoints/${table}.json`;
      const { first, second, secondCapacity } = await stopAndResume(table, 'SIGTERM', { checkpoint });

      expect(first.outputs.status).toBe('CANCELLED');
      expect(first.summary).toContain(`A re-run of this step resumes from the checkpoint in ${checkpoint}`);
      expect(second.outputs.status, second.log).toBe('COMPLETED');
      expect(second.log).toContain(`Resuming from the checkpoint in ${checkpoint}`);
      expect(second.summary).toContain('### Resumed');
      expect(second.summary).toMatch(/Skipped, done by earlier runs: [1-9]\d* whole object\(s\)/);
      expectCountsSplitAtTheCheckpoint(second);
      // A completed import removes its checkpoint.
      expect(await new S3Store(s3Of(s3()), bucket).stat(`checkpoints/${table}.json`)).toBeUndefined();
      const ids = await tableIds(clientFor(inject('dynamodbEndpoint')), table);
      expect([...ids].sort()).toEqual(expectedIds(ITEMS));
      expect(secondCapacity).toBeLessThan(0.6 * fullRunCapacity);
      // What the two runs wrote adds up to at least every item: nothing was skipped that was not written.
      const written = Number(first.outputs['imported-item-count']) + Number(second.outputs['imported-item-count']);
      expect(written).toBeGreaterThanOrEqual(ITEMS);
    },
  );

  it(
    'SIGKILL, checkpoint under RUNNER_TEMP: the last saved checkpoint is used, every item lands',
    { timeout: 300_000 },
    async () => {
      const table = `resume-kill-${process.pid}`;
      const runnerTemp = mkdtempSync(join(tmpdir(), 'runner-temp-'));
      try {
        const { first, second, secondCapacity } = await stopAndResume(
          table,
          'SIGKILL',
          {},
          { RUNNER_TEMP: runnerTemp },
        );
        expect(first.exitCode).toBeNull();
        expect(second.outputs.status, second.log).toBe('COMPLETED');
        expect(second.log).toContain(
          `Resuming from the checkpoint in ${join(runnerTemp, 'dynamodb-s3-transfer-checkpoints')}`,
        );
        expectCountsSplitAtTheCheckpoint(second);
        const ids = await tableIds(clientFor(inject('dynamodbEndpoint')), table);
        expect([...ids].sort()).toEqual(expectedIds(ITEMS));
        expect(secondCapacity).toBeLessThan(0.6 * fullRunCapacity);
      } finally {
        rmSync(runnerTemp, { recursive: true, force: true });
      }
    },
  );

  it('a source changed between the runs is noticed, and the import starts over', { timeout: 300_000 }, async () => {
    const table = `resume-changed-${process.pid}`;
    const prefix = 'changing/';
    for (let i = 0; i < OBJECTS; i++) await putObject(bucket, `${prefix}part-${i}.json`, objectText(i));
    const checkpoint = `s3://${bucket}/checkpoints/${table}.json`;
    const inputs = { checkpoint, prefix };
    await createKeyedTable(clientFor(inject('dynamodbEndpoint')), table);
    const first = await runLocal(importInputs(table, slow.endpoint, inputs), {
      timeoutMs: 120_000,
      signal: { name: 'SIGTERM', when: checkpointReached(OBJECTS / 2) },
    });
    expect(first.outputs.status).toBe('CANCELLED');
    // The first object, already imported, is rewritten: its items gain an attribute.
    await putObject(bucket, `${prefix}part-0.json`, objectText(0, 'changed'));
    const second = await runLocal(importInputs(table, slow.endpoint, inputs), { timeoutMs: 120_000 });

    expect(second.outputs.status, second.log).toBe('COMPLETED');
    expect(second.log).toMatch(
      /::warning::Starting over, not from the checkpoint in .*: the source changed since the checkpoint was saved: changing\/part-0\.json was \d+ bytes and is now \d+/,
    );
    expect(second.summary).toContain('Started over: the source changed since the checkpoint was saved');
    expect(second.outputs['imported-item-count']).toBe(String(ITEMS));
  });
});
