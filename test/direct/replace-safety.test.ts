// existing-table: replace empties a table only for a source it can read: a
// wrong compression or a CSV without the key leaves every item as it was. A
// cancel while the table is being emptied stops at once and says exactly how
// many items were deleted.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { useLocalCredentials } from '../local-aws.js';
import { type ThrottlingProxy, startThrottlingProxy } from '../throttling-proxy.js';
import { clientFor, errorLines, loadItems, tableIds } from './fault-helpers.js';
import { newTable, putItems, runLocal, scanAll } from './helpers.js';

let proxy: ThrottlingProxy | undefined;

beforeAll(() => useLocalCredentials());
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

function fixture(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'replace-')), name);
  writeFileSync(path, content);
  return path;
}

async function tableWithThree(): Promise<string> {
  const table = await newTable();
  await putItems(
    table,
    ['a', 'b', 'c'].map((id) => ({ id: { S: id }, v: { S: 'keep me' } })),
  );
  return table;
}

const contents = async (table: string) => (await scanAll(table)).map((i) => `${i.id?.S}=${i.v?.S}`);

describe('existing-table: replace with a source it cannot read', () => {
  it('a gzip file read as ZSTD: refused, and the table keeps every item', async () => {
    const table = await tableWithThree();
    const lines = ['x', 'y'].map((id) => `{"Item":{"id":{"S":"${id}"},"v":{"S":"new"}}}`).join('\n');
    const run = await runLocal({
      mode: 'import',
      path: fixture('items.json.gz', gzipSync(lines)),
      compression: 'ZSTD',
      'table-name': table,
      'existing-table': 'replace',
    });
    expect(run.exitCode).toBe(1);
    expect(errorLines(run.log)).toEqual([expect.stringMatching(/^::error::SOURCE_SAMPLE_INVALID: /)]);
    expect(run.log).toContain(`Table ${table} was not created, emptied or written.`);
    expect(run.log).not.toContain('Emptying table');
    expect(await contents(table)).toEqual(['a=keep me', 'b=keep me', 'c=keep me']);
  });

  it('a CSV without the key column: refused, and the table keeps every item', async () => {
    const table = await tableWithThree();
    const run = await runLocal({
      mode: 'import',
      path: fixture('items.csv', 'name,v\nx,new\ny,new\n'),
      format: 'CSV',
      'table-name': table,
      'existing-table': 'replace',
    });
    expect(run.exitCode).toBe(1);
    expect(errorLines(run.log)).toEqual([expect.stringMatching(/^::error::SOURCE_SAMPLE_INVALID: /)]);
    expect(run.log).not.toContain('Emptying table');
    expect(await contents(table)).toEqual(['a=keep me', 'b=keep me', 'c=keep me']);
  });
});

describe('a cancel while the table is being emptied', () => {
  it('stops within 5 seconds, as CANCELLED, with the exact number of items deleted', { timeout: 90_000 }, async () => {
    const count = 10_000;
    const table = await newTable();
    await loadItems(clientFor(inject('dynamodbEndpoint')), table, count);
    // 100 ms a call: 4 segments delete about 1,000 items a second.
    proxy = await startThrottlingProxy(inject('dynamodbEndpoint'), { throttleEvery: 0, splitEvery: 0, delayMs: 100 });
    const run = await runLocal(
      {
        mode: 'import',
        path: fixture('items.json', '{"Item":{"id":{"S":"new"}}}\n'),
        'table-name': table,
        'existing-table': 'replace',
        concurrency: '4',
        'endpoint-url': proxy.endpoint,
      },
      { timeoutMs: 60_000, signal: { name: 'SIGTERM', when: (log) => log.includes('Emptying table') } },
    );
    expect(run.exitAfterSignalMs, run.log).toBeLessThan(5000);
    expect(run.exitCode).toBe(1);
    const [error] = errorLines(run.log);
    expect(error).toMatch(
      new RegExp(
        `^::error::CANCELLED: The step was cancelled; Table ${table} was being emptied \\(existing-table: replace\\): [\\d,]+ item\\(s\\) were deleted and nothing was imported`,
      ),
    );
    expect(errorLines(run.log)).toHaveLength(1);
    const deleted = Number(/: ([\d,]+) item\(s\) were deleted/.exec(error ?? '')?.[1]?.replace(/,/g, ''));
    expect(await tableIds(clientFor(inject('dynamodbEndpoint')), table)).toHaveLength(count - deleted);
    expect(run.outputs).toMatchObject({ status: 'CANCELLED', 'imported-item-count': '0' });
  });
});
