// How far an import got, with writes landing out of order: records are handed
// to the writers in order, and several batches are in flight at once, so a
// later batch can be acknowledged before an earlier one. The position is the
// first record not yet acknowledged (or rejected): everything before it is
// done, whatever is after it may not be. The counts are those of the records
// before the position only: a record in flight when a run is killed is done
// again, and counted, by the run that resumes, not by both.

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

  constructor(start: Position) {
    this.endObject = start.finished;
    this.endRecords = start.records;
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
    this.endObject = object;
    this.endRecords = record + 1;
  }

  /** An object none of whose `items` could be used (damaged): each counted as an error. */
  rejectedWhole(items: number): void {
    this.settle({ processed: items, imported: 0, errors: items });
  }

  /** Every record of the object was read (handed on, rejected or skipped). */
  objectRead(object: number): void {
    this.endObject = object + 1;
    this.endRecords = 0;
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
