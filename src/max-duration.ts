// `max-duration` and `timeout`: the direct engine stops itself the way a
// cancel stops it, through the same AbortSignal, but with a reason. After
// max-duration the run ends green with status IN_PROGRESS and a hint to run
// the step again, which continues it; after `timeout` it ends the same way
// but red (WAIT_TIMED_OUT), as a managed job still running at `timeout` does.

import { formatDuration } from './parsing/values.js';
import type { TransferResult } from './result.js';

/** The abort reason when max-duration or timeout ran out; any other reason is a cancel. */
export abstract class DeadlineReached extends Error {
  readonly limitMs: number;

  constructor(input: 'max-duration' | 'timeout', limitMs: number) {
    super(`${input} (${formatDuration(limitMs)}) reached`);
    this.limitMs = limitMs;
  }
}

export class MaxDurationReached extends DeadlineReached {
  constructor(limitMs: number) {
    super('max-duration', limitMs);
    this.name = 'MaxDurationReached';
  }
}

export class TimeoutReached extends DeadlineReached {
  constructor(limitMs: number) {
    super('timeout', limitMs);
    this.name = 'TimeoutReached';
  }
}

export interface WorkSignal {
  signal: AbortSignal;
  /** Clears the timer; the process may then end without waiting for it. */
  dispose(): void;
}

/**
 * A signal that aborts when `cancel` does (SIGTERM, SIGINT), when `limitMs`
 * (max-duration) has passed since `startedAt`, with a MaxDurationReached
 * reason, or when `timeoutMs` has, with a TimeoutReached one; the earlier
 * wins, max-duration on a tie.
 */
export function workSignal(
  cancel: AbortSignal | undefined,
  limitMs: number | undefined,
  startedAt: number,
  now: () => number,
  onReached: (reason: DeadlineReached) => void,
  timeoutMs?: number,
): WorkSignal {
  const controller = new AbortController();
  const onCancel = () => controller.abort(cancel?.reason);
  if (cancel?.aborted) onCancel();
  else cancel?.addEventListener('abort', onCancel, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const deadline =
    limitMs !== undefined && (timeoutMs === undefined || limitMs <= timeoutMs)
      ? () => new MaxDurationReached(limitMs)
      : timeoutMs !== undefined
        ? () => new TimeoutReached(timeoutMs)
        : undefined;
  if (deadline !== undefined) {
    const reason = deadline();
    timer = setTimeout(
      () => {
        if (controller.signal.aborted) return;
        onReached(reason);
        controller.abort(reason);
      },
      Math.max(0, startedAt + reason.limitMs - now()),
    );
  }
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      cancel?.removeEventListener('abort', onCancel);
    },
  };
}

/**
 * A direct run stopped by max-duration or timeout is not a cancel: it has
 * status IN_PROGRESS, and its note says how to go on; after timeout it is
 * `timedOut`, which fails the step. Any other result is returned as it is.
 */
export function afterMaxDuration(result: TransferResult, signal: AbortSignal): TransferResult {
  const reason: unknown = signal.reason;
  if (!(reason instanceof DeadlineReached) || result.aborted !== true || result.engine !== 'direct') return result;
  const rest = { ...result };
  delete rest.aborted;
  return {
    ...rest,
    status: 'IN_PROGRESS',
    ...(reason instanceof TimeoutReached && { timedOut: true }),
    note: `${reason.message}: the ${result.mode} stopped, and a run of this step with the same inputs continues it where it stopped (resume: auto). ${result.note ?? ''}`.trim(),
  };
}
