// Both sides of a comparison are spread over files by a hash of each item's
// key, so that the two items of one key land in files of the same number and
// one pair of files at a time fits in memory, whatever the table's size.
//
// A record in a partition file is framed by lengths, not by newlines (a key
// or an item may hold any character): u32 key bytes, u32 item bytes, the key
// text (key.ts), the item's DynamoDB JSON. Records are copied into a buffer
// per partition and written when it fills: a Scan page's items are slices of
// the whole 1 MB page, and keeping them would keep every page.

import { type FileHandle, open } from 'node:fs/promises';
import { join } from 'node:path';
import { TransferError } from '../errors.js';

/** What one partition of one side should hold: small enough to be read into memory whole. */
export const PARTITION_BYTES = 4 * 1024 * 1024;
/** At most this many partitions per side (two open files each): larger ones are split when compared. */
export const MAX_PARTITIONS = 256;
/** Bytes one side buffers in memory across all its partitions: a chunk per partition, smaller when there are more. */
const BUFFER_BUDGET = 4 * 1024 * 1024;
/** Bytes of one side being written before the reader waits. */
const IN_FLIGHT_BYTES = 2 * 1024 * 1024;
const MIN_CHUNK = 16 * 1024;
const MAX_CHUNK = 256 * 1024;
const HEADER = 8;

/** A 32-bit hash of text (FNV-1a, then murmur3's finaliser so every bit counts); `seed` gives another spread. */
export function hashText(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return finish(h);
}

/** The same hash of bytes `[start, end)` of a buffer. */
export function hashBytes(buffer: Buffer, start: number, end: number, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = start; i < end; i++) {
    h ^= buffer[i] as number;
    h = Math.imul(h, 0x01000193);
  }
  return finish(h);
}

function finish(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** How many partitions for sides of about these many bytes each. */
export function partitionCount(...sideBytes: number[]): number {
  const largest = Math.max(0, ...sideBytes.filter((b) => Number.isFinite(b)));
  return Math.min(MAX_PARTITIONS, Math.max(1, Math.ceil(largest / PARTITION_BYTES)));
}

export interface PartitionFile {
  path: string;
  /** Bytes written to it (0: the file was never created). */
  bytes: number;
}

interface Partition {
  chunk: Buffer | undefined;
  used: number;
  handle: Promise<FileHandle> | undefined;
  /** The last write of this file: writes of one file go in order. */
  tail: Promise<void>;
  bytes: number;
}

/** One side's partition files, `<dir>/<name>-<n>`, created as records arrive. */
export class PartitionWriter {
  readonly count: number;
  records = 0;
  private readonly dir: string;
  private readonly name: string;
  private readonly seed: number;
  private readonly chunkBytes: number;
  private readonly partitions: Partition[];
  private inFlight = 0;
  private failure: unknown;
  private readonly pending = new Set<Promise<void>>();
  /** Chunks whose write is done, used again: no allocation per chunk, and no memory left in pieces. */
  private readonly spare: Buffer[] = [];

  constructor(dir: string, name: string, count: number, seed: number) {
    this.dir = dir;
    this.name = name;
    this.count = count;
    this.seed = seed;
    this.chunkBytes = Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, Math.floor(BUFFER_BUDGET / count)));
    this.partitions = Array.from({ length: count }, () => ({
      chunk: undefined,
      used: 0,
      handle: undefined,
      tail: Promise.resolve(),
      bytes: 0,
    }));
  }

  /** Which partition a key goes to. */
  partitionOf(key: string): number {
    return this.count === 1 ? 0 : hashText(key, this.seed) % this.count;
  }

  /** Copies one record into its partition's buffer; writes the buffer when it is full. Call `drain` now and then. */
  add(key: string, item: Buffer | string): void {
    this.throwIfFailed();
    const p = this.partitionOf(key);
    const partition = this.partitions[p] as Partition;
    const keyBytes = Buffer.byteLength(key);
    const itemBytes = typeof item === 'string' ? Buffer.byteLength(item) : item.byteLength;
    const size = HEADER + keyBytes + itemBytes;
    if (partition.chunk !== undefined && partition.used + size > partition.chunk.byteLength) this.flush(p);
    // A record larger than a chunk (items reach 400 KB) gets a buffer of its own.
    partition.chunk ??=
      size <= this.chunkBytes ? (this.spare.pop() ?? Buffer.allocUnsafe(this.chunkBytes)) : Buffer.allocUnsafe(size);
    const chunk = partition.chunk;
    let at = partition.used;
    at = chunk.writeUInt32LE(keyBytes, at);
    at = chunk.writeUInt32LE(itemBytes, at);
    at += chunk.write(key, at, 'utf8');
    at += typeof item === 'string' ? chunk.write(item, at, 'utf8') : item.copy(chunk, at);
    partition.used = at;
    this.records += 1;
  }

  /** Waits while more than IN_FLIGHT_BYTES are being written. */
  async drain(): Promise<void> {
    while (this.inFlight > IN_FLIGHT_BYTES && this.pending.size > 0) await Promise.race(this.pending);
    this.throwIfFailed();
  }

  /** Writes what is buffered, closes every file, and says what each partition holds. */
  async close(): Promise<PartitionFile[]> {
    for (let p = 0; p < this.count; p++) this.flush(p);
    await Promise.all(this.partitions.map((partition) => partition.tail));
    await Promise.all(
      this.partitions.map(async (partition) => {
        if (partition.handle !== undefined) await (await partition.handle).close();
      }),
    );
    this.throwIfFailed();
    return this.partitions.map((partition, p) => ({ path: this.pathOf(p), bytes: partition.bytes }));
  }

  /** After a failure or a cancel: waits for what is being written and closes the files, without more writes. */
  async abandon(): Promise<void> {
    await Promise.allSettled(this.partitions.map((partition) => partition.tail));
    await Promise.allSettled(
      this.partitions.map(async (partition) => {
        if (partition.handle !== undefined) await (await partition.handle).close();
      }),
    );
  }

  pathOf(p: number): string {
    return join(this.dir, `${this.name}-${p}`);
  }

  private flush(p: number): void {
    const partition = this.partitions[p] as Partition;
    const chunk = partition.chunk;
    if (chunk === undefined || partition.used === 0) return;
    const data = chunk.subarray(0, partition.used);
    partition.chunk = undefined;
    partition.used = 0;
    partition.bytes += data.byteLength;
    // `wx`: the folder is this run's own, and a file is never written twice over.
    partition.handle ??= open(this.pathOf(p), 'wx');
    const handle = partition.handle;
    this.inFlight += data.byteLength;
    const write = partition.tail.then(async () => {
      const file = await handle;
      let written = 0;
      while (written < data.byteLength) {
        written += (await file.write(data, written, data.byteLength - written)).bytesWritten;
      }
    });
    const done = write
      .catch((error: unknown) => {
        const why = error instanceof Error ? error.message : String(error);
        this.failure ??= new TransferError(
          'WRITE_FAILED',
          `The partition file ${this.pathOf(p)} could not be written (${why}); verify needs about as much free space in RUNNER_TEMP as the table and the source take as DynamoDB JSON.`,
        );
      })
      .finally(() => {
        this.inFlight -= data.byteLength;
        this.pending.delete(done);
        if (chunk.byteLength === this.chunkBytes) this.spare.push(chunk);
      });
    this.pending.add(done);
    partition.tail = done;
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}

export interface PartitionRecord {
  key: string;
  /** The item's DynamoDB JSON. */
  item: Buffer;
}

const READ_BYTES = 1024 * 1024;

/**
 * Buffers read into again and again, partition after partition: a fresh one
 * per file would be memory outside V8's heap that only a full collection
 * frees, and many of them pile up before one runs.
 */
export class ReadBuffers {
  stream = Buffer.allocUnsafe(0);
  whole = Buffer.allocUnsafe(0);
}

/** A whole partition file in `buffers.whole` (grown when too small); valid until the next call. */
export async function readWhole(path: string, bytes: number, buffers: ReadBuffers): Promise<Buffer> {
  // A quarter more than asked: partitions are of about one size, so it grows once or twice, not at every larger one.
  if (buffers.whole.byteLength < bytes) buffers.whole = Buffer.allocUnsafe(Math.ceil(bytes * 1.25));
  const file = await open(path, 'r');
  try {
    let filled = 0;
    while (filled < bytes) {
      const { bytesRead } = await file.read(buffers.whole, filled, bytes - filled, filled);
      if (bytesRead === 0) throw new Error(`${path} ends after ${filled} of ${bytes} bytes`);
      filled += bytesRead;
    }
    return buffers.whole.subarray(0, bytes);
  } finally {
    await file.close();
  }
}

/** Where the record that starts at `at` ends (past the end of `data` when the bytes end inside it). */
export function recordEnd(data: Buffer, at: number): number {
  if (at + HEADER > data.byteLength) return Number.POSITIVE_INFINITY;
  return at + HEADER + data.readUInt32LE(at) + data.readUInt32LE(at + 4);
}

/** The key's bytes of the record at `at`: [start, end). */
export function keyStart(at: number): number {
  return at + HEADER;
}

export function keyEnd(data: Buffer, at: number): number {
  return at + HEADER + data.readUInt32LE(at);
}

/** The item of the record at `at`, a view of `data`. */
export function itemOf(data: Buffer, at: number): Buffer {
  return data.subarray(keyEnd(data, at), recordEnd(data, at));
}

/** Whole records, `data` from 0 to `end`, of one read. */
export interface RecordRun {
  data: Buffer;
  end: number;
}

/**
 * The records of a partition file, a run of whole records per read of about
 * 1 MiB. One buffer is read into again and again: each run is valid until the
 * next is asked for, so whoever keeps a record copies it.
 */
export async function* readRecordRuns(path: string, buffers = new ReadBuffers()): AsyncGenerator<RecordRun> {
  const file = await open(path, 'r');
  try {
    if (buffers.stream.byteLength < READ_BYTES) buffers.stream = Buffer.allocUnsafe(READ_BYTES);
    let buffer = buffers.stream;
    let filled = 0;
    for (;;) {
      const { bytesRead } = await file.read(buffer, filled, buffer.byteLength - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
      const data = buffer.subarray(0, filled);
      let at = 0;
      while (recordEnd(data, at) <= filled) at = recordEnd(data, at);
      if (at > 0) yield { data, end: at };
      // The start of a record cut by the read moves to the front; a record larger than the buffer grows it.
      const rest = filled - at;
      const needed = rest >= HEADER ? recordEnd(data, at) - at : HEADER;
      if (needed > buffer.byteLength) {
        const larger = Buffer.allocUnsafe(needed);
        buffer.copy(larger, 0, at, filled);
        buffer = larger;
        buffers.stream = larger;
      } else {
        buffer.copy(buffer, 0, at, filled);
      }
      filled = rest;
    }
    if (filled > 0) throw new Error(`${path} ends inside a record (${filled} bytes left)`);
  } finally {
    await file.close();
  }
}

/** The records of a partition file as keys and items, a batch per read (for splitting, where each is written again). */
export async function* readPartition(path: string, buffers = new ReadBuffers()): AsyncGenerator<PartitionRecord[]> {
  for await (const { data, end } of readRecordRuns(path, buffers)) {
    const records: PartitionRecord[] = [];
    for (let at = 0; at < end; at = recordEnd(data, at)) {
      records.push({ key: data.toString('utf8', keyStart(at), keyEnd(data, at)), item: itemOf(data, at) });
    }
    yield records;
  }
}
