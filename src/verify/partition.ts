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

/** What one partition of one side should hold: small enough to be read into memory whole. */
export const PARTITION_BYTES = 8 * 1024 * 1024;
/** At most this many partitions per side (two open files each): larger ones are split when compared. */
export const MAX_PARTITIONS = 256;
/** Bytes buffered in memory across all partitions of one side, and bytes being written, before the reader waits. */
const BUFFER_BUDGET = 8 * 1024 * 1024;
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
    partition.chunk ??= Buffer.allocUnsafe(Math.max(this.chunkBytes, size));
    const chunk = partition.chunk;
    let at = partition.used;
    at = chunk.writeUInt32LE(keyBytes, at);
    at = chunk.writeUInt32LE(itemBytes, at);
    at += chunk.write(key, at, 'utf8');
    at += typeof item === 'string' ? chunk.write(item, at, 'utf8') : item.copy(chunk, at);
    partition.used = at;
    this.records += 1;
  }

  /** Waits while more than the budget is being written. */
  async drain(): Promise<void> {
    while (this.inFlight > BUFFER_BUDGET && this.pending.size > 0) await Promise.race(this.pending);
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
        this.failure ??= error;
      })
      .finally(() => {
        this.inFlight -= data.byteLength;
        this.pending.delete(done);
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
 * The records of a partition file, read 1 MiB at a time; each item is a slice
 * of a buffer read for it alone, so keeping one keeps no other read's bytes.
 */
export async function* readPartition(path: string): AsyncGenerator<PartitionRecord[]> {
  const file = await open(path, 'r');
  try {
    let rest: Buffer = Buffer.alloc(0);
    for (;;) {
      const fresh = Buffer.allocUnsafe(READ_BYTES);
      const { bytesRead } = await file.read(fresh, 0, READ_BYTES, null);
      if (bytesRead === 0) break;
      const data =
        rest.byteLength === 0 ? fresh.subarray(0, bytesRead) : Buffer.concat([rest, fresh.subarray(0, bytesRead)]);
      const records: PartitionRecord[] = [];
      let at = 0;
      while (at + HEADER <= data.byteLength) {
        const keyBytes = data.readUInt32LE(at);
        const itemBytes = data.readUInt32LE(at + 4);
        const end = at + HEADER + keyBytes + itemBytes;
        if (end > data.byteLength) break;
        const keyStart = at + HEADER;
        records.push({
          key: data.toString('utf8', keyStart, keyStart + keyBytes),
          item: data.subarray(keyStart + keyBytes, end),
        });
        at = end;
      }
      // A record cut by the read waits for the next one (a large record is copied once more).
      rest = at === data.byteLength ? Buffer.alloc(0) : Buffer.from(data.subarray(at));
      yield records;
    }
    if (rest.byteLength > 0) throw new Error(`${path} ends inside a record (${rest.byteLength} bytes left)`);
  } finally {
    await file.close();
  }
}
