// A table changed by a known history across three windows, exported as AWS
// would, restored through the built action against DynamoDB Local and the
// local S3: to the latest point, to a window's end, to a point inside a
// window; a gap refused before any write; another table's export left out.

import { beforeAll, describe, expect, it } from 'vitest';
import { describeTable } from '../../src/aws/table.js';
import type { Item } from '../../src/formats/attribute-value.js';
import { uniqueName, useLocalCredentials } from '../local-aws.js';
import { TABLE_ARN, fullExport, incrementalExport } from './aws-exports.js';
import { dynamodb, newBucket, normalized, runLocal, scanAll } from './helpers.js';
import { type History, T, buildHistory, upload } from './scenario.js';

const BUILT = 'made/';
let history: History;
let bucket: string;

beforeAll(async () => {
  useLocalCredentials();
  history = await buildHistory(BUILT);
  bucket = await newBucket();
  // The chain as AWS leaves it: the full export and three incrementals under one prefix.
  await upload(bucket, BUILT, BUILT, history.full, ...history.windows);
}, 120_000);

function sorted(state: Map<string, Item>): unknown {
  return normalized(
    [...state.values()].sort((a, b) => (`${a.id?.S}\u0000${a.sort?.N}` < `${b.id?.S}\u0000${b.sort?.N}` ? -1 : 1)),
  );
}

async function expectTable(table: string, state: Map<string, Item>): Promise<void> {
  expect(normalized(await scanAll(table))).toEqual(sorted(state));
}

const restoreInputs = (prefix: string, extra: Record<string, string> = {}) => ({
  mode: 'import',
  bucket,
  prefix,
  'table-name': uniqueName('restored'),
  'partition-key': 'id:S',
  'sort-key': 'sort:N',
  ...extra,
});

describe('a chain of a full export and three incremental exports', () => {
  it('restores the table as the live table is, item for item', async () => {
    const inputs = restoreInputs(BUILT);
    const run = await runLocal(inputs);
    expect(run.exitCode, run.log).toBe(0);
    const live = normalized(await scanAll(history.live));
    expect(normalized(await scanAll(inputs['table-name']))).toEqual(live);
    await expectTable(inputs['table-name'], history.states[3]!);
    const processed = Number(run.outputs['processed-item-count']);
    expect(run.outputs).toMatchObject({
      'restored-to': T[3]!.toISOString(),
      'exports-applied': '4',
      'error-count': '0',
      engine: 'direct',
    });
    expect(Number(run.outputs['put-count']) + Number(run.outputs['delete-count'])).toBe(processed);
    expect(run.log).toContain(
      `Checked: ${processed} processed = ${run.outputs['put-count']} put + ${run.outputs['delete-count']} deleted + 0 error(s).`,
    );
    // The timeline and the chart of the windows.
    expect(run.summary).toContain('### Restore chain');
    expect(run.summary).toContain(`<code>${history.windows[1]!.id}</code> | incremental (NEW_IMAGE)`);
    expect(run.summary).toContain('```mermaid\ngantt');
    expect(run.summary).toContain(`full ${history.full.id} :milestone, done, e0, 2026-03-01 00:00:00, 0d`);
    expect(run.summary).toContain(`${history.windows[2]!.id} :done, e3, 2026-03-01 02:00:00, 2026-03-01 03:00:00`);
  });

  it('restored to the end of the second window, equals the table as it was then', async () => {
    const inputs = restoreInputs(BUILT, { 'restore-to': T[2]!.toISOString() });
    const run = await runLocal(inputs);
    expect(run.exitCode, run.log).toBe(0);
    await expectTable(inputs['table-name'], history.states[2]!);
    expect(run.outputs).toMatchObject({ 'restored-to': T[2]!.toISOString(), 'exports-applied': '3' });
    expect(run.log).toContain(`Left out: s3://${bucket}/${history.windows[2]!.folder}, ends after restore-to.`);
  });

  it("restored to a point inside a window, goes back to that window's start and says so", async () => {
    const inside = new Date(T[2]!.getTime() - 30 * 60_000).toISOString();
    const inputs = restoreInputs(BUILT, { 'restore-to': inside });
    const run = await runLocal(inputs);
    expect(run.exitCode, run.log).toBe(0);
    await expectTable(inputs['table-name'], history.states[1]!);
    expect(run.outputs['restored-to']).toBe(T[1]!.toISOString());
    const said = `restore-to ${inside} is inside the window of ${history.windows[1]!.id} (${T[1]!.toISOString()} to ${T[2]!.toISOString()})`;
    expect(run.log).toContain(said);
    expect(run.summary).toContain(said);
  });

  it('restores over an existing table with existing-table: replace', async () => {
    const inputs = restoreInputs(BUILT, {
      'table-name': history.live,
      'existing-table': 'replace',
      'restore-to': T[1]!.toISOString(),
    });
    const copy = restoreInputs(BUILT);
    // Replace a copy of the live table, not the live table the other tests compare with.
    await runLocal(copy);
    const run = await runLocal({ ...inputs, 'table-name': copy['table-name'] });
    expect(run.exitCode, run.log).toBe(0);
    await expectTable(copy['table-name'], history.states[1]!);
  });
});

describe('exports that do not make a chain', () => {
  it('a gap between windows is refused before any write, naming the two exports and the missing window', async () => {
    const prefix = 'gap/';
    await upload(bucket, BUILT, prefix, history.full, history.windows[0]!, history.windows[2]!);
    const inputs = restoreInputs(prefix);
    const run = await runLocal(inputs);
    expect(run.exitCode).toBe(1);
    const [w1, w3] = [history.windows[0]!, history.windows[2]!];
    expect(run.log).toContain(
      `::error::CHAIN_GAP: No export covers ${T[1]!.toISOString()} to ${T[2]!.toISOString()}: s3://${bucket}/${prefix}AWSDynamoDB/${w1.id}/ reaches ${T[1]!.toISOString()}, and the next, s3://${bucket}/${prefix}AWSDynamoDB/${w3.id}/, starts at ${T[2]!.toISOString()}.`,
    );
    expect(run.log).toContain('Nothing was created or written.');
    expect(await describeTable(dynamodb(), inputs['table-name'])).toBeUndefined();
    expect(run.summary).toContain('no export :crit, gap, 2026-03-01 01:00:00, 2026-03-01 02:00:00');
    expect(run.outputs).toMatchObject({ status: 'FAILED', 'processed-item-count': '0' });
    expect(run.outputs['restored-to']).toBeUndefined();
  });

  it("leaves out another table's export in the prefix, and names it", async () => {
    const prefix = 'mixed/';
    const otherArn = 'arn:aws:dynamodb:us-east-1:111122223333:table/Users';
    const other = incrementalExport(new Map(), history.states[1]!, [...history.states[1]!.keys()], {
      prefix: BUILT,
      from: T[1]!,
      to: T[2]!,
      view: 'NEW_AND_OLD_IMAGES',
      tableArn: otherArn,
    });
    const otherFull = fullExport(BUILT, T[0]!, history.states[3]!, { tableArn: otherArn });
    await upload(bucket, BUILT, prefix, history.full, ...history.windows, other, otherFull);
    const inputs = restoreInputs(prefix);
    const run = await runLocal(inputs);
    expect(run.exitCode, run.log).toBe(0);
    await expectTable(inputs['table-name'], history.states[3]!);
    for (const e of [other, otherFull])
      expect(run.log).toContain(
        `Left out: s3://${bucket}/${prefix}AWSDynamoDB/${e.id}/, an export of another table (${otherArn}).`,
      );
    expect(run.summary).toContain('**Left out**');
    expect(run.outputs['exports-applied']).toBe('4');
    expect(run.log).toContain(`4 export(s) of ${TABLE_ARN}, applied oldest first, to ${T[3]!.toISOString()}:`);
  });
});
