// max-capacity through the built action against DynamoDB Local, which reports
// ConsumedCapacity but never throttles: the time a run takes is the time its
// budget implies (within 15%), and the units reported are the units DynamoDB
// returned (summed by a proxy in between).

import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueName, useLocalCredentials } from '../local-aws.js';
import { type ThrottlingProxy, startThrottlingProxy } from '../throttling-proxy.js';
import { type Item, dynamodb, newTable, putItems, runLocal, scanAll } from './helpers.js';

let proxy: ThrottlingProxy | undefined;
beforeAll(async () => {
  useLocalCredentials();
  // DynamoDB Local's JVM is slow until warmed up: time nothing before it is.
  const table = await newTable();
  await putItems(table, items(500, 0));
  await scanAll(table);
});
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

/** `small` items of about 1 KB (1 write unit) and `large` of about 3 KB (3 write units), interleaved. */
function items(small: number, large: number): Item[] {
  const every = large === 0 ? Number.POSITIVE_INFINITY : Math.floor((small + large) / large);
  let bigs = 0;
  return Array.from({ length: small + large }, (_, i) => {
    const big = bigs < large && i % every === 0;
    if (big) bigs += 1;
    return { id: { S: `item-${String(i).padStart(5, '0')}` }, pad: { S: 'x'.repeat(big ? 2900 : 900) } };
  });
}

/** A proxy that throttles nothing and adds up the units DynamoDB Local reports. */
const countingProxy = () => startThrottlingProxy(inject('dynamodbEndpoint'), { throttleEvery: 0, splitEvery: 0 });

const writeUnitsOf = (list: Item[]) => list.reduce((sum, i) => sum + ((i.pad?.S?.length ?? 0) > 1000 ? 3 : 1), 0);

function fixture(list: Item[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'capacity-')), 'items.json');
  writeFileSync(file, list.map((Item) => JSON.stringify({ Item })).join('\n'));
  return file;
}

/** Within 15% of the time the budget implies. */
function expectBudgetTime(seconds: number, units: number, budget: number): void {
  const implied = units / budget;
  expect(seconds).toBeGreaterThan(implied * 0.85);
  expect(seconds).toBeLessThan(implied * 1.15);
}

describe('max-capacity', () => {
  it('an import of 1 KB and 3 KB items under max-capacity: 50 takes the time the budget implies and reports the units DynamoDB returned', async () => {
    proxy = await countingProxy();
    const list = items(250, 84);
    const units = writeUnitsOf(list);
    const table = uniqueName('budget-import');
    const run = await runLocal({
      mode: 'import',
      path: fixture(list),
      'table-name': table,
      'partition-key': 'id:S',
      'max-capacity': '50',
      'endpoint-url': proxy.endpoint,
    });
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs['imported-item-count']).toBe(String(list.length));
    expect(proxy.counts.writeUnits).toBe(units);
    expect(run.outputs['consumed-write-capacity']).toBe(String(units));
    expect(run.outputs['consumed-read-capacity']).toBe('0');
    console.log(`import under max-capacity 50: ${units} units in ${run.outputs['duration-seconds']} s`);
    expectBudgetTime(Number(run.outputs['duration-seconds']), units, 50);
    expect(run.log).toContain('Capacity budget: 50 write unit(s) per second (max-capacity: 50).');
    expect(run.log).toMatch(
      /Estimated capacity: about [\d,]+ write unit\(s\).*at max-capacity 50 a second, about \d+ s/,
    );
    expect(run.summary).toContain('**Write units consumed** | 502');
    expect(run.summary).toContain('xychart-beta');
    expect(run.summary).toContain('line [50, 50');
  });

  it('an export of 1 KB and 3 KB items under max-capacity: 50 takes the time the budget implies and reports the units DynamoDB returned', async () => {
    const table = await newTable();
    await putItems(table, items(1000, 333));
    proxy = await countingProxy();
    const folder = mkdtempSync(join(tmpdir(), 'capacity-export-'));
    const run = await runLocal({
      mode: 'export',
      path: folder,
      'table-name': table,
      'max-capacity': '50',
      'endpoint-url': proxy.endpoint,
    });
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs['item-count']).toBe('1333');
    const units = Number(run.outputs['consumed-read-capacity']);
    expect(units).toBe(proxy.counts.readUnits);
    // Consistent reads of about 2 MB: 4 KB a unit, rounded up per page.
    expect(units).toBeGreaterThan(480);
    expect(units).toBeLessThan(560);
    console.log(`export under max-capacity 50: ${units} units in ${run.outputs['duration-seconds']} s`);
    expectBudgetTime(Number(run.outputs['duration-seconds']), units, 50);
    expect(run.summary).toContain('**Read units consumed**');
  });

  it('25% of a table provisioned at 200 write units behaves as 50', async () => {
    const table = uniqueName('provisioned');
    await dynamodb().send(
      new CreateTableCommand({
        TableName: table,
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        ProvisionedThroughput: { ReadCapacityUnits: 200, WriteCapacityUnits: 200 },
      }),
    );
    const list = items(250, 0);
    const run = await runLocal({
      mode: 'import',
      path: fixture(list),
      'table-name': table,
      'existing-table': 'merge',
      'max-capacity': '25%',
    });
    expect(run.exitCode, run.log).toBe(0);
    expect(run.log).toContain('Capacity budget: 50 write unit(s) per second (max-capacity: 25%).');
    expect(run.outputs['consumed-write-capacity']).toBe('250');
    expectBudgetTime(Number(run.outputs['duration-seconds']), 250, 50);
  });

  it('25% of an on-demand table is refused before any work, asking for a number', async () => {
    const table = await newTable();
    await putItems(table, items(10, 0));
    const folder = mkdtempSync(join(tmpdir(), 'capacity-refused-'));
    const exported = await runLocal({ mode: 'export', path: folder, 'table-name': table, 'max-capacity': '25%' });
    expect(exported.exitCode).toBe(1);
    // The log escapes % as %25 in the error command.
    expect(exported.log).toMatch(/INVALID_INPUT: Input "max-capacity" is "25%(25)?", but .* is on-demand/);
    expect(exported.log).toContain('give a number of read units per second');
    expect(readdirSync(folder)).toEqual([]);

    const target = await newTable();
    const imported = await runLocal({
      mode: 'import',
      path: fixture(items(10, 0)),
      'table-name': target,
      'existing-table': 'replace',
      'max-capacity': '25%',
    });
    expect(imported.exitCode).toBe(1);
    expect(imported.log).toContain('give a number of write units per second');
    expect(await scanAll(target)).toEqual([]);
  });
});

describe('max-capacity on the Scans and writes that are not an import or export', () => {
  it('mode: verify reads the table within the budget and reports the read units DynamoDB returned', async () => {
    const table = await newTable();
    await putItems(table, items(1000, 0));
    const folder = mkdtempSync(join(tmpdir(), 'capacity-verify-'));
    const exported = await runLocal({ mode: 'export', path: folder, 'table-name': table });
    expect(exported.exitCode, exported.log).toBe(0);
    proxy = await countingProxy();
    const run = await runLocal({
      mode: 'verify',
      path: folder,
      'table-name': table,
      'max-capacity': '25',
      'endpoint-url': proxy.endpoint,
    });
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs['matched-count']).toBe('1000');
    const units = Number(run.outputs['consumed-read-capacity']);
    expect(units).toBe(proxy.counts.readUnits);
    // Consistent reads of about 1 MB: 4 KB a unit, rounded up per page.
    expect(units).toBeGreaterThan(230);
    expect(units).toBeLessThan(290);
    expect(run.outputs['consumed-write-capacity']).toBe('0');
    expect(run.log).toContain('Capacity budget: 25 read unit(s) per second (max-capacity: 25).');
    console.log(`verify under max-capacity 25: ${units} units in ${run.outputs['duration-seconds']} s`);
    expectBudgetTime(Number(run.outputs['duration-seconds']), units, 25);
    expect(run.summary).toContain('**Read units consumed**');
  });

  it("verify: true after an export: the comparison's Scan is metered too, and its units added to the export's", async () => {
    const table = await newTable();
    await putItems(table, items(400, 0));
    proxy = await countingProxy();
    const folder = mkdtempSync(join(tmpdir(), 'capacity-verify-after-'));
    const run = await runLocal({
      mode: 'export',
      path: folder,
      'table-name': table,
      'max-capacity': '50',
      verify: 'true',
      'endpoint-url': proxy.endpoint,
    });
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs['matched-count']).toBe('400');
    const units = Number(run.outputs['consumed-read-capacity']);
    // Two consistent reads of about 400 KB each: the export's and the comparison's.
    expect(units).toBe(proxy.counts.readUnits);
    expect(units).toBeGreaterThan(180);
    expect(run.log.match(/Capacity budget: 50 read unit\(s\) per second/g)).toHaveLength(2);
  });

  it("existing-table: replace: the Scan and the deletes are metered with the import's puts, within one budget", async () => {
    const table = await newTable();
    await putItems(
      table,
      items(200, 0).map((item) => ({ ...item, id: { S: `old-${item.id?.S}` } })),
    );
    proxy = await countingProxy();
    const list = items(200, 0);
    const run = await runLocal({
      mode: 'import',
      path: fixture(list),
      'table-name': table,
      'existing-table': 'replace',
      'max-capacity': '50',
      'endpoint-url': proxy.endpoint,
    });
    expect(run.exitCode, run.log).toBe(0);
    expect((await scanAll(table)).map((item) => item.id?.S)).toEqual(list.map((item) => item.id?.S));
    const reads = Number(run.outputs['consumed-read-capacity']);
    const writes = Number(run.outputs['consumed-write-capacity']);
    expect(reads).toBe(proxy.counts.readUnits);
    expect(writes).toBe(proxy.counts.writeUnits);
    expect(reads).toBeGreaterThan(0);
    // 200 deletes of 1 KB items and 200 puts of 1 KB items.
    expect(writes).toBe(400);
    expectBudgetTime(Number(run.outputs['duration-seconds']), reads + writes, 50);
  });
});

describe('throttling', () => {
  it('a growing share of throttled writes slows the action down instead of retrying at full rate; nothing is lost and the throttled requests are counted', async () => {
    // From none to half of the calls throttled over the first 20 calls.
    proxy = await startThrottlingProxy(inject('dynamodbEndpoint'), {
      throttleEvery: 0,
      splitEvery: 0,
      throttleShare: (count) => Math.min(0.5, count / 40),
    });
    const list = items(800, 0).map((item) => ({ id: item.id as { S: string }, n: { N: '1' } }));
    const table = uniqueName('aimd');
    const run = await runLocal({
      mode: 'import',
      path: fixture(list),
      'table-name': table,
      'partition-key': 'id:S',
      concurrency: '16',
      'endpoint-url': proxy.endpoint,
    });
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs['imported-item-count']).toBe('800');
    expect(await scanAll(table)).toHaveLength(800);
    expect(proxy.counts.throttled).toBeGreaterThan(10);
    expect(run.summary).toContain(`**Throttled requests** | ${proxy.counts.throttled.toLocaleString('en-US')}`);
    // Once most calls are throttled, far fewer than the 16 workers have a request at the endpoint at once.
    // The median, not the most: a request of the first burst still being retried by the SDK can lift a
    // sample or two on a loaded runner (CI once saw 11). The backoff of retries alone keeps this low too
    // (it passes with AIMD's halving switched off): AIMD itself is tested in test/aws/rate.test.ts.
    const late = proxy.writesInFlight
      .slice(Math.floor(proxy.writesInFlight.length / 2))
      .map((s) => s.inFlight)
      .sort((a, b) => a - b);
    expect(late[Math.floor(late.length / 2)]).toBeLessThanOrEqual(4);
    expect(Math.max(...late)).toBeLessThan(16);
  });
});
