// How far an import got, with writes landing out of order: records are handed
// to the writers in order, and several batches are in flight at once, so a
// later batch can be acknowledged before an earlier one. The position is the
// first record not yet acknowledged (or rejected): everything before it is
// done, whatever is after it may not be. The counts are those of the records
// before the position only: a record in flight when a run is killed is done
// again, and counted, by the run that resumes, not by both. Records rejected
// past the position are remembered, so that a resumed run does not write
// them to a rejected-items file a second time.

import type { CheckpointCounts, Position } from './state.js';

/**
 * A record still open, in a list in the order records were read. `after`
 * adds up the records settled since it was read and before the next open
 * one: they count once it and every open record before it are settled.
 * Only open records are kept, so a write that hangs while others land holds
 * one entry, not every record read since.
 */
interface Open {
  /** Its object and record: kept as numbers, as a Position object an item would cost on the hot path. */
  object: number;
  record: number;
  /** Made when the first record settles behind it: most records never have one. */
  after: CheckpointCounts | undefined;
  previous: Open | undefined;
  next: Open | undefined;
}

const IMPORTED: CheckpointCounts = { processed: 1, imported: 1, errors: 0 };
const REJECTED: CheckpointCounts = { processed: 1, imported: 0, errors: 1 };

export class Watermark {
  private readonly open = new Map<number, Open>();
  private first: Open | undefined;
  private last: Open | undefined;
  private nextTicket = 0;
  /** Just after the last record handed on: its object, and the records of it before that point. */
  private endObject: number;
  private endRecords: number;
  /** What the records before the position came to. */
  private readonly settledCounts: CheckpointCounts = { processed: 0, imported: 0, errors: 0 };
  /** The records each object held, once read to its end (by index; earlier runs' from their checkpoint). */
  private readonly objectRecords: number[];
  /** Records rejected by this run, as [object, record], until the position passes them. */
  private rejected: [number, number][] = [];
  /** Those earlier runs rejected past their position and wrote to their (closed) rejected-items files. */
  private earlierRejected: [number, number][];
  private readonly earlierKeys: Set<string>;

  constructor(
    start: Position,
    earlier: { objectRecords?: readonly number[]; rejectedAhead?: readonly [number, number][] } = {},
  ) {
    this.endObject = start.finished;
    this.endRecords = start.records;
    this.objectRecords = [...(earlier.objectRecords ?? [])];
    this.earlierRejected = [...(earlier.rejectedAhead ?? [])];
    this.earlierKeys = new Set(this.earlierRejected.map(([o, r]) => `${o}:${r}`));
  }

  /** The record of an open ticket was rejected by an earlier run, which wrote it to its rejected-items file. */
  ticketRejectedBefore(ticket: number): boolean {
    const entry = this.open.get(ticket);
    return entry !== undefined && this.rejectedBefore(entry.object, entry.record);
  }

  /** An earlier run rejected this record and wrote it to its rejected-items file. */
  rejectedBefore(object: number, record: number): boolean {
    return this.earlierKeys.has(`${object}:${record}`);
  }

  /** A record handed to the writers; `done(ticket, ...)` when DynamoDB acknowledged or rejected it. */
  issue(object: number, record: number): number {
    const ticket = this.nextTicket++;
    const entry: Open = { object, record, after: undefined, previous: this.last, next: undefined };
    if (this.last === undefined) this.first = entry;
    else this.last.next = entry;
    this.last = entry;
    this.open.set(ticket, entry);
    this.endObject = object;
    this.endRecords = record + 1;
    return ticket;
  }

  /** DynamoDB acknowledged (`imported`) or rejected the record. */
  done(ticket: number, imported: boolean): void {
    const entry = this.open.get(ticket);
    if (entry === undefined) return;
    this.open.delete(ticket);
    if (!imported) this.rejected.push([entry.object, entry.record]);
    // Its counts, and those waiting behind it, now wait behind the open record before it, if any.
    const into = entry.previous === undefined ? this.settledCounts : behind(entry.previous);
    add(into, imported ? IMPORTED : REJECTED);
    if (entry.after !== undefined) add(into, entry.after);
    if (entry.previous === undefined) this.first = entry.next;
    else entry.previous.next = entry.next;
    if (entry.next === undefined) this.last = entry.previous;
    else entry.next.previous = entry.previous;
  }

  /** A record that needs no write (rejected by the checks): done as soon as it is read. */
  passed(object: number, record: number): void {
    this.settle(REJECTED);
    this.rejected.push([object, record]);
    this.endObject = object;
    this.endRecords = record + 1;
  }

  /** Object `object`, none of whose `items` could be used (damaged): each counted as an error, the object as one rejection. */
  rejectedWhole(object: number, items: number): void {
    this.settle({ processed: items, imported: 0, errors: items });
    this.rejected.push([object, 0]);
  }

  /** Every one of the `records` of the object was read (handed on, rejected or skipped). */
  objectRead(object: number, records: number): void {
    this.objectRecords[object] = records;
    this.endObject = object + 1;
    this.endRecords = 0;
  }

  /** The records each object before the position held. */
  get finishedRecords(): number[] {
    return this.objectRecords.slice(0, this.position.finished);
  }

  /**
   * The rejections at or past the position that are in a rejected-items
   * file: earlier runs', and this run's too when `mine` (its file is closed).
   * Those before the position are dropped: the position never goes back.
   */
  rejectedAhead(mine: boolean): [number, number][] {
    const { finished, records } = this.position;
    const ahead = ([o, r]: [number, number]) => o > finished || (o === finished && r >= records);
    this.rejected = this.rejected.filter(ahead);
    this.earlierRejected = this.earlierRejected.filter(ahead);
    if (!mine) return [...this.earlierRejected];
    const all = new Map([...this.earlierRejected, ...this.rejected].map((p) => [`${p[0]}:${p[1]}`, p]));
    return [...all.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  }

  get position(): Position {
    const first = this.first;
    return first === undefined
      ? { finished: this.endObject, records: this.endRecords }
      : { finished: first.object, records: first.record };
  }

  /** What the records before the position came to. */
  get counts(): CheckpointCounts {
    return { ...this.settledCounts };
  }

  /** Counts that need no write: they wait behind the last open record, if any. */
  private settle(counts: CheckpointCounts): void {
    add(this.last === undefined ? this.settledCounts : behind(this.last), counts);
  }
}

/** The counts waiting behind an open record. */
function behind(entry: Open): CheckpointCounts {
  entry.after ??= { processed: 0, imported: 0, errors: 0 };
  return entry.after;
}

function add(to: CheckpointCounts, counts: CheckpointCounts): void {
  to.processed += counts.processed;
  to.imported += counts.imported;
  to.errors += counts.errors;
}
