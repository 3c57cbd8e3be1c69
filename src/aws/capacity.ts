// The capacity budget (max-capacity): one token bucket shared by every worker
// of a run. A request is charged its estimate before it is sent and settled
// with what DynamoDB reports after, so the rate holds whatever the item sizes.
// A request waits only until the bucket is out of debt, then may overdraw it
// by its own estimate: callers keep each estimate within a second's worth.

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

  /** Waits its turn (first come, first served) until the bucket is out of debt, then charges `units`. */
  take(units: number): Promise<void> {
    const turn = this.queue.then(async () => {
      for (;;) {
        this.refill();
        if (this.tokens >= 0) break;
        await this.clock.wait(Math.max(1, Math.ceil((-this.tokens / this.rate) * 1000)));
      }
      this.tokens -= units;
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** What DynamoDB reported against what was charged: the difference goes back (or is owed). */
  settle(charged: number, consumed: number): void {
    this.refill();
    this.tokens += charged - consumed;
  }

  private refill(): void {
    const now = this.clock.now();
    // Idle time saves at most one second's worth, so a pause is never followed by a long burst.
    this.tokens = Math.min(this.rate, this.tokens + ((now - this.last) / 1000) * this.rate);
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
