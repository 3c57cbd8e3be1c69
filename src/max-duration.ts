// `max-duration`: the direct engine stops itself the way a cancel stops it,
// through the same AbortSignal, but with a reason, so that the run ends green
// with status IN_PROGRESS and a hint to run the step again, which continues it.

import { formatDuration } from './parsing/values.js';
import type { TransferResult } from './result.js';

/** The abort reason when max-duration ran out; any other reason is a cancel. */
export class MaxDurationReached extends Error {
  readonly limitMs: number;

  constructor(limitMs: number) {
    super(`max-duration (${formatDuration(limitMs)}) reached`);
    this.name = 'MaxDurationReached';
    this.limitMs = limitMs;
  }
}

export interface WorkSignal {
  signal: AbortSignal;
  /** Clears the timer; the process may then end without waiting for it. */
  dispose(): void;
}

/**
 * A signal that aborts when `cancel` does (SIGTERM, SIGINT) or when
 * `limitMs` has passed since `startedAt`, with a MaxDurationReached reason.
 */
export function workSignal(
  cancel: AbortSignal | undefined,
  limitMs: number | undefined,
  startedAt: number,
  now: () => number,
  onReached: (reason: MaxDurationReached) => void,
): WorkSignal {
  const controller = new AbortController();
  const onCancel = () => controller.abort(cancel?.reason);
  if (cancel?.aborted) onCancel();
  else cancel?.addEventListener('abort', onCancel, { once: true });
  let timer: NodeJS.Timeout | undefined;
  if (limitMs !== undefined) {
    timer = setTimeout(
      () => {
        if (controller.signal.aborted) return;
        const reason = new MaxDurationReached(limitMs);
        onReached(reason);
        controller.abort(reason);
      },
      Math.max(0, startedAt + limitMs - now()),
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
 * A direct run stopped by max-duration is not a cancel: it ends green with
 * status IN_PROGRESS, and its note says how to go on. Any other result is
 * returned as it is.
 */
export function afterMaxDuration(result: TransferResult, signal: AbortSignal): TransferResult {
  const reason: unknown = signal.reason;
  if (!(reason instanceof MaxDurationReached) || result.aborted !== true || result.engine !== 'direct') return result;
  const rest = { ...result };
  delete rest.aborted;
  return {
    ...rest,
    status: 'IN_PROGRESS',
    note: `${reason.message}: the ${result.mode} stopped, and a run of this step with the same inputs continues it where it stopped (resume: auto). ${result.note ?? ''}`.trim(),
  };
}
