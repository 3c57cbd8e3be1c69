// The records of one source partition, indexed by their key's bytes, with no
// object or string per record: an open-addressing table of offsets into the
// partition's buffer. A Map of key strings lived through a whole partition,
// so every collection of the young generation promoted a few MB of it, and the
// heap grew by 40 MB in each partition's second before the next full
// collection (1,000,000 items: the run's peak, 198 MB). Key texts are
// canonical (key.ts), so equal keys are equal bytes. The hash is seeded, as
// the partitions are: no chosen set of keys can make every probe collide.

import { hashBytes, keyEnd, keyStart, recordEnd } from './partition.js';

const EMPTY = -1;
/**
 * Mixed into the seed: with the partitions' own seed, every key of partition
 * p would hash to p modulo the count, and with a count of 64 the six bits
 * that pick a slot would be the same for all of them.
 */
const INDEX_SALT = 0x27d4eb2f;

export class KeyIndex {
  /** Records whose key an earlier record had: the last one is the one indexed, as an import writes it. */
  readonly duplicates: number;
  private readonly data: Buffer;
  /** A record's offset in `data` per slot, or EMPTY. */
  private readonly slots: Int32Array;
  /** Per slot: the other side had that key. */
  private readonly found: Uint8Array;
  private readonly mask: number;
  private readonly seed: number;

  /** `data`: whole records (partition.ts), as `readWhole` gives them. */
  constructor(data: Buffer, seed: number) {
    this.data = data;
    this.seed = (seed ^ INDEX_SALT) >>> 0;
    // Offsets are 32-bit; a partition is split long before (compare.ts), this only keeps a bunched one from wrapping.
    if (data.byteLength > 0x7fffffff) throw new Error(`a partition of ${data.byteLength} bytes is too large to index`);
    let records = 0;
    for (let at = 0; at < data.byteLength; at = recordEnd(data, at)) {
      if (recordEnd(data, at) > data.byteLength) throw new Error('a partition file ends inside a record');
      records += 1;
    }
    // At most half full: probes stay short.
    let size = 16;
    while (size < records * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(EMPTY);
    this.found = new Uint8Array(size);
    let duplicates = 0;
    for (let at = 0; at < data.byteLength; at = recordEnd(data, at)) {
      const slot = this.slotOf(data, at);
      if (this.slots[slot] !== EMPTY) duplicates += 1;
      this.slots[slot] = at;
    }
    this.duplicates = duplicates;
  }

  /** The slot holding the record with the key of `other`'s record at `at`, or -1. */
  find(other: Buffer, at: number): number {
    const slot = this.slotOf(other, at);
    return this.slots[slot] === EMPTY ? -1 : slot;
  }

  /** Where the slot's record starts in the indexed buffer. */
  offset(slot: number): number {
    return this.slots[slot] as number;
  }

  /** Marks the slot's key as found on the other side; false when it already was. */
  markFound(slot: number): boolean {
    if (this.found[slot] === 1) return false;
    this.found[slot] = 1;
    return true;
  }

  /** Offsets of the indexed records whose key was never found, in the order they are in the buffer. */
  *notFound(): Generator<number> {
    const data = this.data;
    for (let at = 0; at < data.byteLength; at = recordEnd(data, at)) {
      const slot = this.slotOf(data, at);
      // A repeated key is reported once, by its last record: the one indexed.
      if (this.slots[slot] === at && this.found[slot] === 0) yield at;
    }
  }

  /** The slot of the key of `buffer`'s record at `at`: where it is, or the empty slot where it would go. */
  private slotOf(buffer: Buffer, at: number): number {
    const start = keyStart(at);
    const end = keyEnd(buffer, at);
    let slot = hashBytes(buffer, start, end, this.seed) & this.mask;
    for (;;) {
      const held = this.slots[slot] as number;
      if (held === EMPTY) return slot;
      if (this.data.compare(buffer, start, end, keyStart(held), keyEnd(this.data, held)) === 0) return slot;
      slot = (slot + 1) & this.mask;
    }
  }
}
