// One poll loop for AWS's jobs: exponential backoff with jitter from the
// first interval up to 60 s, a deadline checked before every sleep, an
// AbortSignal, and a progress callback. Unlike the SDK's waiters it fails
// fast on errors that cannot get better, and retries those that can.

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
}

export type PollOutcome<T> =
  { kind: 'final'; state: T } | { kind: 'deadline'; state: T | undefined } | { kind: 'aborted'; state: T | undefined };

/** Errors worth another try: throttling, timeouts, 5xx. Not found, access denied and validation are final. */
export function isTransient(error: unknown): boolean {
  const e = error as { name?: string; $retryable?: unknown; $metadata?: { httpStatusCode?: number } };
  const name = e.name ?? '';
  if (
    [
      'ThrottlingException',
      'RequestLimitExceeded',
      'ProvisionedThroughputExceededException',
      'LimitExceededException',
      'InternalServerError',
      'ServiceUnavailable',
      'TimeoutError',
      'RequestTimeout',
    ].includes(name)
  )
    return true;
  if (e.$retryable !== undefined) return true;
  const status = e.$metadata?.httpStatusCode;
  return status !== undefined && (status >= 500 || status === 429);
}

export async function pollUntil<T>(options: PollOptions<T>): Promise<PollOutcome<T>> {
  const random = options.random ?? Math.random;
  const maxInterval = options.maxIntervalMs ?? 60_000;
  let interval = options.firstIntervalMs;
  let state: T | undefined;
  for (;;) {
    if (options.signal?.aborted) return { kind: 'aborted', state };
    try {
      state = await options.describe();
      options.onPoll(state);
      if (options.isFinal(state)) return { kind: 'final', state };
    } catch (error) {
      if (!isTransient(error)) throw error;
    }
    // Jitter between half and the whole interval, so parallel jobs do not poll in step.
    const delay = Math.round(interval * (0.5 + random() / 2));
    if (options.now() + delay > options.deadline) return { kind: 'deadline', state };
    try {
      await options.sleep(delay, options.signal);
    } catch {
      return { kind: 'aborted', state };
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
