// Partitioning and the comparison by partition, on files in a temporary
// folder: every record back as written, the two items of a key in files of
// the same number, and counts that do not depend on how the files were split.

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Difference, type PartitionPair, comparePartitions } from '../../src/verify/compare.js';
import { keyText } from '../../src/verify/key.js';
import {
  MAX_PARTITIONS,
  PARTITION_BYTES,
  PartitionWriter,
  hashText,
  partitionCount,
  readPartition,
} from '../../src/verify/partition.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'verify-partition-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const item = (id: string, extra: Record<string, unknown> = {}) => JSON.stringify({ id: { S: id }, ...extra });
const key = (id: string) => keyText({ id: { S: id } }, ['id']);

async function readAll(path: string): Promise<{ key: string; item: string }[]> {
  const out: { key: string; item: string }[] = [];
  for await (const records of readPartition(path)) {
    for (const r of records) out.push({ key: r.key, item: r.item.toString('utf8') });
  }
  return out;
}

describe('partitionCount', () => {
  it('gives one partition per PARTITION_BYTES of the larger side, at least 1, at most MAX_PARTITIONS', () => {
    expect(partitionCount(0, 0)).toBe(1);
    expect(partitionCount(PARTITION_BYTES * 10 + 1, 5)).toBe(11);
    expect(partitionCount(5, PARTITION_BYTES * 3)).toBe(3);
    expect(partitionCount(Number.MAX_SAFE_INTEGER)).toBe(MAX_PARTITIONS);
    expect(partitionCount(Number.NaN, 10)).toBe(1);
  });
});

describe('hashText', () => {
  it('spreads keys evenly over partitions, and another seed spreads them otherwise', () => {
    const counts = new Array(16).fill(0) as number[];
    const moved = { count: 0 };
    for (let i = 0; i < 16_000; i++) {
      const text = key(`customer#${i}`);
      const p = hashText(text, 1) % 16;
      counts[p] = (counts[p] ?? 0) + 1;
      if (hashText(text, 2) % 16 !== p) moved.count += 1;
    }
    for (const c of counts) expect(c).toBeGreaterThan(800);
    expect(moved.count).toBeGreaterThan(14_000);
  });
});

describe('PartitionWriter', () => {
  it('writes every record to the partition of its key, readable back exactly, large ones included', async () => {
    const writer = new PartitionWriter(dir, 't', 7, 42);
    // Over 1 MiB in all, so records are cut by reads; one record larger than a read.
    const big = 'x'.repeat(2_500_000);
    const records = [
      { key: key('a'), item: item('a') },
      { key: key('new\nline'), item: item('new\nline', { note: { S: 'tab\there' } }) },
      { key: key('big'), item: item('big', { big: { S: big } }) },
      ...Array.from({ length: 30_000 }, (_, i) => ({
        key: key(`k${i}`),
        item: item(`k${i}`, { n: { N: String(i) } }),
      })),
    ];
    for (const r of records) {
      writer.add(r.key, r.key.length % 2 === 0 ? r.item : Buffer.from(r.item));
      await writer.drain();
    }
    const files = await writer.close();
    expect(files).toHaveLength(7);
    const back = (await Promise.all(files.filter((f) => f.bytes > 0).map((f) => readAll(f.path)))).flat();
    expect(back.sort((x, y) => (x.key < y.key ? -1 : 1))).toEqual(records.sort((x, y) => (x.key < y.key ? -1 : 1)));
    for (const [p, file] of files.entries()) {
      if (file.bytes === 0) continue;
      for (const r of await readAll(file.path)) expect(writer.partitionOf(r.key)).toBe(p);
    }
  });

  it('puts a key in the same partition on both sides (same count and seed)', () => {
    const a = new PartitionWriter(dir, 'source', 13, 7);
    const b = new PartitionWriter(dir, 'table', 13, 7);
    for (let i = 0; i < 100; i++) expect(a.partitionOf(key(`k${i}`))).toBe(b.partitionOf(key(`k${i}`)));
  });
});

async function sides(source: [string, string][], table: [string, string][], count: number): Promise<PartitionPair[]> {
  const s = new PartitionWriter(dir, 'source', count, 9);
  const t = new PartitionWriter(dir, 'table', count, 9);
  for (const [id, json] of source) s.add(key(id), json);
  for (const [id, json] of table) t.add(key(id), json);
  const [sf, tf] = await Promise.all([s.close(), t.close()]);
  return sf.map((f, i) => ({ source: f, table: tf[i] ?? { path: '', bytes: 0 } }));
}

describe('comparePartitions', () => {
  const source: [string, string][] = [];
  const table: [string, string][] = [];
  for (let i = 0; i < 500; i++) {
    source.push([`k${i}`, item(`k${i}`, { n: { N: '1.50' }, s: { SS: ['a', 'b'] } })]);
    if (i % 100 !== 0) table.push([`k${i}`, item(`k${i}`, { s: { SS: ['b', 'a'] }, n: { N: '1.5' } })]);
  }
  // k1 and k2 differ; k3 repeats in the source, and its last record is the table's; x1, x2 are extra.
  table[0] = ['k1', item('k1', { n: { N: '2' }, s: { SS: ['a', 'b'] } })];
  table[1] = ['k2', item('k2', { n: { N: '1.5' } })];
  source.push(['k3', item('k3', { changed: { BOOL: true } })]);
  table[2] = ['k3', item('k3', { changed: { BOOL: true } })];
  table.push(['x1', item('x1')], ['x2', item('x2')]);

  it.each([
    ['one partition', 1, undefined],
    ['many partitions', 17, undefined],
    ['partitions split again because they are over the memory limit', 3, 2000],
  ])('counts the same with %s, and leaves no file behind', async (_, count, maxLoadedBytes) => {
    // The images are only valid during emit (the read buffers are used again): kept as text.
    const differences: (Pick<Difference, 'kind' | 'attributes'> & { image: string })[] = [];
    const pairs = await sides(source, table, count);
    const counts = await comparePartitions(pairs, {
      dir,
      seed: 9,
      emit: async (d) => {
        differences.push({ kind: d.kind, attributes: d.attributes, image: (d.source ?? d.table)?.toString() ?? '' });
      },
      ...(maxLoadedBytes === undefined ? {} : { maxLoadedBytes }),
    });
    expect(counts).toMatchObject({
      matched: 493,
      missing: 5,
      extra: 2,
      different: 2,
      duplicateKeys: 1,
      partitions: count,
    });
    const byKind = (kind: string) =>
      differences
        .filter((d) => d.kind === kind)
        .map((d) => JSON.parse(d.image).id.S)
        .sort();
    expect(byKind('missing')).toEqual(['k0', 'k100', 'k200', 'k300', 'k400']);
    expect(byKind('extra')).toEqual(['x1', 'x2']);
    expect(byKind('different')).toEqual(['k1', 'k2']);
    expect(differences.filter((d) => d.kind === 'different').map((d) => d.attributes)).toEqual(
      expect.arrayContaining([['n'], ['s']]),
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});
