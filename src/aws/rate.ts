// AIMD concurrency, with or without a budget: a throttled request halves the
// requests allowed in flight, each success raises the limit by 1/limit (about
// one more request per round of successes), as TCP does. A burst of throttled
// answers to requests sent together halves the limit once, not once each.

export class Aimd {
  private limit: number;
  private inFlight = 0;
  private sent = 0;
  /** Requests sent up to this one saw the last halving already. */
  private halvedAt = 0;
  private readonly waiting: (() => void)[] = [];

  private readonly max: number;

  constructor(max: number) {
    this.max = max;
    this.limit = max;
  }

  /** Requests allowed in flight now. */
  get allowed(): number {
    return Math.max(1, Math.floor(this.limit));
  }

  /** Waits for a place; returns the request's ticket for `throttled` and `succeeded`. */
  async acquire(): Promise<number> {
    while (this.inFlight >= this.allowed) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.inFlight += 1;
    this.sent += 1;
    return this.sent;
  }

  release(): void {
    this.inFlight -= 1;
    this.wake();
  }

  throttled(ticket: number): void {
    if (ticket <= this.halvedAt) return; // sent before the last halving: already accounted for
    this.limit = Math.max(1, this.limit / 2);
    this.halvedAt = this.sent;
  }

  succeeded(): void {
    if (this.limit >= this.max) return;
    this.limit = Math.min(this.max, this.limit + 1 / this.limit);
    this.wake();
  }

  private wake(): void {
    // Every waiter checks the limit again; the ones without a place wait on.
    for (const next of this.waiting.splice(0)) next();
  }
}
