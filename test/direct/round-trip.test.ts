// Export with the built action, import the export into a new table, and find
// the same items: every format, compression and kind of storage.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateItems } from '../generate-items.js';
import { useLocalCredentials } from '../local-aws.js';
import { newBucket, newTable, normalized, putItems, runLocal, scanAll } from './helpers.js';

const ITEMS = [...generateItems(60)].map((item) => item);
let source: string;
let bucket: string;

beforeAll(async () => {
  useLocalCredentials();
  source = await newTable({ sorted: true });
  await putItems(source, ITEMS);
  bucket = await newBucket();
});

describe.each([
  ['DYNAMODB_JSON', 'GZIP'],
  ['DYNAMODB_JSON', 'ZSTD'],
  ['ION', 'GZIP'],
  ['ION', 'ZSTD'],
] as const)('%s with %s', (format, compression) => {
  it.each(['s3', 'path'] as const)('export then import through %s gives the same items', async (storage) => {
    const where =
      storage === 's3'
        ? { bucket, prefix: `rt/${format}-${compression}/` }
        : { path: mkdtempSync(join(tmpdir(), 'export-')) };
    const exported = await runLocal({
      mode: 'export',
      'table-name': source,
      format,
      compression,
      concurrency: '4',
      ...where,
    });
    expect(exported.exitCode, exported.log).toBe(0);
    expect(exported.outputs['item-count']).toBe(String(ITEMS.length));

    const target = `${source}-${format}-${compression}-${storage}`.toLowerCase();
    const imported = await runLocal({
      mode: 'import',
      'table-name': target,
      'partition-key': 'id:S',
      'sort-key': 'sort:N',
      ...where,
    });
    expect(imported.exitCode, imported.log).toBe(0);
    expect(imported.outputs).toMatchObject({
      'processed-item-count': '60',
      'imported-item-count': '60',
      'error-count': '0',
      status: 'COMPLETED',
    });
    expect(imported.log).toContain('The source is an export');

    const [before, after] = await Promise.all([scanAll(source), scanAll(target)]);
    expect(after).toHaveLength(ITEMS.length);
    expect(normalized(after)).toEqual(normalized(before));
  });
});

describe('an export fed to an import through data-url', () => {
  it('imports the data files directly', async () => {
    const exported = await runLocal({ mode: 'export', 'table-name': source, bucket, prefix: 'via-data-url' });
    const dataPrefix = (exported.outputs['data-url'] ?? '').replace(`s3://${bucket}/`, '');
    const target = `${source}-data-url`;
    const imported = await runLocal({
      mode: 'import',
      'table-name': target,
      bucket,
      prefix: dataPrefix,
      'partition-key': 'id:S',
      'sort-key': 'sort:N',
    });
    expect(imported.exitCode, imported.log).toBe(0);
    expect(normalized(await scanAll(target))).toEqual(normalized(await scanAll(source)));
  });
});
