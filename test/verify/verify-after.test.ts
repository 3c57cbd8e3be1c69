// `verify: true` on an export and on an import, a cancelled verify that
// leaves no partition files behind, and key inputs that are not the table's.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateItems } from '../generate-items.js';
import { useLocalCredentials } from '../local-aws.js';
import { type Item, newBucket, newTable, putItems, runLocal } from '../direct/helpers.js';

let table: string;
let bucket: string;
const ITEMS = [...generateItems(50)];

beforeAll(async () => {
  useLocalCredentials();
  table = await newTable({ sorted: true });
  await putItems(table, ITEMS);
  bucket = await newBucket();
});

describe('verify: true on an export', () => {
  it('compares the table with the export just written, and shows both', async () => {
    const run = await runLocal({ mode: 'export', 'table-name': table, bucket, prefix: 'after/', verify: 'true' });
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs).toMatchObject({
      status: 'COMPLETED',
      'item-count': '50',
      'matched-count': '50',
      'missing-count': '0',
      'extra-count': '0',
      'different-count': '0',
    });
    expect(run.outputs['data-url']).toMatch(/^s3:\/\/.*\/data\/$/);
    expect(run.summary).toContain('## ✅ Export of');
    expect(run.summary).toContain('### ✅ Verification: the table matches the export');
    expect(run.summary).toContain('### Import it back');
  });

  it('reads the table through the export’s own filter, so a filtered export matches', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'verify-filtered-'));
    const run = await runLocal({
      mode: 'export',
      'table-name': table,
      path: folder,
      'filter-expression': 'sort < :s',
      'expression-attribute-values': '{":s": {"N": "10"}}',
      verify: 'true',
    });
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs).toMatchObject({ 'item-count': '10', 'matched-count': '10', 'extra-count': '0' });
  });
});

describe('verify: true on an import', () => {
  it('compares the table with the source; the last record of a repeated key counts, rejected records are not compared', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'verify-import-'));
    const line = (item: Record<string, unknown>) => JSON.stringify({ Item: item });
    writeFileSync(
      join(folder, 'items.json'),
      [
        line({ id: { S: 'a' }, n: { N: '1' } }),
        line({ id: { S: 'b' }, n: { N: '2' } }),
        line({ id: { S: 'a' }, n: { N: '3.0' } }),
        line({ other: { S: 'no key' } }),
        '',
      ].join('\n'),
    );
    // The table already holds an item the source does not: merge keeps it, and verify finds it.
    const target = await newTable();
    await putItems(target, [{ id: { S: 'old' } } as Item]);
    const out = mkdtempSync(join(tmpdir(), 'verify-import-out-'));
    const rejects = join(out, 'rejected.jsonl');
    const run = await runLocal({
      mode: 'import',
      path: folder,
      'table-name': target,
      'existing-table': 'merge',
      'rejected-items': rejects,
      'max-errors': '2',
      verify: 'true',
    });
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs).toMatchObject({
      'processed-item-count': '4',
      'imported-item-count': '3',
      'error-count': '1',
      'matched-count': '2',
      'missing-count': '0',
      'extra-count': '1',
      'different-count': '0',
      'rejected-items': rejects,
      differences: join(out, 'rejected.differences.jsonl'),
    });
    const [difference] = readFileSync(join(out, 'rejected.differences.jsonl'), 'utf8').trim().split('\n');
    expect(JSON.parse(difference ?? '')).toEqual({
      kind: 'extra',
      key: { id: { S: 'old' } },
      source: null,
      table: { id: { S: 'old' } },
      attributes: [],
    });
    expect(run.summary).toContain('### ❌ Verification: the table does not match the source');
  });
});

describe('a cancelled verify', () => {
  it('stops, reports CANCELLED and leaves no partition files in RUNNER_TEMP', async () => {
    const big = await newTable({ sorted: true });
    await putItems(big, [...generateItems(3000, 7)]);
    const folder = mkdtempSync(join(tmpdir(), 'verify-cancel-'));
    const exported = await runLocal({ mode: 'export', 'table-name': big, path: folder, concurrency: '4' });
    expect(exported.exitCode, exported.log).toBe(0);

    const runnerTemp = mkdtempSync(join(tmpdir(), 'verify-runner-temp-'));
    mkdirSync(runnerTemp, { recursive: true });
    const run = await runLocal(
      // One segment: DynamoDB Local scans it slowly, so the cancel lands while both sides are read.
      { mode: 'verify', 'table-name': big, path: folder, concurrency: '1' },
      {
        env: { RUNNER_TEMP: runnerTemp },
        signal: { name: 'SIGTERM', when: (log) => log.includes('Reading both sides into') },
      },
    );
    expect(run.exitCode).not.toBe(0);
    expect(run.exitAfterSignalMs ?? Number.POSITIVE_INFINITY).toBeLessThan(5000);
    expect(run.outputs.status).toBe('CANCELLED');
    expect(run.log).toContain('CANCELLED: The step was cancelled');
    expect(run.log).toContain('The comparison was cancelled after 0 of');
    expect(readdirSync(runnerTemp).filter((name) => name.startsWith('dynamodb-s3-transfer-verify-'))).toEqual([]);
    expect(existsSync(runnerTemp)).toBe(true);
  });
});

describe('partition-key and sort-key that are not the table’s', () => {
  it('are refused before anything is read, naming both', async () => {
    const run = await runLocal({
      mode: 'verify',
      'table-name': table,
      bucket,
      prefix: 'after/',
      'partition-key': 'id:N',
      'sort-key': 'sort:N',
    });
    expect(run.exitCode).toBe(1);
    expect(run.log).toContain(
      `INVALID_INPUT: Input "partition-key" is "id:N", but table ${table}'s partition key is id:S (its key schema is id:S, sort:N)`,
    );
    expect(run.log).not.toContain('Comparing table');
    expect(run.outputs['matched-count']).toBeUndefined();
  });
});
