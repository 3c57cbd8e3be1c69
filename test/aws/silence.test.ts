// Silence has one retry layer, the action's (issue 23): the SDK tries a
// request again after throttling, a server error or a refused connection,
// never after a timeout; and a single timed-out request, with nothing else
// getting through for 30 s, opens the breaker, naming the endpoint.

import { describe, expect, it } from 'vitest';
import { isConnectionFailure, unreachable } from '../../src/aws/errors.js';
import { Breaker } from '../../src/aws/retry.js';
import { SDK_ATTEMPTS, sdkRetryStrategy } from '../../src/aws/sdk-retry.js';

const timeout = () =>
  Object.assign(new Error('a request has exceeded the configured 60000 ms requestTimeout.'), {
    name: 'TimeoutError',
    code: 'ETIMEDOUT',
    endpoint: 'http://127.0.0.1:8000',
  });
const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), {
    code: 'ECONNREFUSED',
    endpoint: 'http://127.0.0.1:8000',
  });

describe("the SDK's own retries", () => {
  it('tries throttling, transient errors and refused connections up to 3 times in all, a timeout once', async () => {
    const strategy = sdkRetryStrategy(SDK_ATTEMPTS, () => 0);
    let token = await strategy.acquireInitialRetryToken('');
    token = await strategy.refreshRetryTokenForRetry(token, { errorType: 'THROTTLING' });
    token = await strategy.refreshRetryTokenForRetry(token, { errorType: 'TRANSIENT', error: refused() as never });
    expect(token.getRetryCount()).toBe(2);
    await expect(strategy.refreshRetryTokenForRetry(token, { errorType: 'THROTTLING' })).rejects.toBeDefined();
    const fresh = await strategy.acquireInitialRetryToken('');
    await expect(
      strategy.refreshRetryTokenForRetry(fresh, { errorType: 'TRANSIENT', error: timeout() as never }),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
    await expect(strategy.refreshRetryTokenForRetry(fresh, { errorType: 'CLIENT_ERROR' })).rejects.toBeDefined();
    // A throttled request waits as the SDK's standard strategy has it wait: up to 1 s, then 2 s.
    const slow = sdkRetryStrategy(SDK_ATTEMPTS, () => 0.999);
    const first = await slow.refreshRetryTokenForRetry(await slow.acquireInitialRetryToken(''), {
      errorType: 'THROTTLING',
    });
    expect(first.getRetryDelay()).toBe(999);
    const second = await slow.refreshRetryTokenForRetry(first, { errorType: 'THROTTLING' });
    expect(second.getRetryDelay()).toBe(1998);
  });
});

describe('the breaker and silence', () => {
  it('opens on one timed-out request when nothing got through for 30 s, naming the endpoint', () => {
    let now = 0;
    const breaker = new Breaker(() => now);
    now = 61_000;
    breaker.failed('BatchWriteItem on t', timeout());
    expect(() => breaker.throwIfOpen()).toThrow(
      /^BatchWriteItem on t failed with ETIMEDOUT at http:\/\/127\.0\.0\.1:8000 .*no request got through for 61 s/,
    );
  });

  it('does not open on a timed-out request while others get through', () => {
    let now = 0;
    const breaker = new Breaker(() => now);
    now = 61_000;
    breaker.succeeded();
    now = 62_000;
    breaker.failed('Scan of t', timeout());
    expect(() => breaker.throwIfOpen()).not.toThrow();
  });
});

describe('a connection that fails after every retry', () => {
  it('is ENDPOINT_UNAVAILABLE naming the endpoint; other errors pass as they are', () => {
    expect(isConnectionFailure(refused())).toBe(true);
    expect(isConnectionFailure(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe(true);
    expect(
      isConnectionFailure(
        Object.assign(new Error('the request socket did not establish a connection with the server within 5000 ms'), {
          name: 'TimeoutError',
        }),
      ),
    ).toBe(true);
    expect(unreachable(refused(), 'DescribeTable of t')).toMatchObject({
      code: 'ENDPOINT_UNAVAILABLE',
      message: expect.stringMatching(/^DescribeTable of t failed with ECONNREFUSED at http:\/\/127\.0\.0\.1:8000 /),
    });
    const other = new Error('other');
    expect(unreachable(other)).toBe(other);
  });
});
