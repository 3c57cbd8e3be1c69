// The checkpoint read back without trust, the decision to resume or start
// over, and the watermark with writes acknowledged out of order.

import { describe, expect, it } from 'vitest';
import { decideResume, notOurs, otherTable, sourceChange } from '../../src/checkpoint/decide.js';
import {
  CHECKPOINT_KIND,
  CHECKPOINT_VERSION,
  type ImportCheckpoint,
  parseCheckpoint,
} from '../../src/checkpoint/state.js';
import { Watermark } from '../../src/checkpoint/watermark.js';

const identity = { table: 'orders', source: 's3://bucket/data/', reading: 'DYNAMODB_JSON, compression auto' };
const objects = [
  { key: 'data/a.json', size: 100, tag: '"etag-a"' },
  { key: 'data/b.json', size: 200, tag: '"etag-b"' },
];

function checkpoint(overrides: Partial<ImportCheckpoint> = {}): ImportCheckpoint {
  return {
    kind: CHECKPOINT_KIND,
    version: CHECKPOINT_VERSION,
    identity,
    table: { arn: 'arn:aws:dynamodb:us-east-1:1:table/orders', id: 'id-1', created: '2026-11-30T19:00:00.000Z' },
    objects,
    position: { finished: 1, records: 10 },
    objectRecords: [100],
    counts: { processed: 110, imported: 108, errors: 2 },
    rejectedItems: ['/tmp/rejects.jsonl'],
    rejectsPlaces: ['/tmp/rejects.jsonl'],
    rejectedAhead: [[1, 12]],
    runs: 1,
    completed: false,
    savedAt: '2026-11-30T20:00:00.000Z',
    ...overrides,
  };
}

const text = (c: unknown) => JSON.stringify(c);

describe('parseCheckpoint', () => {
  it('reads back what was saved', () => {
    expect(parseCheckpoint(text(checkpoint()))).toEqual(checkpoint());
  });

  it.each([
    ['truncated', text(checkpoint()).slice(0, 80), /not JSON .*cut short/],
    ['empty', '', /not JSON/],
    ['another kind of file', '{"kind":"something else"}', /not an import checkpoint/],
    ['a later version', text({ ...checkpoint(), version: CHECKPOINT_VERSION + 1 }), /version 3/],
    ['a negative count', text(checkpoint({ counts: { processed: -1, imported: 0, errors: 0 } })), /counts/],
    ['a fractional position', text(checkpoint({ position: { finished: 0.5, records: 0 } })), /position/],
    ['a position past its objects', text(checkpoint({ position: { finished: 3, records: 0 } })), /beyond its own list/],
    ['records past the last object', text(checkpoint({ position: { finished: 2, records: 1 } })), /beyond/],
    ['objects that are not objects', text({ ...checkpoint(), objects: ['a'] }), /source objects/],
    ['null', 'null', /not an import checkpoint/],
  ])('refuses %s, saying why', (_, input, why) => {
    expect(() => parseCheckpoint(input)).toThrow(why);
  });
});

describe('decideResume', () => {
  it('resumes an unfinished checkpoint of the same import and source', () => {
    expect(decideResume(text(checkpoint()), identity, objects)).toEqual({ kind: 'resume', checkpoint: checkpoint() });
  });

  it('has nothing to decide without a checkpoint', () => {
    expect(decideResume(undefined, identity, objects)).toEqual({ kind: 'none' });
  });

  it.each([
    ['a corrupt checkpoint', '{"kind', identity, objects, /cannot be used: it is not JSON/],
    ['another table', text(checkpoint()), { ...identity, table: 'other' }, objects, /for table orders, not other/],
    ['another source', text(checkpoint()), { ...identity, source: 's3://x/' }, objects, /source s3:\/\/bucket\/data\//],
    [
      'another format',
      text(checkpoint()),
      { ...identity, reading: 'ION, compression auto' },
      objects,
      /reading the source as/,
    ],
    [
      'a resized object',
      text(checkpoint()),
      identity,
      [objects[0], { ...objects[1], size: 201 }],
      /source changed .*data\/b\.json was 200 bytes and is now 201/,
    ],
    [
      'a rewritten object of the same size',
      text(checkpoint()),
      identity,
      [{ ...objects[0], tag: '"etag-new"' }, objects[1]],
      /data\/a\.json was rewritten \("etag-a", now "etag-new"\)/,
    ],
  ])('starts over, with a warning, for %s', (_, saved, now, nowObjects, why) => {
    const decision = decideResume(saved, now, nowObjects as typeof objects);
    expect(decision).toMatchObject({ kind: 'start-over', warn: true });
    expect(decision.kind === 'start-over' && decision.reason).toMatch(why);
  });

  it('starts over, quietly, after a completed import', () => {
    expect(decideResume(text(checkpoint({ completed: true })), identity, objects)).toEqual({
      kind: 'start-over',
      reason: 'the run that saved the checkpoint completed the import',
      warn: false,
    });
  });
});

describe('parseCheckpoint, against work no run did', () => {
  it.each([
    ['a position moved past its counts', { position: { finished: 2, records: 0 } }, /records of 1/],
    ['records past its counts', { position: { finished: 1, records: 500 } }, /claims work no run did/],
    ['counts that do not add up', { counts: { processed: 110, imported: 110, errors: 2 } }, /do not add up/],
    ['records done without a table', { table: null }, /no table/],
  ])('refuses %s', (_, edit, why) => {
    expect(() => parseCheckpoint(text(checkpoint(edit as Partial<ImportCheckpoint>)))).toThrow(why);
  });
});

describe('notOurs', () => {
  it('takes a checkpoint, whole or cut short, and nothing else', () => {
    expect(notOurs(text(checkpoint()))).toBeUndefined();
    expect(notOurs(text(checkpoint()).slice(0, 60))).toBeUndefined();
    expect(notOurs(JSON.stringify({ version: 1, kind: CHECKPOINT_KIND }))).toBeUndefined();
    expect(notOurs('do not lose me\n')).toBe('it is not JSON');
    expect(notOurs('')).toBe('it is empty');
    expect(notOurs('{"name":"mine","version":"1.0.0"}')).toBe('it is JSON of another kind');
    expect(notOurs('{"kind":"other"}')).toBe('it is JSON of another kind ("other")');
    expect(notOurs('[1]')).toBe('it is JSON of another kind');
  });
});

describe('otherTable', () => {
  const saved = checkpoint();
  const same = saved.table ?? undefined;

  it('takes the same table, and says why another is not it', () => {
    expect(otherTable(saved, 'orders', same)).toBeUndefined();
    expect(otherTable(saved, 'orders', undefined)).toMatch(/no longer exists/);
    expect(otherTable(saved, 'orders', same && { ...same, created: '2026-11-30T21:00:00.000Z' })).toMatch(
      /not the table earlier runs wrote into: it was deleted and created again/,
    );
    expect(otherTable(saved, 'orders', same && { ...same, id: 'id-2' })).toMatch(/deleted and created again/);
  });

  it('saved just before its run created the table: takes one created since, not one from before', () => {
    const before = checkpoint({ table: null, position: { finished: 0, records: 0 }, objectRecords: [] });
    const table = { arn: 'arn', created: '2026-11-30T20:00:02.000Z' };
    expect(otherTable(before, 'orders', undefined)).toBeUndefined();
    expect(otherTable(before, 'orders', table)).toBeUndefined();
    expect(otherTable(before, 'orders', { ...table, created: '2026-11-30T10:00:00.000Z' })).toMatch(
      /was created 2026-11-30T10:00:00.000Z, before the run/,
    );
  });
});

describe('sourceChange', () => {
  it('names an object added, one gone, and a new order', () => {
    expect(sourceChange(objects, [...objects, { key: 'data/c.json', size: 1 }])).toBe('data/c.json is new');
    expect(sourceChange(objects, [objects[0] as (typeof objects)[0]])).toBe('data/b.json is gone');
    expect(sourceChange(objects, [...objects].reverse())).toBe('its objects are listed in another order');
    expect(sourceChange(objects, objects)).toBeUndefined();
  });
});

describe('Watermark', () => {
  it('stays at the earliest record not yet acknowledged when later batches land first', () => {
    const watermark = new Watermark({ finished: 0, records: 0 });
    const tickets = [0, 1, 2, 3, 4].map((record) => watermark.issue(0, record));
    watermark.done(tickets[3] as number, true);
    watermark.done(tickets[4] as number, true);
    expect(watermark.position).toEqual({ finished: 0, records: 0 });
    watermark.done(tickets[0] as number, true);
    watermark.done(tickets[1] as number, true);
    expect(watermark.position).toEqual({ finished: 0, records: 2 });
    watermark.done(tickets[2] as number, true);
    expect(watermark.position).toEqual({ finished: 0, records: 5 });
  });

  it('moves past an object only once it is read and every write of it is acknowledged', () => {
    const watermark = new Watermark({ finished: 2, records: 7 });
    expect(watermark.position).toEqual({ finished: 2, records: 7 });
    const last = watermark.issue(2, 7);
    watermark.passed(2, 8); // rejected by the checks: nothing to wait for
    watermark.objectRead(2, 9);
    expect(watermark.position).toEqual({ finished: 2, records: 7 });
    const next = watermark.issue(3, 0);
    watermark.done(last, true);
    expect(watermark.position).toEqual({ finished: 3, records: 0 });
    watermark.done(next, true);
    expect(watermark.position).toEqual({ finished: 3, records: 1 });
  });

  it('counts only the records before its position: those settled after an open one wait for it', () => {
    const watermark = new Watermark({ finished: 0, records: 0 });
    const [first, second, third] = [0, 1, 2].map((record) => watermark.issue(0, record)) as number[];
    watermark.passed(0, 3); // rejected by the checks, behind three open records
    const fifth = watermark.issue(0, 4);
    watermark.done(second as number, true);
    watermark.done(third as number, false); // DynamoDB rejected it
    watermark.done(fifth, true);
    // The first record is still in flight: a run killed now did none of this as far as a resume knows.
    expect(watermark.counts).toEqual({ processed: 0, imported: 0, errors: 0 });
    watermark.done(first as number, true);
    expect(watermark.position).toEqual({ finished: 0, records: 5 });
    expect(watermark.counts).toEqual({ processed: 5, imported: 3, errors: 2 });
  });

  it('counts a damaged object once the records read before it are settled', () => {
    const watermark = new Watermark({ finished: 0, records: 0 });
    const open = watermark.issue(0, 0);
    watermark.objectRead(0, 1);
    watermark.rejectedWhole(1, 40);
    watermark.objectRead(1, 40);
    expect(watermark.counts).toEqual({ processed: 0, imported: 0, errors: 0 });
    watermark.done(open, true);
    expect(watermark.position).toEqual({ finished: 2, records: 0 });
    expect(watermark.counts).toEqual({ processed: 41, imported: 1, errors: 40 });
  });

  it('remembers the rejections past its position, and knows those an earlier run filed', () => {
    const watermark = new Watermark({ finished: 0, records: 3 }, { objectRecords: [], rejectedAhead: [[0, 5]] });
    expect(watermark.rejectedBefore(0, 5)).toBe(true);
    expect(watermark.rejectedBefore(0, 4)).toBe(false);
    const open = watermark.issue(0, 3);
    watermark.passed(0, 4); // behind the open record: past the position
    const again = watermark.issue(0, 5);
    expect(watermark.ticketRejectedBefore(again)).toBe(true);
    watermark.done(again, false); // DynamoDB rejected it again
    // This run's file is not known whole (a kill): only the earlier run's are said to be filed.
    expect(watermark.rejectedAhead(false)).toEqual([[0, 5]]);
    expect(watermark.rejectedAhead(true)).toEqual([
      [0, 4],
      [0, 5],
    ]);
    watermark.done(open, true);
    watermark.objectRead(0, 6);
    // The position passed them all: nothing is left to remember.
    expect(watermark.rejectedAhead(true)).toEqual([]);
    expect(watermark.finishedRecords).toEqual([6]);
  });

  it('a ticket settled twice, or never issued, changes nothing', () => {
    const watermark = new Watermark({ finished: 0, records: 0 });
    const ticket = watermark.issue(0, 0);
    watermark.done(ticket, true);
    watermark.done(ticket, false);
    watermark.done(ticket + 7, true);
    expect(watermark.counts).toEqual({ processed: 1, imported: 1, errors: 0 });
  });

  it('holds only the records still open while one write hangs and the rest land', () => {
    const watermark = new Watermark({ finished: 0, records: 0 });
    const hanging = watermark.issue(0, 0);
    for (let record = 1; record <= 100_000; record++) watermark.done(watermark.issue(0, record), true);
    expect((watermark as unknown as { open: Map<number, unknown> }).open.size).toBe(1);
    expect(watermark.counts).toEqual({ processed: 0, imported: 0, errors: 0 });
    watermark.done(hanging, true);
    expect(watermark.position).toEqual({ finished: 0, records: 100_001 });
    expect(watermark.counts).toEqual({ processed: 100_001, imported: 100_001, errors: 0 });
  });

  it('keeps its place over many records settled out of order', () => {
    const watermark = new Watermark({ finished: 0, records: 0 });
    const tickets = Array.from({ length: 20_000 }, (_, record) => watermark.issue(0, record));
    // Batches of 25 land in reverse pairs: the later one first.
    for (let batch = 0; batch < tickets.length / 25; batch += 2) {
      for (const b of [batch + 1, batch])
        for (let i = 0; i < 25; i++) watermark.done(tickets[b * 25 + i] as number, true);
      expect(watermark.position).toEqual({ finished: 0, records: (batch + 2) * 25 });
    }
    expect(watermark.counts).toEqual({ processed: 20_000, imported: 20_000, errors: 0 });
  });
});
