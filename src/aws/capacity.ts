// The capacity budget (max-capacity): one token bucket shared by every worker
// of a run. A request is charged its estimate before it is sent and settled
// with what DynamoDB reports after, so the rate holds whatever the item sizes.
// A request waits until the bucket holds its whole estimate, never overdrawing
// it: a batch of 400 KB items worth many seconds of the budget waits those
// seconds before it goes, rather than going at once and leaving the debt to
// the requests after it (8 items of 395 KB once took 3,168 units in 0.59 s
// under a budget of 200 a second).

export interface BucketClock {
  now: () => number;
  /** Waits; a cancel or the breaker opening rejects it. */
  wait: (ms: number) => Promise<void>;
}

export class TokenBucket {
  /** Units available; negative is debt that later requests wait out. */
  private tokens = 0;
  private last: number;
  private queue: Promise<void> = Promise.resolve();
  /** Units per second. */
  readonly rate: number;
  private readonly clock: BucketClock;

  constructor(rate: number, clock: BucketClock) {
    this.rate = rate;
    this.clock = clock;
    // Starts empty, not full: a run's first second must not be a burst of a second's worth on top of the rate.
    this.last = clock.now();
  }

  /** Waits its turn (first come, first served) until the bucket holds `units`, then takes them. */
  take(units: number): Promise<void> {
    const turn = this.queue.then(async () => {
      // Idle time before this turn saves at most a second's worth; time spent waiting in it, all the request needs.
      this.refill(this.rate);
      // A hair under: the wait is rounded up to whole milliseconds, the units are not.
      while (this.tokens < units - 1e-9) {
        await this.clock.wait(Math.max(1, Math.ceil(((units - this.tokens) / this.rate) * 1000)));
        this.refill(Math.max(this.rate, units));
      }
      this.tokens -= units;
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** What DynamoDB reported against what was charged: the difference goes back (or is owed). */
  settle(charged: number, consumed: number): void {
    this.refill(this.rate);
    this.tokens += charged - consumed;
  }

  /**
   * Idle time saves at most one second's worth (`cap`), so a pause is never
   * followed by a long burst; a request larger than that saves up for itself
   * alone while it waits its turn (the queue holds the others back meanwhile).
   */
  private refill(cap: number): void {
    const now = this.clock.now();
    this.tokens = Math.min(cap, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
  }
}

/** Write units of one item: 1 KB units rounded up per item. */
export function writeUnits(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / 1024));
}

/** Read units of a page of `bytes`: 4 KB units rounded up over the page; eventually consistent reads cost half. */
export function readUnits(bytes: number, consistent: boolean): number {
  const units = Math.max(1, Math.ceil(bytes / 4096));
  return consistent ? units : units / 2;
}
