// Which change record of a key an incremental export leaves: the one with the
// newest WriteTimestampMicros, whatever the order of its files and lines.
// AWS writes each changed item once per export ("the item will only appear
// once in the export even if it has multiple updates"), so in its exports
// every key is new here; a key seen again (an export changed or put together
// by hand) is decided by the timestamps, not by where its records sit. An
// older record after a newer one is skipped (counted as superseded); a newer
// one after an older one is written, and lands after it (the sink never has
// two writes of one key in flight); two of one timestamp cannot be told apart.
//
// Memory: per key, 12 bytes of a salted SHA-256 digest of its key text and its
// timestamp as 8, in a table at most half full with no object per key (a Map
// of strings would hold about 100 bytes a key, see src/verify/key-index.ts):
// 2^21 slots of 20 bytes (about 40 MB) at MAX_KEYS keys. Past that, further keys are
// applied in file order, and a warning names the export.

import { hash, randomBytes } from 'node:crypto';

/** Keys one export's order is kept for. */
export const MAX_KEYS = 1_000_000;
const MAX_SLOTS = 2 ** 21;
const FIRST_SLOTS = 1024;
const WORDS = 3;
/** Mixed into every digest: no export can be made with two keys whose digests are chosen to agree. */
const SALT = randomBytes(16).toString('hex');

export type Verdict = 'first' | 'newer' | 'older' | 'tie' | 'untracked';

/** Over every export of a run: what the summary and the counts say. */
export interface ChangeTally {
  /** Records whose key an earlier record of the same export had. */
  repeated: number;
  /** Of those, the older ones skipped: read, neither written nor rejected. */
  superseded: number;
  /** Exports with more than MAX_KEYS keys, as shown. */
  untracked: string[];
}

export function newTally(): ChangeTally {
  return { repeated: 0, superseded: 0, untracked: [] };
}

export class ChangeOrder {
  private slots = FIRST_SLOTS;
  private digests = new Uint32Array(FIRST_SLOTS * WORDS);
  /** Microseconds after the window's start; NaN for an empty slot. */
  private times = new Float64Array(FIRST_SLOTS).fill(Number.NaN);
  private keys = 0;
  private readonly start: bigint;
  private readonly tally: ChangeTally;
  private readonly shown: string;
  private readonly maxKeys: number;

  /** `from`: the window's start (records outside the window are refused before they come here). */
  constructor(from: Date, tally: ChangeTally, shown: string, maxKeys = MAX_KEYS) {
    this.start = BigInt(from.getTime()) * 1000n;
    this.tally = tally;
    this.shown = shown;
    this.maxKeys = Math.min(maxKeys, MAX_KEYS);
  }

  /** Where a record of `key` written at `micros` stands against the records of its key seen before. */
  see(key: string, micros: string): Verdict {
    const digest = hash('sha256', SALT + key, 'buffer');
    const time = Number(BigInt(micros) - this.start);
    const slot = this.slotOf(digest);
    const held = this.times[slot] as number;
    if (Number.isNaN(held)) {
      if (this.keys >= this.maxKeys) {
        if (!this.tally.untracked.includes(this.shown)) this.tally.untracked.push(this.shown);
        return 'untracked';
      }
      this.put(slot, digest, time);
      this.keys += 1;
      if (this.keys * 2 > this.slots && this.slots < MAX_SLOTS) this.grow();
      return 'first';
    }
    this.tally.repeated += 1;
    if (time > held) {
      this.times[slot] = time;
      return 'newer';
    }
    if (time < held) {
      this.tally.superseded += 1;
      return 'older';
    }
    return 'tie';
  }

  /** The slot holding the digest, or the empty one where it would go. */
  private slotOf(digest: Buffer): number {
    const mask = this.slots - 1;
    let slot = digest.readUInt32LE(0) & mask;
    for (;;) {
      if (Number.isNaN(this.times[slot] as number)) return slot;
      const at = slot * WORDS;
      if (
        this.digests[at] === digest.readUInt32LE(0) &&
        this.digests[at + 1] === digest.readUInt32LE(4) &&
        this.digests[at + 2] === digest.readUInt32LE(8)
      )
        return slot;
      slot = (slot + 1) & mask;
    }
  }

  private put(slot: number, digest: Buffer, time: number): void {
    const at = slot * WORDS;
    this.digests[at] = digest.readUInt32LE(0);
    this.digests[at + 1] = digest.readUInt32LE(4);
    this.digests[at + 2] = digest.readUInt32LE(8);
    this.times[slot] = time;
  }

  private grow(): void {
    const [digests, times, slots] = [this.digests, this.times, this.slots];
    this.slots = slots * 2;
    this.digests = new Uint32Array(this.slots * WORDS);
    this.times = new Float64Array(this.slots).fill(Number.NaN);
    const digest = Buffer.alloc(WORDS * 4);
    for (let i = 0; i < slots; i++) {
      const time = times[i] as number;
      if (Number.isNaN(time)) continue;
      for (let w = 0; w < WORDS; w++) digest.writeUInt32LE(digests[i * WORDS + w] as number, w * 4);
      this.put(this.slotOf(digest), digest, time);
    }
  }
}

const n = (value: number): string => value.toLocaleString('en-US');

/** The summary's warnings about records of one key in one export. */
export function changeWarnings(tally: ChangeTally): string[] {
  const warnings: string[] = [];
  if (tally.repeated > 0)
    warnings.push(
      `${n(tally.repeated)} change record(s) had the key of another record of the same incremental export, which AWS's exports never hold (each changed item appears once): for each key the record with the newest WriteTimestampMicros was applied, whatever its place in the files, and ${n(tally.superseded)} older record(s) were skipped. Check where the export came from.`,
    );
  for (const shown of tally.untracked)
    warnings.push(
      `${shown} changes more than ${n(MAX_KEYS)} keys: records of one key are put in the order of their timestamps for the first ${n(MAX_KEYS)} keys only, and the export's other records are applied in the order of its files.`,
    );
  return warnings;
}
