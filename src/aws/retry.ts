// The one retry policy for every AWS call the action repeats: job polls,
// Scan and Query pages, BatchWriteItem. One list of what is worth another
// try, one jittered backoff, one abort signal, and a breaker shared by all
// workers: when the endpoint is gone (every request failing, nothing getting
// through) the work stops with one message instead of retrying item by item.

import { TransferError } from '../errors.js';

export const MAX_ATTEMPTS = 10;
const BASE_DELAY_MS = 50;
const MAX_DELAY_MS = 10_000;

/** Throttling, server trouble and dropped connections: another try may succeed. */
const RETRYABLE = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'LimitExceededException',
  'InternalServerError',
  'InternalFailure',
  'ServiceUnavailable',
  'TransactionConflictException',
  'TimeoutError',
  'RequestTimeout',
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** Failures of the endpoint rather than of one request: they count towards the breaker. */
const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'LimitExceededException',
]);

/** The error's name, or the system error code (ECONNREFUSED) under a generic name. */
export function errorName(error: unknown): string {
  const e = error as { name?: string; code?: string; cause?: { code?: string } };
  const code = e.code ?? e.cause?.code;
  if (code !== undefined && RETRYABLE.has(code)) return code;
  return e.name ?? 'Error';
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function isRetryable(error: unknown): boolean {
  if (RETRYABLE.has(errorName(error))) return true;
  const e = error as { $retryable?: unknown; $metadata?: { httpStatusCode?: number } };
  if (e.$retryable !== undefined) return true;
  const status = e.$metadata?.httpStatusCode;
  return status !== undefined && (status >= 500 || status === 429);
}

export function isThrottling(error: unknown): boolean {
  return THROTTLING.has(errorName(error));
}

/**
 * No answer in time: a request, socket or connect timeout. A request that
 * timed out was silent for the whole timeout (60 s for DynamoDB), so one is
 * evidence enough that the endpoint is frozen when nothing else got through.
 */
export function isSilence(error: unknown): boolean {
  const e = error as { name?: string; code?: string } | undefined;
  return e?.name === 'TimeoutError' || e?.code === 'ETIMEDOUT';
}

/** The endpoint a failed request was for, when the client noted it (clients.ts), as ` at http://host:port`. */
export function atEndpoint(error: unknown): string {
  const endpoint = (error as { endpoint?: unknown } | undefined)?.endpoint;
  return typeof endpoint === 'string' ? ` at ${endpoint}` : '';
}

/** Full jitter: a random delay up to an exponentially growing cap. */
export function backoff(attempt: number, random: () => number = Math.random): number {
  return Math.round(random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt));
}

export interface RetryDeps {
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  signal?: AbortSignal | undefined;
}

/** Consecutive failed attempts, across every worker, after which the endpoint counts as gone. */
const BREAKER_THRESHOLD = 3 * MAX_ATTEMPTS;
/**
 * Failures with nothing getting through for this long also count as gone: a
 * frozen endpoint fails slowly (each request only after its timeout), so
 * three such failures, or a single timed-out request, are enough.
 */
const SILENCE_MS = 30_000;
const SILENCE_FAILURES = 3;

/**
 * Shared by every worker of one run. Any success closes it again; a run of
 * failures with nothing getting through, or one request that used all its
 * attempts on endpoint failures, opens it, and every worker then stops: those
 * waiting out a backoff at once, not when their wait ends.
 */
export class Breaker {
  private failures = 0;
  private opened: TransferError | undefined;
  private readonly tripped = new AbortController();
  private readonly now: () => number;
  private lastSuccess: number;

  constructor(now: () => number = Date.now) {
    this.now = now;
    this.lastSuccess = now();
  }

  /** Aborted when the breaker opens: cuts every backoff short. */
  get signal(): AbortSignal {
    return this.tripped.signal;
  }

  succeeded(): void {
    this.failures = 0;
    this.lastSuccess = this.now();
  }

  failed(what: string, error: unknown): void {
    if (isThrottling(error)) return; // throttling says the endpoint is there and busy
    this.failures += 1;
    const silent = this.now() - this.lastSuccess;
    if (this.failures >= BREAKER_THRESHOLD) this.open(what, error, `${this.failures} requests in a row failed`);
    else if ((this.failures >= SILENCE_FAILURES || isSilence(error)) && silent >= SILENCE_MS)
      this.open(what, error, `no request got through for ${Math.round(silent / 1000)} s`);
  }

  open(what: string, error: unknown, why: string): TransferError {
    if (this.opened === undefined) {
      this.opened = new TransferError(
        'ENDPOINT_UNAVAILABLE',
        `${what} failed with ${errorName(error)}${atEndpoint(error)} (${messageOf(error)}); ${why}, so the endpoint is taken as gone and the work stopped.`,
      );
      this.tripped.abort();
    }
    return this.opened;
  }

  throwIfOpen(): void {
    if (this.opened !== undefined) throw this.opened;
  }
}

/**
 * Thrown when the step was cancelled while a call waited to be tried again. A
 * TransferError, so that one escaping a caller still reads `CANCELLED: ...`.
 */
export class Aborted extends TransferError {
  constructor() {
    super('CANCELLED', 'The step was cancelled');
    this.name = 'Aborted';
  }
}

/** One call until it succeeds; throttling, server errors and dropped connections are retried. */
export async function withRetries<T>(
  what: string,
  call: () => Promise<T>,
  deps: RetryDeps & { breaker?: Breaker },
  failure: 'READ_FAILED' | 'WRITE_FAILED' = 'READ_FAILED',
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    deps.breaker?.throwIfOpen();
    if (deps.signal?.aborted) throw new Aborted();
    try {
      const result = await call();
      deps.breaker?.succeeded();
      return result;
    } catch (error) {
      // A request the cancel abandoned fails with the SDK's AbortError: the cancel is the reason.
      if (deps.signal?.aborted) throw new Aborted();
      if (!isRetryable(error)) throw error;
      deps.breaker?.failed(what, error);
      deps.breaker?.throwIfOpen(); // this failure may have been the one too many
      if (attempt >= MAX_ATTEMPTS) {
        if (deps.breaker !== undefined && !isThrottling(error))
          throw deps.breaker.open(what, error, `still failing after ${MAX_ATTEMPTS} attempts`);
        throw new TransferError(
          failure,
          `${what} still failed with ${errorName(error)} after ${MAX_ATTEMPTS} attempts: ${messageOf(error)}`,
        );
      }
      await pause(backoff(attempt, deps.random), deps);
    }
  }
}

/**
 * A backoff sleep that a cancel cuts short (Aborted), and so does the breaker
 * opening (its ENDPOINT_UNAVAILABLE error): a worker never sleeps on after the
 * work has stopped.
 */
export async function pause(ms: number, deps: RetryDeps & { breaker?: Breaker }): Promise<void> {
  const signals = [deps.signal, deps.breaker?.signal].filter((s): s is AbortSignal => s !== undefined);
  const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
  try {
    await deps.sleep(ms, signal);
  } catch (error) {
    if (deps.signal?.aborted) throw new Aborted();
    deps.breaker?.throwIfOpen();
    throw error;
  }
}
