// restore-to and changes: parsed for import and validate, refused with
// export; a source that is an export's folder, or restore inputs, let a new
// table's key schema wait until the source is read.

import { describe, expect, it } from 'vitest';
import { IMPORT, NOW, VALIDATE, plan, problems } from './plan-helpers.js';

const restoreOf = (inputs: Record<string, string>) => {
  const p = plan(inputs);
  if (p.mode === 'export' || p.mode === 'verify') throw new Error(`not an import: ${p.mode}`);
  return p.restore;
};

describe('restore-to and changes', () => {
  it('default to the latest point and apply', () => {
    expect(restoreOf(IMPORT)).toEqual({ changes: 'apply', ontoTable: false });
    expect(restoreOf({ ...VALIDATE, 'restore-to': 'LATEST' })).toEqual({ changes: 'apply', ontoTable: false });
    expect(restoreOf({ ...IMPORT, 'changes-onto-table': 'true' }).ontoTable).toBe(true);
  });

  it('read a point in time as ISO 8601, epoch seconds or relative to now, and revert', () => {
    expect(restoreOf({ ...IMPORT, 'restore-to': '2026-01-10T08:30:00Z', changes: 'Revert' })).toEqual({
      changes: 'revert',
      restoreTo: new Date('2026-01-10T08:30:00Z'),
      ontoTable: false,
    });
    expect(restoreOf({ ...IMPORT, 'restore-to': '-2h' }).restoreTo).toEqual(new Date(NOW.getTime() - 7_200_000));
    expect(restoreOf({ ...IMPORT, 'restore-to': '1767225600' }).restoreTo).toEqual(new Date(1767225600_000));
  });

  it.each([
    [
      { 'restore-to': 'yesterday' },
      'Input "restore-to" is "yesterday"; expected latest, or an ISO 8601 time (2026-01-31T12:00:00Z), epoch seconds (1767225600), now, or a time relative to now (-24h, -90m).',
    ],
    [
      { 'restore-to': '2027-01-01' },
      'Input "restore-to" is "2027-01-01"; expected latest, or a time not in the future.',
    ],
    [{ changes: 'undo' }, 'Input "changes" is "undo"; expected one of apply, revert.'],
    [
      { changes: 'revert', 'changes-onto-table': 'true' },
      'Input "changes-onto-table" is "true"; expected it only with changes: apply; changes: revert always works on the table as it is.',
    ],
    [
      { changes: 'revert', 'existing-table': 'replace' },
      'Input "existing-table" is "replace"; expected fail or merge with changes: revert, which undoes the changes of the windows on the table as it is; emptied first, the table would hold only the old images of the items the windows changed.',
    ],
  ])('refuse %j', (inputs, message) => {
    expect(problems({ ...IMPORT, ...inputs })).toEqual([message]);
  });

  it('are refused with mode: export', () => {
    expect(
      problems({
        mode: 'export',
        'table-name': 'Orders',
        bucket: 'backups',
        'restore-to': '-1h',
        changes: 'revert',
        'changes-onto-table': 'true',
      }),
    ).toEqual([
      'Input "restore-to" is "-1h"; expected it only with mode: import or validate.',
      'Input "changes" is "revert"; expected it only with mode: import or validate.',
      'Input "changes-onto-table" is "true"; expected it only with mode: import or validate.',
    ]);
  });
});

describe("a new table's key schema", () => {
  const noKey = { ...IMPORT, 'partition-key': '' };

  it('is still needed for an ordinary source', () => {
    expect(problems(noKey)).toHaveLength(1);
  });

  it.each([
    ['an export folder as prefix', { prefix: 'orders/AWSDynamoDB/01693685827463-2d8752fd/' }],
    ['an export folder as path', { bucket: '', path: '/backups/AWSDynamoDB/01693685827463-2d8752fd' }],
    ['restore-to', { prefix: 'orders/', 'restore-to': '-1h' }],
    ['changes: revert', { prefix: 'orders/', changes: 'revert' }],
  ])('can wait until the source is read for %s (a missing table is then refused there)', (_what, inputs) => {
    expect(problems({ ...noKey, ...inputs })).toEqual([]);
  });
});
