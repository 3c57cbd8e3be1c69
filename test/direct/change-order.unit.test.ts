// The order of an incremental export's records of one key: by timestamp,
// whatever their place, kept across the table's growth.

import { describe, expect, it } from 'vitest';
import { ChangeOrder, changeWarnings, newTally } from '../../src/direct/change-order.js';

const from = new Date('2026-03-01T00:00:00.000Z');
const micros = (seconds: number): string => String((from.getTime() + seconds * 1000) * 1000);

describe('ChangeOrder', () => {
  it('gives each key its verdict against the newest record seen of it', () => {
    const tally = newTally();
    const order = new ChangeOrder(from, tally, 'w');
    expect(order.see('a', micros(10))).toBe('first');
    expect(order.see('b', micros(10))).toBe('first');
    expect(order.see('a', micros(5))).toBe('older');
    expect(order.see('a', micros(20))).toBe('newer');
    expect(order.see('a', micros(10))).toBe('older');
    expect(order.see('a', micros(20))).toBe('tie');
    expect(tally).toEqual({ repeated: 4, superseded: 2, untracked: [] });
    expect(changeWarnings(tally)[0]).toContain('the record with the newest WriteTimestampMicros was applied');
  });

  it('keeps every key through the growth of its table, one microsecond apart', () => {
    const order = new ChangeOrder(from, newTally(), 'w');
    const at = (n: number): string => String(BigInt(from.getTime()) * 1000n + BigInt(n));
    for (let n = 0; n < 20_000; n++) expect(order.see(`key ${n}`, at(n))).toBe('first');
    for (let n = 0; n < 20_000; n += 7) expect(order.see(`key ${n}`, at(n - 1))).toBe('older');
    for (let n = 3; n < 20_000; n += 7) expect(order.see(`key ${n}`, at(n + 1))).toBe('newer');
  });

  it('tells keys apart by their whole text', () => {
    const order = new ChangeOrder(from, newTally(), 'w');
    expect(order.see('S1\u0000N1\u0000', micros(10))).toBe('first');
    expect(order.see('S1\u0000N1.0\u0000', micros(5))).toBe('first');
    expect(order.see('S11\u0000N\u0000', micros(5))).toBe('first');
  });

  it('past its most keys, lets further keys through in file order and says which export', () => {
    const tally = newTally();
    const order = new ChangeOrder(from, tally, 's3://b/AWSDynamoDB/x/', 2);
    expect(['a', 'b', 'c', 'c'].map((key) => order.see(key, micros(10)))).toEqual([
      'first',
      'first',
      'untracked',
      'untracked',
    ]);
    // Keys already kept are still ordered.
    expect(order.see('a', micros(5))).toBe('older');
    expect(tally.untracked).toEqual(['s3://b/AWSDynamoDB/x/']);
    expect(changeWarnings(tally)[1]).toBe(
      "s3://b/AWSDynamoDB/x/ changes more than 1,000,000 keys: records of one key are put in the order of their timestamps for the first 1,000,000 keys only, and the export's other records are applied in the order of its files.",
    );
  });
});
