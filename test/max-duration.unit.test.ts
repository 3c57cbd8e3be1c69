// The max-duration timer aborts the work's signal with its own reason, a
// cancel aborts it with any other, and only the former turns a stopped direct
// run into a green IN_PROGRESS.

import { describe, expect, it } from 'vitest';
import {
  type DeadlineReached,
  MaxDurationReached,
  TimeoutReached,
  afterMaxDuration,
  workSignal,
} from '../src/max-duration.js';
import type { TransferResult } from '../src/result.js';

const stopped: TransferResult = {
  mode: 'export',
  engine: 'direct',
  engineReason: 'endpoint-url is set',
  status: 'CANCELLED',
  aborted: true,
  durationSeconds: 2,
  errors: [],
  itemCount: 10,
  note: '10 item(s) were written to 1 data file(s) before the stop.',
};

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('workSignal', () => {
  it('aborts with MaxDurationReached when the time since the start has passed', async () => {
    const reached: DeadlineReached[] = [];
    const start = Date.now();
    // The step started 950 ms ago: 50 ms are left of one second.
    const work = workSignal(undefined, 1000, start - 950, Date.now, (r) => reached.push(r));
    expect(work.signal.aborted).toBe(false);
    await tick(200);
    expect(work.signal.aborted).toBe(true);
    expect(work.signal.reason).toBeInstanceOf(MaxDurationReached);
    expect((work.signal.reason as Error).message).toBe('max-duration (1s) reached');
    expect(reached).toHaveLength(1);
    work.dispose();
  });

  it('passes a cancel on with its own reason, and the timer then does nothing', async () => {
    const cancel = new AbortController();
    const reached: unknown[] = [];
    const work = workSignal(cancel.signal, 50, Date.now(), Date.now, (r) => reached.push(r));
    cancel.abort('SIGTERM');
    expect(work.signal.aborted).toBe(true);
    expect(work.signal.reason).toBe('SIGTERM');
    await tick(100);
    expect(reached).toEqual([]);
    work.dispose();
  });

  it('aborts with TimeoutReached when timeout comes before max-duration, and with MaxDurationReached on a tie', async () => {
    const start = Date.now();
    const timeout = workSignal(undefined, 60_000, start - 950, Date.now, () => undefined, 1000);
    const tie = workSignal(undefined, 1000, start - 950, Date.now, () => undefined, 1000);
    await tick(200);
    expect(timeout.signal.reason).toBeInstanceOf(TimeoutReached);
    expect((timeout.signal.reason as Error).message).toBe('timeout (1s) reached');
    expect(tie.signal.reason).toBeInstanceOf(MaxDurationReached);
    timeout.dispose();
    tie.dispose();
  });

  it('without a limit, aborts only on a cancel; dispose stops the timer', async () => {
    const work = workSignal(undefined, undefined, Date.now(), Date.now, () => undefined);
    const timed = workSignal(undefined, 30, Date.now(), Date.now, () => undefined);
    timed.dispose();
    await tick(80);
    expect(work.signal.aborted).toBe(false);
    expect(timed.signal.aborted).toBe(false);
    work.dispose();
  });
});

describe('afterMaxDuration', () => {
  it('turns a direct run stopped by max-duration into IN_PROGRESS with a hint to run again', () => {
    const controller = new AbortController();
    controller.abort(new MaxDurationReached(5000));
    const shown = afterMaxDuration(stopped, controller.signal);
    expect(shown.status).toBe('IN_PROGRESS');
    expect(shown.aborted).toBeUndefined();
    expect(shown.itemCount).toBe(10);
    expect(shown.note).toBe(
      'max-duration (5s) reached: the export stopped, and a run of this step with the same inputs continues it where it stopped (resume: auto). 10 item(s) were written to 1 data file(s) before the stop.',
    );
  });

  it('leaves a cancel, a failure and a finished run as they are', () => {
    const cancelled = new AbortController();
    cancelled.abort();
    expect(afterMaxDuration(stopped, cancelled.signal)).toBe(stopped);
    const timedOut = new AbortController();
    timedOut.abort(new MaxDurationReached(5000));
    const ended: TransferResult = { ...stopped };
    delete ended.aborted;
    const failed: TransferResult = { ...ended, status: 'FAILED', failure: 'READ_FAILED: x' };
    expect(afterMaxDuration(failed, timedOut.signal)).toBe(failed);
    const completed: TransferResult = { ...ended, status: 'COMPLETED' };
    expect(afterMaxDuration(completed, timedOut.signal)).toBe(completed);
  });
});
