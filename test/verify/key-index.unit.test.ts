// The source partition's index by key bytes: found from another buffer, the
// last record of a repeated key indexed, keys never found listed in order,
// and a partition cut inside a record refused rather than read short.

import { describe, expect, it } from 'vitest';
import { KeyIndex } from '../../src/verify/key-index.js';
import { itemOf } from '../../src/verify/partition.js';

/** Records framed as partition files frame them: u32 key bytes, u32 item bytes, key, item. */
function records(...pairs: [string, string][]): { data: Buffer; offsets: number[] } {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let at = 0;
  for (const [key, item] of pairs) {
    const header = Buffer.alloc(8);
    header.writeUInt32LE(Buffer.byteLength(key), 0);
    header.writeUInt32LE(Buffer.byteLength(item), 4);
    const record = Buffer.concat([header, Buffer.from(key), Buffer.from(item)]);
    offsets.push(at);
    at += record.byteLength;
    parts.push(record);
  }
  return { data: Buffer.concat(parts), offsets };
}

describe('KeyIndex', () => {
  it('finds a key given by another buffer, and says when a key is not there', () => {
    const source = records(['["Sa"]', 'A'], ['["Sb"]', 'B'], ['["Sc"]', 'C']);
    const index = new KeyIndex(source.data, 7);
    const table = records(['["Sb"]', 'b'], ['["Sz"]', 'z']);
    const slot = index.find(table.data, table.offsets[0] as number);
    expect(slot).not.toBe(-1);
    expect(itemOf(source.data, index.offset(slot)).toString()).toBe('B');
    expect(index.find(table.data, table.offsets[1] as number)).toBe(-1);
  });

  it('indexes the last record of a repeated key, counts the repeats and lists it once', () => {
    const source = records(['["Sa"]', 'first'], ['["Sb"]', 'B'], ['["Sa"]', 'second'], ['["Sa"]', 'third']);
    const index = new KeyIndex(source.data, 1);
    expect(index.duplicates).toBe(2);
    const slot = index.find(source.data, source.offsets[0] as number);
    expect(itemOf(source.data, index.offset(slot)).toString()).toBe('third');
    expect([...index.notFound()].map((at) => itemOf(source.data, at).toString())).toEqual(['B', 'third']);
  });

  it('marks a key found once: a second record of it on the other side is told apart', () => {
    const source = records(['["Sa"]', 'A'], ['["Sb"]', 'B']);
    const index = new KeyIndex(source.data, 3);
    const slot = index.find(source.data, 0);
    expect(index.markFound(slot)).toBe(true);
    expect(index.markFound(slot)).toBe(false);
    expect([...index.notFound()].map((at) => itemOf(source.data, at).toString())).toEqual(['B']);
  });

  it('tells keys apart by every byte, whatever they hold', () => {
    const keys = ['["Sa"]', '["Sa "]', '["S\\u0000"]', '["Sé"]', '["N1","Sx"]', '["N1","Sy"]', '[""]'];
    const source = records(...keys.map((k, i): [string, string] => [k, String(i)]));
    const index = new KeyIndex(source.data, 11);
    expect(index.duplicates).toBe(0);
    for (const [i, at] of source.offsets.entries()) {
      expect(itemOf(source.data, index.offset(index.find(source.data, at))).toString()).toBe(String(i));
    }
  });

  it('holds 50,000 keys, each found, with any seed', () => {
    const pairs = Array.from({ length: 50_000 }, (_, i): [string, string] => [
      `["Scustomer#${i}","N${i % 7}"]`,
      `${i}`,
    ]);
    const source = records(...pairs);
    for (const seed of [0, 0xffffffff]) {
      const index = new KeyIndex(source.data, seed);
      for (const at of source.offsets) index.markFound(index.find(source.data, at));
      expect([...index.notFound()]).toEqual([]);
    }
  });

  it('refuses a partition that ends inside a record instead of reading it short', () => {
    const { data } = records(['["Sa"]', 'A'], ['["Sb"]', 'B']);
    expect(() => new KeyIndex(data.subarray(0, data.byteLength - 1), 1)).toThrow(/ends inside a record/);
    expect(() => new KeyIndex(data.subarray(0, 4), 1)).toThrow(/ends inside a record/);
    expect(new KeyIndex(Buffer.alloc(0), 1).duplicates).toBe(0);
  });
});
