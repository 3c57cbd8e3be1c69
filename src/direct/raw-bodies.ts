// BatchWriteItem bodies for items passed through as bytes. Each batch writes
// its body as its items arrive, so an item is copied once, out of the
// decompressed chunk it was read from, into the body. Bodies are buffers
// outside the JavaScript heap, freed only when the collector gets to them:
// new ones for every request held tens of MB at a time, so a body's buffer
// goes back to a pool when its request is answered and the next batch takes it.

import type { RawPut } from './sink.js';

const PUT_OPEN = Buffer.from('{"PutRequest":{"Item":');
const PUT_CLOSE = Buffer.from('}}');
const COMMA = 0x2c;

/** The pooled size: 25 items of 2.5 KB of DynamoDB JSON. Larger bodies get a buffer of their own. */
const BODY_BYTES = 64 * 1024;
/** Buffers kept for use again, at most: enough for every request of concurrency 64, and 4 MiB. */
const POOLED = 64;

export class BodyPool {
  private readonly free: Buffer[] = [];

  take(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafeSlow(BODY_BYTES);
  }

  give(buffer: Buffer): void {
    if (buffer.length === BODY_BYTES && this.free.length < POOLED) this.free.push(buffer);
  }
}

/** One request's puts and its body so far, `open` written first. */
export class RawBatch {
  /** The puts, each `bytes` now a view of the body. */
  readonly puts: RawPut[] = [];
  private buffer: Buffer;
  private length: number;
  private readonly pool: BodyPool;

  constructor(pool: BodyPool, open: Buffer) {
    this.pool = pool;
    this.buffer = pool.take();
    this.length = open.copy(this.buffer, 0);
  }

  add(put: RawPut): void {
    const item = put.bytes;
    this.reserve(1 + PUT_OPEN.length + item.length + PUT_CLOSE.length);
    if (this.puts.length > 0) this.buffer[this.length++] = COMMA;
    // set, not copy: for a few hundred bytes the typed array's own copy costs a fraction of Buffer's.
    this.buffer.set(PUT_OPEN, this.length);
    const start = this.length + PUT_OPEN.length;
    this.buffer.set(item, start);
    this.buffer.set(PUT_CLOSE, start + item.length);
    this.length = start + item.length + PUT_CLOSE.length;
    put.bytes = this.buffer.subarray(start, start + item.length);
    this.puts.push(put);
  }

  /** The whole body, `close` written after the puts (again, unchanged, when asked again). */
  body(close: Buffer): Buffer {
    this.reserve(close.length);
    close.copy(this.buffer, this.length);
    return this.buffer.subarray(0, this.length + close.length);
  }

  /** Once the request is answered: the buffer is used again, so nothing may read the puts' bytes after this. */
  release(): void {
    this.pool.give(this.buffer);
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    // Earlier puts keep their views of the old buffer, which is left to the collector rather than pooled.
    const larger = Buffer.allocUnsafeSlow(Math.max(2 * this.buffer.length, this.length + bytes));
    this.buffer.copy(larger, 0, 0, this.length);
    this.buffer = larger;
  }
}

/** A body for some puts, written afresh (a retry of part of a batch): `open`, each put, `close`. */
export function requestBody(open: Buffer, puts: readonly RawPut[], close: Buffer): Buffer {
  let length = open.length + close.length + Math.max(0, puts.length - 1);
  for (const put of puts) length += PUT_OPEN.length + put.bytes.length + PUT_CLOSE.length;
  const body = Buffer.allocUnsafe(length);
  let at = open.copy(body, 0);
  for (const [n, put] of puts.entries()) {
    if (n > 0) body[at++] = COMMA;
    at += PUT_OPEN.copy(body, at);
    at += put.bytes.copy(body, at);
    at += PUT_CLOSE.copy(body, at);
  }
  close.copy(body, at);
  return body;
}
