// The SDK's own retries, declared beside the action's (retry.ts) so that the
// two layers do not multiply. At the wire the SDK tries a request at most
// SDK_ATTEMPTS times, with its standard backoff, after throttling, a server
// error or a refused or reset connection; after silence (a request, socket or connect timeout) it
// never tries again: silence is the action's alone to judge, once a request,
// with its breaker. The action's policy wraps this one: a BatchWriteItem, a
// Scan page or a poll is tried up to MAX_ATTEMPTS times. Before, the SDK's
// three attempts of 60 s each sat inside the action's retries, and a frozen
// DynamoDB held the step for 6 minutes without a word.

import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';
import { isSilence } from './retry.js';

export const SDK_ATTEMPTS = 3;

/**
 * The SDK's standard backoff, kept: full jitter from 1 s for throttling (so a
 * throttled request leaves the endpoint alone for a while, which the
 * throttling tests rely on) and from 50 ms otherwise, doubling, at most 20 s.
 */
const THROTTLING_DELAY_MS = 1000;
const DELAY_MS = 50;
const MAX_DELAY_MS = 20_000;

export function sdkRetryStrategy(attempts = SDK_ATTEMPTS, random: () => number = Math.random): RetryStrategyV2 {
  const token = (count: number, delay: number): RetryToken => ({
    getRetryCount: () => count,
    getRetryDelay: () => delay,
  });
  return {
    acquireInitialRetryToken: () => Promise.resolve(token(0, 0)),
    refreshRetryTokenForRetry: (previous: RetryToken, info: RetryErrorInfo) => {
      const retries = previous.getRetryCount();
      const retryable = info.errorType === 'THROTTLING' || info.errorType === 'TRANSIENT';
      // Refused: the SDK then throws the request's own error.
      if (retries + 1 >= attempts || !retryable || isSilence(info.error))
        return Promise.reject(info.error ?? new Error('not retried'));
      const base = info.errorType === 'THROTTLING' ? THROTTLING_DELAY_MS : DELAY_MS;
      const delay = Math.floor(random() * Math.min(base * 2 ** retries, MAX_DELAY_MS));
      const hinted = info.retryAfterHint === undefined ? 0 : info.retryAfterHint.getTime() - Date.now();
      return Promise.resolve(token(retries + 1, Math.max(delay, Math.min(hinted, delay + 5000))));
    },
    recordSuccess: () => undefined,
  };
}
