// Throttling and UnprocessedItems, which DynamoDB Local never produces, come
// from a proxy in front of it: nothing is lost and the counts add up.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDynamoDbClient } from '../../src/aws/clients.js';
import { Breaker, MAX_ATTEMPTS } from '../../src/aws/retry.js';
import type { RejectedItem } from '../../src/direct/rejects.js';
import { BatchWriter } from '../../src/direct/writer.js';
import { localSettings, useLocalCredentials } from '../local-aws.js';
import { type ThrottlingProxy, startThrottlingProxy } from '../throttling-proxy.js';
import { newTable, putItems, runLocal, scanAll } from './helpers.js';

let proxy: ThrottlingProxy | undefined;

beforeAll(() => useLocalCredentials());
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

describe('through a throttling proxy', () => {
  it('the built action imports every item, and the counts add up', async () => {
    proxy = await startThrottlingProxy(inject('dynamodbEndpoint'), { throttleEvery: 3, splitEvery: 2 });
    const fixture = join(mkdtempSync(join(tmpdir(), 'fixture-')), 'items.json');
    const count = 1000;
    writeFileSync(
      fixture,
      Array.from({ length: count }, (_, i) => `{"Item":{"id":{"S":"item-${i}"},"n":{"N":"${i}"}}}`).join('\n'),
    );
    const table = `throttled-${process.pid}`;
    const run = await runLocal({
      mode: 'import',
      path: fixture,
      'table-name': table,
      'partition-key': 'id:S',
      concurrency: '8',
      'endpoint-url': proxy.endpoint,
    });
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs).toMatchObject({
      'processed-item-count': String(count),
      'imported-item-count': String(count),
      'error-count': '0',
    });
    expect(proxy.counts.throttled).toBeGreaterThan(5);
    expect(proxy.counts.split).toBeGreaterThan(5);
    const items = await scanAll(table);
    expect(items).toHaveLength(count);
    expect(new Set(items.map((i) => i.n?.N))).toEqual(new Set(Array.from({ length: count }, (_, i) => String(i))));
  });

  it('the built action exports every item when Scans are throttled or cut off half-way', async () => {
    proxy = await startThrottlingProxy(inject('dynamodbEndpoint'), {
      throttleEvery: 0,
      splitEvery: 0,
      throttleReadsEvery: 3,
      cutReadsEvery: 4,
    });
    const table = await newTable();
    const count = 3000;
    await putItems(
      table,
      Array.from({ length: count }, (_, i) => ({ id: { S: `item-${i}` }, text: { S: 'x'.repeat(1000) } })),
    );
    const path = mkdtempSync(join(tmpdir(), 'export-'));
    const run = await runLocal({
      mode: 'export',
      'table-name': table,
      path,
      concurrency: '2',
      'endpoint-url': proxy.endpoint,
    });
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs['item-count']).toBe(String(count));
    expect(proxy.counts.readsThrottled).toBeGreaterThan(0);
    expect(proxy.counts.readsCut).toBeGreaterThan(0);

    const target = `${table}-back`;
    const back = await runLocal({ mode: 'import', path, 'table-name': target, 'partition-key': 'id:S' });
    expect(back.exitCode, back.log).toBe(0);
    const ids = (await scanAll(target)).map((i) => i.id?.S);
    expect(new Set(ids)).toEqual(new Set(Array.from({ length: count }, (_, i) => `item-${i}`)));
    expect(ids).toHaveLength(count);
  });

  it('rejects an item still unprocessed after every retry instead of dropping it, and finds an invalid item alone', async () => {
    proxy = await startThrottlingProxy(inject('dynamodbEndpoint'), {
      throttleEvery: 0,
      splitEvery: 0,
      stubborn: new Set(['stubborn']),
    });
    const table = await newTable();
    const rejections: RejectedItem[] = [];
    let sleeps = 0;
    const writer = new BatchWriter({
      dynamodb: createDynamoDbClient({ ...localSettings(), endpointUrl: proxy.endpoint }),
      table,
      keyNames: ['id'],
      concurrency: 4,
      deps: { sleep: async () => void sleeps++, breaker: new Breaker() },
      onRejected: (r) => rejections.push(r),
    });
    const origin = (line: number) => ({ object: 'test', line, itemIndex: line - 1 });
    for (let i = 0; i < 30; i++) await writer.put({ id: { S: `ok-${i}` } }, origin(i + 1));
    await writer.put({ id: { S: 'stubborn' } }, origin(31));
    await writer.put({ id: { S: 'too-big' }, blob: { B: new Uint8Array(420 * 1024) } }, origin(32));
    await writer.flush();

    expect(writer.stats).toEqual({ written: 30, deleted: 0, rejected: 2, abandoned: 0, duplicateKeys: 0 });
    expect(rejections.map((r) => [r.item?.id?.S, r.code, r.line])).toEqual(
      expect.arrayContaining([
        ['stubborn', 'RETRIES_EXHAUSTED', 31],
        ['too-big', 'ValidationException', 32],
      ]),
    );
    expect(rejections.find((r) => r.item?.id?.S === 'stubborn')?.message).toBe(
      `still returned as UnprocessedItems after ${MAX_ATTEMPTS} attempts`,
    );
    expect(sleeps).toBe(MAX_ATTEMPTS - 1);
    expect((await scanAll(table)).length).toBe(30);
  });
});
