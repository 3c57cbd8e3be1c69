// The pre-flight sample of a source's first object: no more than its listed
// size is read, and an export's damaged first data file does not make the
// whole source look unreadable (its items are rejected when it is imported).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleObject } from '../../src/sources/sample.js';
import { LocalStore } from '../../src/storage/local.js';
import { flipped, gzipLines, itemLines, md5 } from './export-builder.js';

const OPTIONS = { format: 'DYNAMODB_JSON', compression: 'auto', keys: [] } as const;

function holding(body: Buffer): LocalStore {
  const root = mkdtempSync(join(tmpdir(), 'sample-'));
  writeFileSync(join(root, 'data.json.gz'), body);
  return new LocalStore(root);
}

describe('sampleObject', () => {
  const good = gzipLines(itemLines(10));
  const bad = flipped(good, 12);

  it('samples an object by key, as before', async () => {
    const sample = await sampleObject(holding(good), 'data.json.gz', OPTIONS);
    expect(sample.records).toHaveLength(10);
    expect(sample.errors).toEqual([]);
  });

  it('reads no more than the listed size', async () => {
    const text = Buffer.from(`${itemLines(3).join('\n')}\n${'x'.repeat(100)}`);
    const store = holding(text);
    const size = text.length - 100;
    const sample = await sampleObject(store, { key: 'data.json.gz', size }, OPTIONS);
    expect(sample).toEqual({ records: expect.any(Array), errors: [] });
    expect(sample.records).toHaveLength(3);
  });

  it("gives an empty sample for an export's data file that fails its MD5", async () => {
    const store = holding(bad);
    const object = { key: 'data.json.gz', size: bad.length, md5: md5(good), itemCount: 10 };
    const byKey = await sampleObject(store, 'data.json.gz', OPTIONS);
    expect(byKey.errors.length).toBe(byKey.records.length);
    expect(await sampleObject(store, object, OPTIONS)).toEqual({ records: [], errors: [] });
  });

  it('keeps the errors of a data file whose MD5 matches: the source itself is unreadable', async () => {
    const store = holding(bad);
    const sample = await sampleObject(store, { key: 'data.json.gz', size: bad.length, md5: md5(bad) }, OPTIONS);
    expect(sample.errors.length).toBeGreaterThan(0);
  });
});
