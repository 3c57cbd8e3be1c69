// Reads retried with backoff: what is retried, how long, and what is not.

import { describe, expect, it } from 'vitest';
import { TransferError } from '../../src/errors.js';
import { abortableSleep } from '../../src/aws/poll.js';
import { Aborted, Breaker, MAX_ATTEMPTS, backoff, pause, withRetries } from '../../src/aws/retry.js';

function failing(errors: unknown[], value = 'page'): () => Promise<string> {
  let calls = 0;
  return async () => {
    const error = errors[calls++];
    if (error !== undefined) throw error;
    return value;
  };
}

const throttled = Object.assign(new Error('slow down'), { name: 'ProvisionedThroughputExceededException' });
const dropped = Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
const serverError = Object.assign(new Error('oops'), { name: 'Weird', $metadata: { httpStatusCode: 503 } });

describe('withRetries', () => {
  it('retries throttling, dropped connections and server errors, sleeping between attempts', async () => {
    const sleeps: number[] = [];
    const deps = { sleep: async (ms: number) => void sleeps.push(ms), random: () => 1 };
    await expect(withRetries('Scan of t', failing([throttled, dropped, serverError]), deps)).resolves.toBe('page');
    expect(sleeps).toEqual([backoff(1, () => 1), backoff(2, () => 1), backoff(3, () => 1)]);
    expect(sleeps).toEqual([100, 200, 400]);
  });

  it('gives up after MAX_ATTEMPTS with what failed and why', async () => {
    const attempt = withRetries('Scan of t', failing(Array(MAX_ATTEMPTS).fill(throttled)), {
      sleep: async () => undefined,
    });
    await expect(attempt).rejects.toThrow(
      new TransferError(
        'READ_FAILED',
        `Scan of t still failed with ProvisionedThroughputExceededException after ${MAX_ATTEMPTS} attempts: slow down`,
      ),
    );
  });

  it('does not retry an error that cannot get better', async () => {
    const denied = Object.assign(new Error('no'), { name: 'AccessDeniedException' });
    let sleeps = 0;
    await expect(withRetries('Scan of t', failing([denied]), { sleep: async () => void sleeps++ })).rejects.toBe(
      denied,
    );
    expect(sleeps).toBe(0);
  });
});

describe('the breaker', () => {
  it('cuts a backoff short when it opens, with its ENDPOINT_UNAVAILABLE error', async () => {
    const breaker = new Breaker();
    const started = Date.now();
    const waiting = pause(10_000, { sleep: abortableSleep, breaker });
    setTimeout(() => breaker.open('BatchWriteItem on t', dropped, 'the test says so'), 20);
    await expect(waiting).rejects.toMatchObject({ code: 'ENDPOINT_UNAVAILABLE' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('stops the call whose failure opened it without sleeping first', async () => {
    const breaker = new Breaker();
    for (let i = 1; i < 3 * MAX_ATTEMPTS; i++) breaker.failed('Scan of t', dropped);
    let sleeps = 0;
    const attempt = withRetries('Scan of t', failing([dropped, dropped]), {
      sleep: async () => void sleeps++,
      breaker,
    });
    await expect(attempt).rejects.toThrow(/^Scan of t failed with ECONNRESET \(aborted\); 30 requests in a row failed/);
    expect(sleeps).toBe(0);
  });

  it('is not opened by throttling, which says the endpoint is there and busy', () => {
    const breaker = new Breaker();
    for (let i = 0; i < 10 * MAX_ATTEMPTS; i++) breaker.failed('Scan of t', throttled);
    expect(() => breaker.throwIfOpen()).not.toThrow();
  });
});

describe('a cancel', () => {
  it('ends a backoff at once, as a CANCELLED error', async () => {
    const controller = new AbortController();
    const waiting = pause(10_000, { sleep: abortableSleep, signal: controller.signal, breaker: new Breaker() });
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(Aborted);
    await expect(waiting).rejects.toMatchObject({ code: 'CANCELLED', shown: 'CANCELLED: The step was cancelled' });
  });
});

describe('Breaker', () => {
  it('opens when failures go on with nothing getting through for 30 s, as with a frozen endpoint', () => {
    let now = 0;
    const breaker = new Breaker(() => now);
    const timeout = Object.assign(new Error('timed out'), { name: 'TimeoutError' });
    breaker.failed('Scan of t', timeout);
    breaker.failed('Scan of t', timeout);
    now = 29_000;
    breaker.failed('Scan of t', timeout);
    expect(() => breaker.throwIfOpen()).not.toThrow();
    now = 31_000;
    breaker.failed('Scan of t', timeout);
    expect(() => breaker.throwIfOpen()).toThrow(/no request got through for 31 s/);
  });

  it('stays closed while requests get through between failures', () => {
    let now = 0;
    const breaker = new Breaker(() => now);
    const timeout = Object.assign(new Error('timed out'), { name: 'TimeoutError' });
    for (let i = 0; i < 20; i++) {
      now += 10_000;
      breaker.failed('Scan of t', timeout);
      breaker.succeeded();
    }
    expect(() => breaker.throwIfOpen()).not.toThrow();
  });
});
