// How far an import got, with writes landing out of order: records are handed
// to the writers in order, and several batches are in flight at once, so a
// later batch can be acknowledged before an earlier one. The position is the
// first record not yet acknowledged (or rejected): everything before it is
// done, whatever is after it may not be.

import type { Position } from './state.js';

export class Watermark {
  /** Records handed on and not yet acknowledged, in the order they were handed on. */
  private readonly open = new Map<number, Position>();
  private nextTicket = 0;
  /** Just after the last record handed on. */
  private last: Position;

  constructor(start: Position) {
    this.last = start;
  }

  /** A record handed to the writers; `done(ticket)` when DynamoDB acknowledged or rejected it. */
  issue(object: number, record: number): number {
    const ticket = this.nextTicket++;
    this.open.set(ticket, { finished: object, records: record });
    this.last = { finished: object, records: record + 1 };
    return ticket;
  }

  done(ticket: number): void {
    this.open.delete(ticket);
  }

  /** A record that needs no write (rejected by the checks, or skipped): done as soon as it is read. */
  passed(object: number, record: number): void {
    this.last = { finished: object, records: record + 1 };
  }

  /** Every record of the object was read (handed on, rejected or skipped). */
  objectRead(object: number): void {
    this.last = { finished: object + 1, records: 0 };
  }

  get position(): Position {
    // A Map iterates in insertion order: the first entry is the earliest record still open.
    const [first] = this.open.values();
    return first ?? this.last;
  }
}
