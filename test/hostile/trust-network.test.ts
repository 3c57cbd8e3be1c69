// A faulty network and large items, through the built action (issue 23):
// max-capacity holds for items from 100 bytes to 400 KB, measured by the
// units DynamoDB Local reports against the budget times the time elapsed; an
// S3 body that stalls or is cut is read again from the byte reached, with the
// same ETag; a cancel during a stalled read ends within 5 s; an endpoint that
// refuses or resets connections is ENDPOINT_UNAVAILABLE, named.

import { PutObjectCommand } from '@aws-sdk/client-s3';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { errorLines, itemId } from '../direct/fault-helpers.js';
import { newBucket, newTable, putItems, runLocal, s3, scanAll } from '../direct/helpers.js';
import { uniqueName, useLocalCredentials } from '../local-aws.js';
import { type GetFault, type S3FaultProxy, startS3FaultProxy } from '../s3-fault-proxy.js';
import { startThrottlingProxy } from '../throttling-proxy.js';

const cleanups: (() => Promise<void> | void)[] = [];
beforeAll(async () => {
  useLocalCredentials();
  // DynamoDB Local's JVM is slow until warmed up: time nothing before it is.
  const table = await newTable();
  await putItems(
    table,
    Array.from({ length: 200 }, (_, i) => ({ id: { S: itemId(i) }, pad: { S: 'x'.repeat(2000) } })),
  );
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** How long a cancelled step may take to stop (the README's figure). */
const STOP_MS = 5_000;

/** A DynamoDB JSON file of items with a `pad` of the given lengths, in that order. */
function source(pads: number[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'large-items-')), 'items.json');
  writeFileSync(
    file,
    pads.map((pad, i) => JSON.stringify({ Item: { id: { S: itemId(i) }, pad: { S: 'x'.repeat(pad) } } })).join('\n'),
  );
  return file;
}

describe('max-capacity charged before sending, whatever the item size', () => {
  /**
   * Imports the pads under `budget` into a table that exists (as in the
   * issue: no table creation between the budget's start and the first write),
   * through a proxy that notes when each BatchWriteItem arrived and the units
   * DynamoDB reported for it. From the moment the budget is announced, the
   * units sent by any moment stay within 10% of the budget times the time
   * elapsed (plus a quarter of a second for the log to reach the test).
   */
  async function expectHeld(pads: number[], budget: number): Promise<void> {
    const table = await newTable();
    const proxy = await startThrottlingProxy(inject('dynamodbEndpoint'), { throttleEvery: 0, splitEvery: 0 });
    cleanups.push(() => proxy.close());
    let start: number | undefined;
    const run = await runLocal(
      {
        mode: 'import',
        path: source(pads),
        'table-name': table,
        'existing-table': 'merge',
        'max-capacity': String(budget),
        'endpoint-url': proxy.endpoint,
      },
      {
        timeoutMs: 180_000,
        // Never sends a signal: notes when the budget was announced (the meter starts just before).
        signal: {
          name: 'SIGTERM',
          when: (log) => {
            if (start === undefined && log.includes('Capacity budget:')) start = Date.now();
            return false;
          },
        },
      },
    );
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs['imported-item-count']).toBe(String(pads.length));
    const t0 = start as number;
    let sent = 0;
    const timeline = [...proxy.writesMetered].sort((a, b) => a.at - b.at);
    const shown = timeline.map((w) => `${w.at - t0} ms: ${w.units}`).join(', ');
    for (const write of timeline) {
      sent += write.units;
      const allowed = 1.1 * budget * ((write.at - t0) / 1000 + 0.25);
      expect(sent, `${sent} units sent ${write.at - t0} ms after the budget began (${shown})`).toBeLessThanOrEqual(
        allowed,
      );
    }
    // Held, and not far slower than the budget allows either.
    const last = (timeline.at(-1)?.at ?? t0) - t0;
    expect(last / 1000, shown).toBeLessThan((sent / budget) * 1.5 + 5);
    expect(Number(run.outputs['consumed-write-capacity'])).toBe(proxy.counts.writeUnits);
  }

  it(
    '8 items of 395 KB under max-capacity: 200 go no faster than 200 units a second',
    { timeout: 240_000 },
    async () => {
      await expectHeld(Array<number>(8).fill(395 * 1024), 200);
    },
  );

  it(
    'items from 100 bytes to 400 KB, mixed, under max-capacity: 250 hold the budget',
    { timeout: 240_000 },
    async () => {
      // 300 of ~100 B (1 unit), 20 of 10 KB, 4 of 100 KB and 3 of ~400 KB, spread through the file.
      const pads = [
        ...Array<number>(300).fill(80),
        ...Array<number>(20).fill(10 * 1024),
        ...Array<number>(4).fill(100 * 1024),
        ...Array<number>(3).fill(399 * 1024),
      ];
      let seed = 11;
      const shuffled = pads
        .map((pad) => {
          seed = (seed * 16807) % 2147483647;
          return { pad, order: seed };
        })
        .sort((a, b) => a.order - b.order)
        .map((p) => p.pad);
      await expectHeld(shuffled, 250);
    },
  );
});

describe('an endpoint that refuses or resets connections', () => {
  /** A port nothing listens on any more. */
  async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    return port;
  }

  /** A server that accepts every connection and resets it at once. */
  async function resettingServer(): Promise<number> {
    const server: Server = createServer((socket) => socket.resetAndDestroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    return (server.address() as { port: number }).port;
  }

  for (const [what, port] of [
    ['refuses connections', closedPort],
    ['resets every connection', resettingServer],
  ] as const) {
    it(
      `a DynamoDB endpoint that ${what} is ENDPOINT_UNAVAILABLE, naming the endpoint`,
      { timeout: 120_000 },
      async () => {
        const endpoint = `http://127.0.0.1:${await port()}`;
        const run = await runLocal(
          {
            mode: 'import',
            path: source([10]),
            'table-name': 'unreachable',
            'partition-key': 'id:S',
            'endpoint-url': endpoint,
          },
          { timeoutMs: 90_000 },
        );
        expect(run.exitCode, run.log).toBe(1);
        expect(errorLines(run.log), run.log).toEqual([
          expect.stringMatching(new RegExp(`^::error::ENDPOINT_UNAVAILABLE: .*${endpoint.replace(/[.]/g, '\\.')}`)),
        ]);
      },
    );
  }
});

describe('S3 reads that stall or break', () => {
  const ITEMS = 5_000;
  let bucket: string;
  const key = 'network/items.json';
  beforeAll(async () => {
    bucket = await newBucket();
    const lines = Array.from({ length: ITEMS }, (_, i) => `{"Item":{"id":{"S":"${itemId(i)}"},"n":{"N":"${i}"}}}`);
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: `${lines.join('\n')}\n` }));
  });

  async function faultProxy(fault: (count: number) => GetFault | undefined): Promise<S3FaultProxy> {
    const proxy = await startS3FaultProxy(inject('s3Endpoint'), {
      fault: (k, count) => (k === key ? fault(count) : undefined),
    });
    cleanups.push(() => proxy.close());
    return proxy;
  }

  const importFrom = (proxy: S3FaultProxy, table: string) => ({
    mode: 'import',
    bucket,
    prefix: 'network/',
    'table-name': table,
    'partition-key': 'id:S',
    's3-endpoint-url': proxy.endpoint,
  });

  /** A short idle timeout, so that a stalled read is given up on in seconds, not a minute. */
  const shortIdle = { env: { DYNAMODB_S3_TRANSFER_READ_IDLE_MS: '2000' } };

  for (const fault of ['stall', 'reset'] as const) {
    it(
      `a body that ${fault === 'stall' ? 'stalls' : 'is reset'} after 64 KB is read on from the byte reached, with the same ETag, and every item imported`,
      { timeout: 120_000 },
      async () => {
        // The first GetObject is the pre-flight sample; the second is the import's own read.
        const proxy = await faultProxy((count) => (count === 2 ? fault : undefined));
        const table = uniqueName('s3-resumed');
        const run = await runLocal(importFrom(proxy, table), { ...shortIdle, timeoutMs: 90_000 });
        expect(run.exitCode, run.log).toBe(0);
        expect(run.outputs['imported-item-count'], run.log).toBe(String(ITEMS));
        expect(run.outputs['error-count']).toBe('0');
        expect(await scanAll(table)).toHaveLength(ITEMS);
        const [sample, broken, resumed] = proxy.gets;
        expect(sample?.fault).toBeUndefined();
        expect(broken).toMatchObject({ fault, range: undefined });
        // The same object, from the first byte not yet read: only an object with the same ETag answers.
        expect(resumed?.range, JSON.stringify(proxy.gets)).toMatch(/^bytes=\d+-$/);
        expect(Number(resumed?.range?.slice('bytes='.length, -1))).toBeGreaterThan(0);
        expect(resumed?.ifMatch).toMatch(/^"[0-9a-f]+"$/);
        expect(proxy.gets).toHaveLength(3);
      },
    );
  }

  it(
    'a body that stalls every time is read to its end, 64 KB an answer: only answers that gain nothing count',
    { timeout: 120_000 },
    async () => {
      const proxy = await faultProxy((count) => (count >= 2 ? 'stall' : undefined));
      const table = uniqueName('s3-crawl');
      const run = await runLocal(importFrom(proxy, table), { ...shortIdle, timeoutMs: 90_000 });
      expect(run.exitCode, run.log).toBe(0);
      expect(run.outputs['imported-item-count']).toBe(String(ITEMS));
      expect(await scanAll(table)).toHaveLength(ITEMS);
      const ranges = proxy.gets.slice(1).map((g) => Number(g.range?.slice('bytes='.length, -1) ?? 0));
      expect(ranges).toEqual(ranges.map((_, i) => i * 64 * 1024));
    },
  );

  it(
    'a body that gives nothing more after a stall fails the step with READ_FAILED naming the object and the byte, without hanging',
    { timeout: 120_000 },
    async () => {
      const proxy = await faultProxy((count) => (count === 2 ? 'stall' : count > 2 ? 'silent' : undefined));
      const run = await runLocal(importFrom(proxy, uniqueName('s3-stalled')), { ...shortIdle, timeoutMs: 90_000 });
      expect(run.exitCode, run.log).toBe(1);
      expect(errorLines(run.log)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^::error::READ_FAILED: Reading s3://${bucket}/${key} failed 4 times in a row at byte 65536, the last time with no data for 2 s`,
          ),
        ),
      ]);
      expect(run.outputs.status).toBe('FAILED');
      expect(run.summary).toContain('failed');
      // The first answer, cut after 64 KB, then three from where it stopped that gained nothing: four failures in a row.
      expect(proxy.gets.slice(1).map((g) => g.range)).toEqual([undefined, ...Array<string>(3).fill('bytes=65536-')]);
    },
  );

  for (const [when, count] of [
    ['the pre-flight sample', 1],
    ['the import', 2],
  ] as const) {
    it(
      `a cancel while ${when} reads a stalled body ends within 5 s, with outputs and a summary`,
      { timeout: 120_000 },
      async () => {
        const proxy = await faultProxy((n) => (n === count ? 'stall' : undefined));
        let stalledAt: number | undefined;
        const run = await runLocal(importFrom(proxy, uniqueName('s3-cancel')), {
          timeoutMs: 60_000,
          // Half a second after the body stalled: the read is waiting for bytes that do not come.
          signal: {
            name: 'SIGTERM',
            when: () => {
              if (proxy.stalled() === 0) return false;
              stalledAt ??= Date.now();
              return Date.now() - stalledAt > 500;
            },
          },
        });
        expect(run.exitAfterSignalMs, run.log).toBeDefined();
        expect(run.exitAfterSignalMs, run.log).toBeLessThan(STOP_MS);
        expect(errorLines(run.log)).toEqual([expect.stringMatching(/^::error::CANCELLED: /)]);
        expect(run.outputs.status).toBe('CANCELLED');
        expect(run.summary).toContain('CANCELLED');
      },
    );
  }
});
