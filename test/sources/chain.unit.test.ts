// The restore chain's rules on exports described as their manifests would:
// the base, the order, what is left out and why, gaps, overlaps, restore-to
// inside a window, and revert newest first.

import { describe, expect, it } from 'vitest';
import { TransferError } from '../../src/errors.js';
import { type Chain, gapMessage, planChain } from '../../src/sources/chain.js';
import { describeExport, type FoundExport } from '../../src/sources/exports-found.js';

const TABLE = 'arn:aws:dynamodb:eu-west-1:123456789012:table/Orders';
const OTHER = 'arn:aws:dynamodb:eu-west-1:123456789012:table/Users';
const at = (hour: number) => new Date(Date.UTC(2026, 2, 1, hour, 0, 0));

let counter = 0;
function exportOf(fields: Partial<FoundExport>): FoundExport {
  counter += 1;
  const id = `0177${String(counter).padStart(10, '0')}-0000000${counter % 10}`;
  return {
    id,
    root: 'b/',
    folder: `b/AWSDynamoDB/${id}/`,
    shown: `s3://bk/b/AWSDynamoDB/${id}/`,
    type: 'INCREMENTAL_EXPORT',
    tableArn: TABLE,
    format: 'DYNAMODB_JSON',
    itemCount: 1,
    ...fields,
  };
}
const full = (hour: number, tableArn = TABLE) => exportOf({ type: 'FULL_EXPORT', exportTime: at(hour), tableArn });
const inc = (from: number, to: number, fields: Partial<FoundExport> = {}) =>
  exportOf({ from: at(from), to: at(to), view: 'NEW_AND_OLD_IMAGES', ...fields });

const ids = (chain: Chain) => chain.steps.map((s) => `${s.action} ${s.export.id}`);

describe('applying a chain', () => {
  const f0 = full(0);
  const i1 = inc(0, 1);
  const i2 = inc(1, 2, { view: 'NEW_IMAGE' });
  const i3 = inc(2, 3);

  it('takes the newest full export, then the incrementals in order of their end, whatever order they are found in', () => {
    const chain = planChain([i3, f0, i2, i1], { changes: 'apply' });
    expect(ids(chain)).toEqual([`import ${f0.id}`, `apply ${i1.id}`, `apply ${i2.id}`, `apply ${i3.id}`]);
    expect(chain.restoredTo).toEqual(at(3));
    expect([chain.gap, chain.leftOut, chain.notes]).toEqual([undefined, [], []]);
  });

  it('stops at restore-to, and says so when restore-to is inside a window', () => {
    const exact = planChain([f0, i1, i2, i3], { changes: 'apply', restoreTo: at(2) });
    expect(ids(exact)).toEqual([`import ${f0.id}`, `apply ${i1.id}`, `apply ${i2.id}`]);
    expect([exact.restoredTo, exact.notes]).toEqual([at(2), []]);
    const inside = planChain([f0, i1, i2, i3], { changes: 'apply', restoreTo: new Date(Date.UTC(2026, 2, 1, 1, 30)) });
    expect(ids(inside)).toEqual([`import ${f0.id}`, `apply ${i1.id}`]);
    expect(inside.restoredTo).toEqual(at(1));
    expect(inside.notes).toEqual([
      `restore-to 2026-03-01T01:30:00.000Z is inside the window of ${i2.id} (2026-03-01T01:00:00.000Z to 2026-03-01T02:00:00.000Z): an incremental export holds each item's state at its window's end only, so the table is restored to 2026-03-01T01:00:00.000Z, the end of the last window that ends at or before restore-to.`,
    ]);
    expect(inside.leftOut.map((l) => [l.export.id, l.why])).toEqual([
      [i2.id, 'ends after restore-to'],
      [i3.id, 'ends after restore-to'],
    ]);
  });

  it('uses the newest full export at or before restore-to, and only the windows after it', () => {
    const f2 = full(2);
    const chain = planChain([f0, i1, i2, f2, i3], { changes: 'apply' });
    expect(ids(chain)).toEqual([`import ${f2.id}`, `apply ${i3.id}`]);
    expect(chain.leftOut.map((l) => l.why)).toEqual([
      `an older full export; ${f2.id} is the newest at or before restore-to`,
      `its window ends at or before the full export ${f2.id} was made`,
      `its window ends at or before the full export ${f2.id} was made`,
    ]);
    expect(ids(planChain([f0, i1, i2, f2, i3], { changes: 'apply', restoreTo: at(1) }))).toEqual([
      `import ${f0.id}`,
      `apply ${i1.id}`,
    ]);
  });

  it('leaves out and names the exports of another table', () => {
    const stranger = inc(1, 2, { tableArn: OTHER });
    const chain = planChain([f0, i1, stranger, i2], { changes: 'apply' });
    expect(chain.tableArn).toBe(TABLE);
    expect(chain.leftOut.map((l) => [l.export.id, l.why])).toEqual([
      [stranger.id, `an export of another table (${OTHER})`],
    ]);
    expect(chain.notes[0]).toMatch(/^The source holds exports of 2 tables: this restores .*Orders, which has the most/);
  });

  it("chooses the table with the most exports, even when another's full export is newer", () => {
    const theirs = full(2, OTHER);
    const chain = planChain([f0, i1, i2, theirs], { changes: 'apply' });
    expect(ids(chain)).toEqual([`import ${f0.id}`, `apply ${i1.id}`, `apply ${i2.id}`]);
    expect(chain.leftOut.map((l) => l.export.id)).toEqual([theirs.id]);
  });

  it('finds a gap, naming the two exports and the window no export covers', () => {
    const chain = planChain([f0, i1, i3], { changes: 'apply' });
    expect(chain.gap).toMatchObject({ after: i1, before: i3, from: at(1), to: at(2) });
    expect(gapMessage(chain.gap!)).toMatch(
      new RegExp(
        `^No export covers 2026-03-01T01:00:00.000Z to 2026-03-01T02:00:00.000Z: ${i1.shown} reaches .*, and the next, ${i3.shown}, starts at`,
      ),
    );
    // A gap between the full export and the first window too.
    expect(planChain([full(0), inc(1, 2)], { changes: 'apply' }).gap).toMatchObject({ from: at(0), to: at(1) });
    // A gap past restore-to does not matter.
    expect(planChain([f0, i1, i3], { changes: 'apply', restoreTo: at(1) }).gap).toBeUndefined();
  });

  it('takes overlapping windows, and windows that start before the full export', () => {
    const chain = planChain([full(1), inc(0, 2), inc(1, 3), inc(2, 4)], { changes: 'apply' });
    expect([chain.steps.length, chain.gap, chain.restoredTo]).toEqual([4, undefined, at(4)]);
    // A window inside another is applied before it, so the longer one's end state wins.
    const outer = inc(0, 5);
    const inner = inc(1, 2);
    expect(ids(planChain([full(0), outer, inner], { changes: 'apply' })).slice(1)).toEqual([
      `apply ${inner.id}`,
      `apply ${outer.id}`,
    ]);
  });

  it('applies incrementals alone to the table as it is, and says so', () => {
    const chain = planChain([inc(0, 1), inc(1, 2)], { changes: 'apply' });
    expect(chain.steps.map((s) => s.action)).toEqual(['apply', 'apply']);
    expect(chain.notes[0]).toMatch(/^No full export of this table .* state as of 2026-03-01T00:00:00.000Z\.$/);
  });

  it('refuses two full exports of one exportTime as the base, naming both; a tie among older ones is left out', () => {
    const twin = full(0);
    const error = (() => {
      try {
        planChain([f0, i1, twin], { changes: 'apply' });
      } catch (e) {
        return e as TransferError;
      }
      return undefined;
    })();
    expect(error?.code).toBe('CHAIN_UNUSABLE');
    expect(error?.message).toContain(`Two full exports of ${TABLE} have the same exportTime 2026-03-01T00:00:00.000Z`);
    expect(error?.message).toContain(f0.shown);
    expect(error?.message).toContain(twin.shown);
    // Older than the base, the tie decides nothing.
    expect(ids(planChain([f0, twin, full(1), i1, inc(1, 2)], { changes: 'apply' }))[0]).toMatch(/^import /);
  });

  it('refuses a restore-to before every export', () => {
    expect(() => planChain([f0, i1], { changes: 'apply', restoreTo: new Date(Date.UTC(2025, 0, 1)) })).toThrow(
      /^restore-to 2025-01-01T00:00:00.000Z is before every export in the source/,
    );
  });
});

describe('reverting', () => {
  it('reverts every window, newest first, back to the earliest start, and leaves full exports out', () => {
    const f0 = full(0);
    const [i1, i2, i3] = [inc(0, 1), inc(1, 2), inc(2, 3)];
    const chain = planChain([i1, f0, i3, i2], { changes: 'revert' });
    expect(ids(chain)).toEqual([`revert ${i3.id}`, `revert ${i2.id}`, `revert ${i1.id}`]);
    expect(chain.restoredTo).toEqual(at(0));
    expect(chain.leftOut.map((l) => l.why)).toEqual(['a full export records no changes to revert']);
  });

  it('reverts back to restore-to; one inside a window stops at its end', () => {
    const [i1, i2, i3] = [inc(0, 1), inc(1, 2), inc(2, 3)];
    expect(ids(planChain([i1, i2, i3], { changes: 'revert', restoreTo: at(2) }))).toEqual([`revert ${i3.id}`]);
    const inside = planChain([i1, i2, i3], { changes: 'revert', restoreTo: new Date(Date.UTC(2026, 2, 1, 1, 30)) });
    expect([
      inside.restoredTo,
      inside.notes[0]?.startsWith('restore-to 2026-03-01T01:30:00.000Z is inside the window of'),
    ]).toEqual([at(2), true]);
  });

  it('refuses NEW_IMAGE exports with the reason', () => {
    const plain = inc(0, 1, { view: 'NEW_IMAGE' });
    expect(() => planChain([plain], { changes: 'revert' })).toThrow(
      `changes: revert puts back each item's OldImage, and ${plain.shown} was exported with view NEW_IMAGE, which records no old images`,
    );
  });

  it('finds a gap between the windows reverted, and refuses a source of full exports only', () => {
    expect(planChain([inc(0, 1), inc(2, 3)], { changes: 'revert' }).gap).toMatchObject({ from: at(1), to: at(2) });
    const error = (() => {
      try {
        planChain([full(0)], { changes: 'revert' });
      } catch (e) {
        return e as TransferError;
      }
      return undefined;
    })();
    expect(error?.code).toBe('CHANGES_NOT_REVERTIBLE');
  });
});

describe("a manifest-summary's fields", () => {
  const where = { id: 'x', root: '', folder: 'f', shown: 's', where: 'm.json' };
  const incremental = {
    tableArn: TABLE,
    exportType: 'INCREMENTAL_EXPORT',
    exportFromTime: '2023-09-18T17:00:00.000Z',
    exportToTime: '2023-09-19T04:00:00.000Z',
    outputView: 'NEW_AND_OLD_IMAGES',
    outputFormat: 'DYNAMODB_JSON',
    itemCount: 8,
  };

  const now = new Date('2026-12-08T01:00:00.000Z');

  it("reads AWS's documented incremental summary", () => {
    expect(describeExport(incremental, where, now)).toMatchObject({
      type: 'INCREMENTAL_EXPORT',
      from: new Date('2023-09-18T17:00:00.000Z'),
      to: new Date('2023-09-19T04:00:00.000Z'),
      view: 'NEW_AND_OLD_IMAGES',
      itemCount: 8,
    });
  });

  it.each([
    [{ exportType: 'DIFF' }, 'm.json has exportType "DIFF"; expected FULL_EXPORT or INCREMENTAL_EXPORT'],
    [{ tableArn: undefined }, "m.json has tableArn missing; expected the table's ARN"],
    [{ exportFromTime: 'yesterday' }, 'm.json has exportFromTime "yesterday"; expected an ISO 8601 time'],
    [
      { exportToTime: '2023-09-18T16:00:00.000Z' },
      'm.json has exportToTime "2023-09-18T16:00:00.000Z"; expected a time after exportFromTime (2023-09-18T17:00:00.000Z)',
    ],
    [{ outputView: 'NEW_IMAGES' }, 'm.json has outputView "NEW_IMAGES"; expected NEW_IMAGE or NEW_AND_OLD_IMAGES'],
    [{ exportType: 'FULL_EXPORT' }, 'm.json has exportTime missing; expected an ISO 8601 time'],
  ])('refuses %j', (change, message) => {
    expect(() => describeExport({ ...incremental, ...change }, where, now)).toThrow(message);
  });

  it.each([
    [{ exportToTime: '2099-01-01T00:00:00.000Z' }, 'exportToTime 2099-01-01T00:00:00.000Z'],
    [{ exportFromTime: '2099-01-01T00:00:00.000Z', exportToTime: '2099-01-02T00:00:00.000Z' }, 'exportFromTime 2099'],
    [{ exportType: 'FULL_EXPORT', exportTime: '2026-12-08T01:05:01.000Z' }, 'exportTime 2026-12-08T01:05:01.000Z'],
  ])('refuses a time after now, past the clock allowance: %j', (change, named) => {
    expect(() => describeExport({ ...incremental, ...change }, where, now)).toThrow(`m.json has ${named}`);
    expect(() => describeExport({ ...incremental, ...change }, where, now)).toThrow(
      'after now (2026-12-08T01:00:00.000Z, with 5 minutes allowed for clocks that differ)',
    );
  });

  it('accepts a time within the clock allowance', () => {
    const soon = { ...incremental, exportType: 'FULL_EXPORT', exportTime: '2026-12-08T01:05:00.000Z' };
    expect(describeExport(soon, where, now).exportTime).toEqual(new Date('2026-12-08T01:05:00.000Z'));
  });
});
