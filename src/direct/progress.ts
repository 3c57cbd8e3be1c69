// A progress line at most every 10 seconds: items, rate, bytes, errors and,
// when the total is known, percent done and time left.

import { formatBytes } from '../summary.js';
import { formatDuration } from '../parsing/values.js';

export interface ProgressCounts {
  items: number;
  bytes: number;
  errors: number;
}

export class Progress {
  private last: number;
  private readonly started: number;
  private readonly verb: string;
  private readonly total: number | undefined;
  private readonly log: (line: string) => void;
  private readonly now: () => number;
  private readonly intervalMs: number;

  constructor(options: {
    verb: string;
    total?: number | undefined;
    log: (line: string) => void;
    now: () => number;
    intervalMs?: number;
  }) {
    this.verb = options.verb;
    this.total = options.total;
    this.log = options.log;
    this.now = options.now;
    this.intervalMs = options.intervalMs ?? 10_000;
    this.started = this.now();
    this.last = this.started;
  }

  update(counts: ProgressCounts): void {
    const now = this.now();
    if (now - this.last < this.intervalMs) return;
    this.last = now;
    this.log(this.line(counts, now));
  }

  line(counts: ProgressCounts, now = this.now()): string {
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const rate = counts.items / seconds;
    let text = `${this.verb} ${counts.items.toLocaleString('en-US')} items (${Math.round(rate).toLocaleString('en-US')}/s, ${formatBytes(counts.bytes)}), ${counts.errors} error(s)`;
    if (this.total !== undefined && this.total > 0 && rate > 0) {
      const percent = Math.min(100, (counts.items / this.total) * 100);
      const left = Math.max(0, this.total - counts.items) / rate;
      text += `, about ${percent.toFixed(0)}% done, ${formatDuration(left * 1000)} left`;
    }
    return text;
  }
}
