// Chains and change records that must not be trusted as they come (issue 23,
// items 2, 4, 5 and 14), through the built action against DynamoDB Local and
// the local S3: a restore-to before every full export, manifests dated in the
// future, two full exports of one time, and change records of one key that
// disagree or lie outside their window.

import { beforeAll, describe, expect, it } from 'vitest';
import { type Item, toDynamoJsonMap } from '../../src/formats/attribute-value.js';
import { useLocalCredentials } from '../local-aws.js';
import {
  type BuiltExport,
  TABLE_ARN,
  fullExport,
  incrementalExport,
  keyOf,
  recordsExport,
} from '../restore/aws-exports.js';
import { newBucket, newTable, normalized, putItems, runLocal, scanAll } from '../restore/helpers.js';
import { item, upload } from '../restore/scenario.js';

let bucket: string;

beforeAll(async () => {
  useLocalCredentials();
  bucket = await newBucket();
});

const at = (iso: string): Date => new Date(iso);
const keyText = (i: Item): string => `${i.id?.S}\u0000${i.sort?.N}`;
const stateOf = (items: Item[]): Map<string, Item> => new Map(items.map((i) => [keyText(i), i]));
const sorted = (items: Iterable<Item>): unknown =>
  normalized([...items].sort((a, b) => (keyText(a) < keyText(b) ? -1 : 1)));

async function tableWith(items: Item[]): Promise<string> {
  const table = await newTable({ sorted: true });
  await putItems(table, items);
  return table;
}

async function expectTable(table: string, items: Iterable<Item>): Promise<void> {
  expect(normalized(await scanAll(table))).toEqual(sorted(items));
}

let prefixes = 0;
/** A prefix of its own for each chain, so that no test sees another's exports. */
async function uploaded(...exports: BuiltExport[]): Promise<string> {
  const prefix = `chain-${(prefixes += 1)}/`;
  await upload(bucket, 'made/', prefix, ...exports);
  return prefix;
}

describe('restore-to before every full export (issue 23 #2)', () => {
  // Incremental 22:00-23:00, full export 00:00, incremental 00:00-01:00: no full export is at or before 23:30.
  const s0 = stateOf([item(1, 1), item(2, 1), item(3, 1)]);
  const s1 = stateOf([item(1, 2), item(2, 1), item(4, 1)]);
  const s2 = stateOf([item(1, 3), item(2, 1), item(4, 1), item(5, 1)]);
  const s3 = stateOf([item(1, 4), item(4, 1), item(5, 1)]);
  const before = incrementalExport(s0, s1, [...new Set([...s0.keys(), ...s1.keys()])], {
    prefix: 'made/',
    from: at('2026-03-01T22:00:00Z'),
    to: at('2026-03-01T23:00:00Z'),
    view: 'NEW_AND_OLD_IMAGES',
  });
  const full = fullExport('made/', at('2026-03-02T00:00:00Z'), s2);
  const after = incrementalExport(s2, s3, [...new Set([...s2.keys(), ...s3.keys()])], {
    prefix: 'made/',
    from: at('2026-03-02T00:00:00Z'),
    to: at('2026-03-02T01:00:00Z'),
    view: 'NEW_AND_OLD_IMAGES',
  });
  const live = [item(1, 9), item(7, 9), item(8, 9)];
  let prefix: string;

  beforeAll(async () => {
    prefix = await uploaded(before, full, after);
  });

  const restore = (table: string, extra: Record<string, string>) =>
    runLocal({ mode: 'import', bucket, prefix, 'table-name': table, 'restore-to': '2026-03-01T23:30:00Z', ...extra });

  it.each(['replace', 'merge', 'fail'])(
    'with existing-table: %s, is CHAIN_UNUSABLE before any write, naming the exports found and what is missing',
    async (existing) => {
      const table = await tableWith(live);
      const run = await restore(table, { 'existing-table': existing });
      expect(run.exitCode, run.log).toBe(1);
      expect(run.log).toContain('::error::CHAIN_UNUSABLE: No full export of');
      for (const e of [before, full, after]) expect(run.log).toContain(`s3://${bucket}/${prefix}AWSDynamoDB/${e.id}/`);
      expect(run.log).toContain('changes-onto-table: true');
      expect(run.outputs['restored-to']).toBeUndefined();
      await expectTable(table, live);
    },
  );

  it('with changes-onto-table: true, applies the changes onto the table as it is, and says so', async () => {
    const table = await tableWith([...s0.values()]);
    const run = await restore(table, { 'changes-onto-table': 'true' });
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs['restored-to']).toBe('2026-03-01T23:00:00.000Z');
    expect(run.log).toContain('changes-onto-table: true');
    await expectTable(table, s1.values());
  });

  it('with changes-onto-table: true and existing-table: replace, is still refused: replace is never ignored', async () => {
    const table = await tableWith(live);
    const run = await restore(table, { 'changes-onto-table': 'true', 'existing-table': 'replace' });
    expect(run.exitCode, run.log).toBe(1);
    expect(run.log).toContain('::error::CHAIN_UNUSABLE:');
    expect(run.log).toContain('existing-table: replace');
    await expectTable(table, live);
  });

  it('changes: revert with existing-table: replace is refused before anything is read', async () => {
    const table = await tableWith(live);
    const run = await runLocal({
      mode: 'import',
      bucket,
      prefix,
      'table-name': table,
      changes: 'revert',
      'existing-table': 'replace',
    });
    expect(run.exitCode, run.log).toBe(1);
    expect(run.log).toContain('::error::INVALID_INPUT:');
    expect(run.log).toContain('existing-table');
    await expectTable(table, live);
  });
});

describe('a manifest dated in the future (issue 23 #4)', () => {
  const s0 = stateOf([item(1, 1), item(2, 1)]);
  const s1 = stateOf([item(1, 2), item(2, 1), item(3, 1)]);
  const real = fullExport('made/', at('2026-03-01T00:00:00Z'), s0);
  const window = incrementalExport(s0, s1, [...new Set([...s0.keys(), ...s1.keys()])], {
    prefix: 'made/',
    from: at('2026-03-01T00:00:00Z'),
    to: at('2026-03-01T01:00:00Z'),
    view: 'NEW_AND_OLD_IMAGES',
  });

  it('a full export of 2099 is refused, naming the manifest, the field, its value and now', async () => {
    const stale = fullExport('made/', at('2099-01-01T00:00:00Z'), stateOf([item(9, 9)]));
    const prefix = await uploaded(real, window, stale);
    const table = await tableWith([item(7, 7)]);
    const run = await runLocal({ mode: 'import', bucket, prefix, 'table-name': table, 'existing-table': 'replace' });
    expect(run.exitCode, run.log).toBe(1);
    expect(run.log).toMatch(
      new RegExp(
        `::error::MANIFEST_INVALID: s3://${bucket}/${prefix}AWSDynamoDB/${stale.id}/manifest-summary.json has exportTime 2099-01-01T00:00:00.000Z, after now \\(20\\d\\d-`,
      ),
    );
    expect(run.outputs['restored-to']).toBeUndefined();
    await expectTable(table, [item(7, 7)]);
  });

  it('an incremental export whose window ends in 2099 is refused the same way', async () => {
    const future = incrementalExport(s1, s1, [], {
      prefix: 'made/',
      from: at('2026-03-01T01:00:00Z'),
      to: at('2099-01-01T00:00:00Z'),
      view: 'NEW_AND_OLD_IMAGES',
    });
    const prefix = await uploaded(real, window, future);
    const table = await tableWith([item(7, 7)]);
    const run = await runLocal({ mode: 'import', bucket, prefix, 'table-name': table, 'existing-table': 'replace' });
    expect(run.exitCode, run.log).toBe(1);
    expect(run.log).toContain(
      `::error::MANIFEST_INVALID: s3://${bucket}/${prefix}AWSDynamoDB/${future.id}/manifest-summary.json has exportToTime 2099-01-01T00:00:00.000Z, after now (`,
    );
    await expectTable(table, [item(7, 7)]);
  });
});

describe('two full exports with the same exportTime (issue 23 #14)', () => {
  it('are refused, naming both', async () => {
    const time = at('2026-03-01T00:00:00Z');
    const one = fullExport('made/', time, stateOf([item(1, 1)]));
    const two = fullExport('made/', time, stateOf([item(1, 2), item(2, 2)]));
    const prefix = await uploaded(one, two);
    const table = await tableWith([item(7, 7)]);
    const run = await runLocal({ mode: 'import', bucket, prefix, 'table-name': table, 'existing-table': 'replace' });
    expect(run.exitCode, run.log).toBe(1);
    expect(run.log).toContain('::error::CHAIN_UNUSABLE: Two full exports of');
    expect(run.log).toContain(`s3://${bucket}/${prefix}AWSDynamoDB/${one.id}/`);
    expect(run.log).toContain(`s3://${bucket}/${prefix}AWSDynamoDB/${two.id}/`);
    await expectTable(table, [item(7, 7)]);
  });
});

describe('change records of one key in one window (issue 23 #5)', () => {
  const from = at('2026-03-01T00:00:00Z');
  const to = at('2026-03-01T01:00:00Z');
  const micros = (offsetSeconds: number): string => String((from.getTime() + offsetSeconds * 1000) * 1000);
  const record = (offsetSeconds: number, image: Item | undefined, key: Item = keyOf(image as Item)): string =>
    JSON.stringify({
      Metadata: { WriteTimestampMicros: { N: micros(offsetSeconds) } },
      Keys: toDynamoJsonMap(key),
      ...(image === undefined ? {} : { NewImage: toDynamoJsonMap(image) }),
    });
  const options = { prefix: 'made/', from, to, view: 'NEW_IMAGE' as const, tableArn: TABLE_ARN };

  it('the newest WriteTimestampMicros wins, whatever the order of the files and lines', async () => {
    const e = recordsExport(
      [
        // The newest state of user-001 first, then an older one in the next file; user-002's delete after its put.
        [record(30, item(1, 3)), record(10, item(2, 2))],
        [record(20, item(3, 2)), record(5, item(1, 2)), record(40, undefined, keyOf(item(2, 0)))],
      ],
      options,
    );
    const prefix = await uploaded(e);
    const table = await tableWith([item(1, 1), item(2, 1), item(9, 1)]);
    const run = await runLocal({
      mode: 'import',
      bucket,
      prefix: `${prefix}AWSDynamoDB/${e.id}/`,
      'table-name': table,
      'changes-onto-table': 'true',
    });
    expect(run.exitCode, run.log).toBe(0);
    await expectTable(table, [item(1, 3), item(3, 2), item(9, 1)]);
    expect(run.outputs).toMatchObject({ 'processed-item-count': '5', 'error-count': '0', 'put-count': '3' });
    expect(run.log).not.toContain("as in AWS's import");
    expect(run.log).toMatch(/::warning::.*newest WriteTimestampMicros/);
  });

  it('a record outside its window is rejected with its place and reason, and not applied', async () => {
    const e = recordsExport([[record(10, item(1, 2)), record(7200, item(1, 5)), record(-60, item(4, 5))]], options);
    const prefix = await uploaded(e);
    const table = await tableWith([item(1, 1)]);
    const run = await runLocal({
      mode: 'import',
      bucket,
      prefix: `${prefix}AWSDynamoDB/${e.id}/`,
      'table-name': table,
      'changes-onto-table': 'true',
      'max-errors': '2',
    });
    expect(run.exitCode, run.log).toBe(0);
    await expectTable(table, [item(1, 2)]);
    expect(run.outputs['error-count']).toBe('2');
    expect(run.summary).toContain('OUTSIDE_WINDOW');
  });

  it('two records of one key with the same timestamp: the first is applied, the second rejected as a tie', async () => {
    const e = recordsExport([[record(10, item(1, 2))], [record(10, item(1, 3))]], options);
    const prefix = await uploaded(e);
    const table = await tableWith([item(1, 1)]);
    const run = await runLocal({
      mode: 'import',
      bucket,
      prefix: `${prefix}AWSDynamoDB/${e.id}/`,
      'table-name': table,
      'changes-onto-table': 'true',
    });
    expect(run.exitCode, run.log).toBe(1);
    expect(run.outputs['error-count']).toBe('1');
    expect(run.summary).toContain('DUPLICATE_CHANGE');
  });
});
