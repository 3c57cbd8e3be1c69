// mode: verify through the built action, against DynamoDB Local and the local
// S3: a table against its own export in every format and compression, a table
// changed behind its export's back, and a CSV source against the table
// imported from it.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchWriteItemCommand, GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateItems } from '../generate-items.js';
import { useLocalCredentials } from '../local-aws.js';
import { type Item, dynamodb, newBucket, newTable, putItems, runLocal } from '../direct/helpers.js';

const ITEMS = [...generateItems(60)];
let table: string;
let bucket: string;

beforeAll(async () => {
  useLocalCredentials();
  table = await newTable({ sorted: true });
  await putItems(table, ITEMS);
  bucket = await newBucket();
});

interface DifferenceLine {
  kind: string;
  key: Item;
  source: Item | null;
  table: Item | null;
  attributes: string[];
}

function differencesIn(path: string): DifferenceLine[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as DifferenceLine);
}

describe.each([
  ['DYNAMODB_JSON', 'GZIP'],
  ['DYNAMODB_JSON', 'ZSTD'],
  ['ION', 'GZIP'],
  ['ION', 'ZSTD'],
] as const)('a table verified against its own %s %s export', (format, compression) => {
  it('matches it: every item, 0 differences, no differences file', async () => {
    const prefix = `verify/${format}-${compression}/`;
    const exported = await runLocal({ mode: 'export', 'table-name': table, bucket, prefix, format, compression });
    expect(exported.exitCode, exported.log).toBe(0);

    const verified = await runLocal({ mode: 'verify', 'table-name': table, bucket, prefix, concurrency: '4' });
    expect(verified.exitCode, verified.log).toBe(0);
    expect(verified.outputs).toMatchObject({
      status: 'COMPLETED',
      'matched-count': '60',
      'missing-count': '0',
      'extra-count': '0',
      'different-count': '0',
      'item-count': '60',
      'processed-item-count': '60',
      'error-count': '0',
      engine: 'direct',
    });
    expect(verified.outputs.differences).toBeUndefined();
    expect(verified.log).toContain('The table matches the export: 60 item(s), 0 differences.');
    expect(verified.summary).toContain('## ✅ Verification of');
    expect(verified.summary).toContain('### ✅ Verification: the table matches the export');
    expect(verified.summary).toContain('The table matches the export: 60 item(s), 0 differences.');
  });
});

describe('a table changed after its export', () => {
  it('shows exactly what was deleted, added and changed, with the keys and attribute names', async () => {
    const name = await newTable({ sorted: true });
    const items: Item[] = Array.from({ length: 40 }, (_, i) => ({
      id: { S: `item-${String(i).padStart(2, '0')}` },
      sort: { N: String(i) },
      price: { N: '1.5' },
      name: { S: `name ${i}` },
      tags: { SS: ['a', 'b'] },
    }));
    await putItems(name, items);
    const folder = mkdtempSync(join(tmpdir(), 'verify-changed-'));
    const exported = await runLocal({ mode: 'export', 'table-name': name, path: folder });
    expect(exported.exitCode, exported.log).toBe(0);

    // The script: 3 deleted, 2 added, one attribute of 4 changed (item-13's price written 1.50: the same number).
    const client = dynamodb();
    const key = (i: number) => ({ id: { S: `item-${String(i).padStart(2, '0')}` }, sort: { N: String(i) } });
    await client.send(
      new BatchWriteItemCommand({
        RequestItems: {
          [name]: [
            ...[1, 2, 3].map((i) => ({ DeleteRequest: { Key: key(i) } })),
            { PutRequest: { Item: { id: { S: 'extra-1' }, sort: { N: '1' } } } },
            { PutRequest: { Item: { id: { S: 'extra-2' }, sort: { N: '2' }, price: { N: '3' } } } },
          ],
        },
      }),
    );
    // `name` is a reserved word: every attribute goes through a placeholder.
    const set = (i: number, attribute: string, value: Item[string]) =>
      client.send(
        new UpdateItemCommand({
          TableName: name,
          Key: key(i),
          UpdateExpression: 'SET #a = :v',
          ExpressionAttributeNames: { '#a': attribute },
          ExpressionAttributeValues: { ':v': value },
        }),
      );
    await set(10, 'name', { S: 'renamed' });
    await set(11, 'tags', { SS: ['a', 'c'] });
    await set(12, 'flag', { BOOL: true });
    await set(13, 'price', { N: '1.50' });
    // DynamoDB Local keeps the text `1.50`, so it is the comparison by value that finds item-13 equal.
    const { Item: stored } = await client.send(new GetItemCommand({ TableName: name, Key: key(13) }));
    expect(stored?.price).toEqual({ N: '1.50' });

    const differences = join(mkdtempSync(join(tmpdir(), 'verify-out-')), 'differences.jsonl');
    const verified = await runLocal({
      mode: 'verify',
      'table-name': name,
      path: folder,
      'rejected-items': differences,
      'max-errors': '100',
    });
    expect(verified.exitCode, verified.log).toBe(0);
    expect(verified.outputs).toMatchObject({
      'matched-count': '34',
      'missing-count': '3',
      'extra-count': '2',
      'different-count': '3',
      differences,
    });
    const lines = differencesIn(differences);
    const keys = (kind: string) =>
      lines
        .filter((l) => l.kind === kind)
        .map((l) => l.key.id?.S)
        .sort();
    expect(keys('missing')).toEqual(['item-01', 'item-02', 'item-03']);
    expect(keys('extra')).toEqual(['extra-1', 'extra-2']);
    expect(keys('different')).toEqual(['item-10', 'item-11', 'item-12']);
    const byId = Object.fromEntries(lines.map((l) => [l.key.id?.S, l]));
    expect(byId['item-10']?.attributes).toEqual(['name']);
    expect(byId['item-11']?.attributes).toEqual(['tags']);
    expect(byId['item-12']?.attributes).toEqual(['flag']);
    expect(byId['item-12']).toMatchObject({
      key: { id: { S: 'item-12' }, sort: { N: '12' } },
      source: { name: { S: 'name 12' } },
      table: { flag: { BOOL: true } },
    });
    expect(byId['item-01']).toMatchObject({ source: { id: { S: 'item-01' } }, table: null, attributes: [] });
    expect(byId['extra-2']).toMatchObject({ source: null, table: { price: { N: '3' } }, attributes: [] });
    expect(verified.summary).toContain('The table does not match the export: 3 missing, 2 extra, 3 different');
    expect(verified.summary).toMatch(/different \| <code>.*item-11.*<\/code> \| <code>tags<\/code>/);

    // With max-errors 0 the same comparison fails the step, with its own code.
    const strict = await runLocal({ mode: 'verify', 'table-name': name, path: folder });
    expect(strict.exitCode).toBe(1);
    expect(strict.outputs.status).toBe('FAILED');
    expect(strict.log).toContain(
      'DIFFERENCES_FOUND: The table does not match the export: 8 difference(s) (3 missing, 2 extra, 3 different), more than max-errors (0)',
    );
  });
});

describe('a CSV source against the table imported from it', () => {
  it('matches: keys typed by the table, numbers by value, empty columns left out', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'verify-csv-'));
    const rows = ['id,n,title,note'];
    for (let i = 0; i < 50; i++) rows.push(`b${i},${i}.0,"Title, part ${i}",${i % 5 === 0 ? '' : `"say ""hi"" ${i}"`}`);
    writeFileSync(join(folder, 'books.csv'), `${rows.join('\n')}\n`);
    const target = `${await newTable()}-csv`;
    const imported = await runLocal({
      mode: 'import',
      format: 'CSV',
      path: folder,
      'table-name': target,
      'partition-key': 'id:S',
      'sort-key': 'n:N',
    });
    expect(imported.exitCode, imported.log).toBe(0);

    const verified = await runLocal({ mode: 'verify', format: 'CSV', path: folder, 'table-name': target });
    expect(verified.exitCode, verified.log).toBe(0);
    expect(verified.outputs).toMatchObject({
      'matched-count': '50',
      'missing-count': '0',
      'extra-count': '0',
      'different-count': '0',
    });
    expect(verified.log).toContain('The table matches the source: 50 item(s), 0 differences.');
  });
});
