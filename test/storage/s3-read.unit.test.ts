// The resumable S3 read on a fake GetObject: a body that stalls or is reset
// is read on from the byte reached, of the same ETag; a changed object, a
// read that never moves, and a cancel each end it with a reason.

import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type Body, type RangedGet, resumableRead } from '../../src/storage/s3-read.js';

const OBJECT = Buffer.from(Array.from({ length: 1000 }, (_, i) => String(i % 10)).join(''));

type Fault = 'stall' | 'reset' | 'silent' | undefined;

/** A GetObject of OBJECT whose n-th answer (from 1) breaks as `faults(n)` says after 100 bytes. */
function fakeGet(faults: (n: number) => Fault, etags: (n: number) => string = () => '"e1"') {
  const calls: { from: number; etag: string | undefined }[] = [];
  const get: RangedGet = async (from, etag, signal) => {
    calls.push({ from, etag });
    const n = calls.length;
    const fault = faults(n);
    const rest = OBJECT.subarray(from);
    let sent = false;
    const body = new Readable({
      read() {
        if (sent) {
          if (fault === undefined) this.push(null);
          return;
        }
        sent = true;
        if (fault === 'silent') return;
        if (fault === undefined) {
          this.push(rest);
          return;
        }
        this.push(rest.subarray(0, 100));
        if (fault === 'reset')
          setImmediate(() => this.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })));
      },
    }) as Body;
    signal.addEventListener('abort', () => body.destroy());
    return { body, etag: etags(n) };
  };
  return { get, calls };
}

async function readAll(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

describe('resumableRead', () => {
  for (const fault of ['stall', 'reset'] as const) {
    it(`a body ${fault === 'stall' ? 'that stalls' : 'reset'} after 100 bytes is read on from byte 100, If-Match its ETag`, async () => {
      const { get, calls } = fakeGet((n) => (n === 1 ? fault : undefined));
      const bytes = await readAll(resumableRead(get, 's3://b/k', { idleMs: 50 }));
      expect(bytes.equals(OBJECT)).toBe(true);
      expect(calls).toEqual([
        { from: 0, etag: undefined },
        { from: 100, etag: '"e1"' },
      ]);
    });
  }

  it('keeps to the limit, and asks for no more once it is reached', async () => {
    const { get, calls } = fakeGet(() => undefined);
    const bytes = await readAll(resumableRead(get, 's3://b/k', { idleMs: 50 }, 300));
    expect(bytes.equals(OBJECT.subarray(0, 300))).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it('a body that never moves is given up on after 4 tries, naming the object, the byte and the silence', async () => {
    const { get, calls } = fakeGet((n) => (n === 1 ? 'stall' : 'silent'));
    const error = (await readAll(resumableRead(get, 's3://b/k', { idleMs: 30 })).catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ code: 'READ_FAILED' });
    expect(error.message).toMatch(/^Reading s3:\/\/b\/k failed 4 times in a row at byte 100, .*no data for 0.03 s/);
    expect(calls.map((c) => c.from)).toEqual([0, 100, 100, 100]);
  });

  it('a body that moves a little each time is read to its end: only tries without progress count', async () => {
    // Every answer stalls after 100 bytes: ten answers for 1,000 bytes.
    const { get, calls } = fakeGet((n) => (n <= 9 ? 'stall' : undefined));
    const bytes = await readAll(resumableRead(get, 's3://b/k', { idleMs: 20 }));
    expect(bytes.equals(OBJECT)).toBe(true);
    expect(calls).toHaveLength(10);
  });

  it('the idle timer runs only while the reader waits for bytes, not while its consumer is busy', async () => {
    const calls: number[] = [];
    const get: RangedGet = async (from) => {
      calls.push(from);
      const chunks = Array.from({ length: 10 }, (_, i) => OBJECT.subarray(from + i * 100, from + (i + 1) * 100));
      return { body: Readable.from(chunks) as Body, etag: '"e1"' };
    };
    const parts: Uint8Array[] = [];
    for await (const chunk of resumableRead(get, 's3://b/k', { idleMs: 30 })) {
      parts.push(chunk);
      // A slow import: far longer than the idle timeout between two chunks.
      await new Promise((resolve) => setTimeout(resolve, 80));
    }
    expect(Buffer.concat(parts).equals(OBJECT)).toBe(true);
    expect(calls).toEqual([0]);
  });

  it('an object that changed between two answers (another ETag) is refused, not mixed', async () => {
    const { get } = fakeGet(
      (n) => (n === 1 ? 'reset' : undefined),
      (n) => (n === 1 ? '"e1"' : '"e2"'),
    );
    await expect(readAll(resumableRead(get, 's3://b/k', { idleMs: 50 }))).rejects.toMatchObject({
      code: 'READ_FAILED',
      message: expect.stringContaining('s3://b/k changed while it was being read (its ETag is no longer "e1")'),
    });
  });

  it('a cancel ends a stalled read at once, CANCELLED', async () => {
    const { get } = fakeGet(() => 'stall');
    const cancel = new AbortController();
    const started = Date.now();
    setTimeout(() => cancel.abort(), 50);
    await expect(
      readAll(resumableRead(get, 's3://b/k', { signal: cancel.signal, idleMs: 60_000 })),
    ).rejects.toMatchObject({
      code: 'CANCELLED',
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a cancel while the answer has not come ends the read at once too', async () => {
    const cancel = new AbortController();
    const get: RangedGet = (_from, _etag, signal) =>
      new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('AbortError'))));
    setTimeout(() => cancel.abort(), 50);
    await expect(readAll(resumableRead(get, 's3://b/k', { signal: cancel.signal }))).rejects.toMatchObject({
      code: 'CANCELLED',
    });
  });
});
