// existing-table: fail leaves the table untouched, merge overwrites items
// with the same key, replace empties the table first.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalCredentials } from '../local-aws.js';
import { newTable, putItems, runLocal, scanAll } from './helpers.js';

let fixture: string;

beforeAll(() => {
  useLocalCredentials();
  fixture = join(mkdtempSync(join(tmpdir(), 'fixture-')), 'items.json');
  writeFileSync(
    fixture,
    ['{"Item":{"id":{"S":"a"},"v":{"S":"new"}}}', '{"Item":{"id":{"S":"c"},"v":{"S":"new"}}}'].join('\n'),
  );
});

async function tableWithAB(): Promise<string> {
  const table = await newTable();
  await putItems(table, [
    { id: { S: 'a' }, v: { S: 'old' } },
    { id: { S: 'b' }, v: { S: 'old' } },
  ]);
  return table;
}

const values = async (table: string) => (await scanAll(table)).map((i) => `${i.id?.S}=${i.v?.S}`);

describe('existing-table', () => {
  it('fail: stops with a clear error naming the table and writes nothing', async () => {
    const table = await tableWithAB();
    const run = await runLocal({
      mode: 'import',
      path: fixture,
      'table-name': table,
      'partition-key': 'id:S',
      engine: 'direct',
    });
    expect(run.exitCode).toBe(1);
    expect(run.log).toContain(
      `::error::TABLE_EXISTS: Table ${table} already exists and existing-table is fail, so nothing was written.`,
    );
    expect(await values(table)).toEqual(['a=old', 'b=old']);
  });

  it('merge: overwrites items with the same key and keeps the others', async () => {
    const table = await tableWithAB();
    const run = await runLocal({ mode: 'import', path: fixture, 'table-name': table, 'existing-table': 'merge' });
    expect(run.exitCode, run.log).toBe(0);
    expect(await values(table)).toEqual(['a=new', 'b=old', 'c=new']);
  });

  it('replace: empties the table first and keeps its key schema', async () => {
    const table = await tableWithAB();
    const run = await runLocal({ mode: 'import', path: fixture, 'table-name': table, 'existing-table': 'replace' });
    expect(run.exitCode, run.log).toBe(0);
    expect(run.log).toContain(`Deleted 2 item(s) from ${table}`);
    expect(await values(table)).toEqual(['a=new', 'c=new']);
  });

  it('last one wins for a key repeated in the source', async () => {
    const table = await newTable();
    const repeated = join(mkdtempSync(join(tmpdir(), 'fixture-')), 'repeated.json');
    const lines = Array.from({ length: 200 }, (_, i) => `{"Item":{"id":{"S":"k${i % 7}"},"v":{"S":"${i}"}}}`);
    writeFileSync(repeated, lines.join('\n'));
    const run = await runLocal({
      mode: 'import',
      path: repeated,
      'table-name': table,
      'existing-table': 'merge',
      concurrency: '8',
    });
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs).toMatchObject({ 'processed-item-count': '200', 'imported-item-count': '200' });
    // The last line for k0 is i = 196, for k6 i = 195.
    expect(await values(table)).toEqual(['k0=196', 'k1=197', 'k2=198', 'k3=199', 'k4=193', 'k5=194', 'k6=195']);
  });
});
