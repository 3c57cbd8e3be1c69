// Keeps the two sides of a comparison in step: neither reads more than
// `lead` items ahead of the other. Reading the source flat out (60,000 items
// a second from a local export) beside a Scan that gives a few thousand made
// the heap grow to three times its size in the first seconds, and the memory
// stays with the process. Paced, the whole takes as long as the slower side,
// as before, and allocates at its speed. A side that has finished, or a stop,
// holds nobody back.

export type Side = 'table' | 'source';

export class Pace {
  private readonly read: Record<Side, number> = { table: 0, source: 0 };
  private readonly done: Record<Side, boolean> = { table: false, source: false };
  private readonly lead: number;
  private waiters: (() => void)[] = [];
  private stopped = false;

  constructor(lead: number, signal?: AbortSignal) {
    this.lead = lead;
    if (signal?.aborted) this.stopped = true;
    signal?.addEventListener('abort', () => this.stop(), { once: true });
  }

  /** Counts `items` read by `side`, and waits while that side is more than `lead` items ahead. */
  async step(side: Side, items: number): Promise<void> {
    this.read[side] += items;
    this.wake();
    const other: Side = side === 'table' ? 'source' : 'table';
    while (!this.stopped && !this.done[other] && this.read[side] > this.read[other] + this.lead) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** `side` has read all it will (or failed): the other goes on at its own speed. */
  finish(side: Side): void {
    this.done[side] = true;
    this.wake();
  }

  private stop(): void {
    this.stopped = true;
    this.wake();
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const resolve of waiting) resolve();
  }
}
