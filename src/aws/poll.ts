// One poll loop for AWS's jobs and for a table becoming ACTIVE: exponential
// backoff with jitter from the first interval up to a cap, a deadline checked
// before every sleep, an AbortSignal, and a progress callback. Unlike the
// SDK's waiters it fails fast on errors that cannot get better, and retries
// those that can (the one retry policy's list), remembering the last one so
// a poll that stays throttled says so.

import { errorName, isRetryable, messageOf } from './retry.js';

export interface PollOptions<T> {
  describe: () => Promise<T>;
  isFinal: (state: T) => boolean;
  onPoll: (state: T) => void;
  firstIntervalMs: number;
  maxIntervalMs?: number;
  /** Epoch milliseconds after which the loop gives up. */
  deadline: number;
  signal?: AbortSignal | undefined;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
  random?: () => number;
  /** Gives up, with the last error, after this many failed polls in a row (default: never before the deadline). */
  maxConsecutiveErrors?: number;
}

/** Set when the last poll failed and was retried: `ThrottlingException: Rate exceeded`. */
export interface PollError {
  lastError?: string;
}

export type PollOutcome<T> =
  | { kind: 'final'; state: T }
  | ({ kind: 'deadline'; state: T | undefined } & PollError)
  | ({ kind: 'aborted'; state: T | undefined } & PollError);

export async function pollUntil<T>(options: PollOptions<T>): Promise<PollOutcome<T>> {
  const random = options.random ?? Math.random;
  const maxInterval = options.maxIntervalMs ?? 60_000;
  let interval = options.firstIntervalMs;
  let state: T | undefined;
  let lastError: string | undefined;
  let errorsInARow = 0;
  const ended = (kind: 'deadline' | 'aborted'): PollOutcome<T> => ({
    kind,
    state,
    ...(lastError === undefined ? {} : { lastError }),
  });
  for (;;) {
    if (options.signal?.aborted) return ended('aborted');
    try {
      state = await options.describe();
      lastError = undefined;
      errorsInARow = 0;
      options.onPoll(state);
      if (options.isFinal(state)) return { kind: 'final', state };
    } catch (error) {
      if (!isRetryable(error)) throw error;
      errorsInARow += 1;
      if (errorsInARow >= (options.maxConsecutiveErrors ?? Number.POSITIVE_INFINITY)) throw error;
      lastError = `${errorName(error)}: ${messageOf(error)}`;
    }
    // Jitter between half and the whole interval, so parallel jobs do not poll in step.
    const delay = Math.round(interval * (0.5 + random() / 2));
    if (options.now() + delay > options.deadline) return ended('deadline');
    try {
      await options.sleep(delay, options.signal);
    } catch {
      return ended('aborted');
    }
    interval = Math.min(maxInterval, interval * 2);
  }
}

/** A sleep that ends early, with a rejection, when the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
