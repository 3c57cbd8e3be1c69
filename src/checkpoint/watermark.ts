// How far an import got, with writes landing out of order: records are handed
// to the writers in order, and several batches are in flight at once, so a
// later batch can be acknowledged before an earlier one. The position is the
// first record not yet acknowledged (or rejected): everything before it is
// done, whatever is after it may not be. The counts are those of the records
// before the position only: a record in flight when a run is killed is done
// again, and counted, by the run that resumes, not by both.

import type { CheckpointCounts, Position } from './state.js';

/** A record (or a whole damaged object) in the order it was read, and what it came to once settled. */
interface Entry {
  position: Position;
  outcome: 'open' | 'imported' | 'rejected' | CheckpointCounts;
}

const IMPORTED: CheckpointCounts = { processed: 1, imported: 1, errors: 0 };
const REJECTED: CheckpointCounts = { processed: 1, imported: 0, errors: 1 };

/** Settled entries before the earliest open one are folded into the counts; the array is compacted past this many. */
const COMPACT_AFTER = 4096;

export class Watermark {
  /** Records read since the earliest one still open, from `head`; entry `i` has ticket `base + i`. */
  private readonly queue: Entry[] = [];
  private head = 0;
  private base = 0;
  /** Just after the last record handed on. */
  private last: Position;
  /** What the records before the position came to. */
  private readonly settledCounts: CheckpointCounts = { processed: 0, imported: 0, errors: 0 };

  constructor(start: Position) {
    this.last = start;
  }

  /** A record handed to the writers; `done(ticket, ...)` when DynamoDB acknowledged or rejected it. */
  issue(object: number, record: number): number {
    const ticket = this.base + this.queue.length;
    this.queue.push({ position: { finished: object, records: record }, outcome: 'open' });
    this.last = { finished: object, records: record + 1 };
    return ticket;
  }

  /** DynamoDB acknowledged (`imported`) or rejected the record. */
  done(ticket: number, imported: boolean): void {
    const entry = this.queue[ticket - this.base];
    if (entry?.outcome !== 'open') return;
    entry.outcome = imported ? 'imported' : 'rejected';
    this.advance();
  }

  /** A record that needs no write (rejected by the checks): done as soon as it is read. */
  passed(object: number, record: number): void {
    this.settle(REJECTED);
    this.last = { finished: object, records: record + 1 };
  }

  /** An object none of whose `items` could be used (damaged): each counted as an error. */
  rejectedWhole(items: number): void {
    this.settle({ processed: items, imported: 0, errors: items });
  }

  /** Every record of the object was read (handed on, rejected or skipped). */
  objectRead(object: number): void {
    this.last = { finished: object + 1, records: 0 };
  }

  get position(): Position {
    return this.queue[this.head]?.position ?? this.last;
  }

  /** What the records before the position came to. */
  get counts(): CheckpointCounts {
    return { ...this.settledCounts };
  }

  /** Counts that need no write: folded in at once when nothing is open, else queued behind what is. */
  private settle(counts: CheckpointCounts): void {
    if (this.head === this.queue.length) add(this.settledCounts, counts);
    else this.queue.push({ position: this.last, outcome: counts });
  }

  private advance(): void {
    for (let entry = this.queue[this.head]; entry !== undefined; entry = this.queue[this.head]) {
      const { outcome } = entry;
      if (outcome === 'open') break;
      add(this.settledCounts, outcome === 'imported' ? IMPORTED : outcome === 'rejected' ? REJECTED : outcome);
      this.head += 1;
    }
    if (this.head === this.queue.length || this.head > COMPACT_AFTER) {
      this.base += this.head;
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }
}

function add(to: CheckpointCounts, counts: CheckpointCounts): void {
  to.processed += counts.processed;
  to.imported += counts.imported;
  to.errors += counts.errors;
}
