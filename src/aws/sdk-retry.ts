// The SDK's own retries, declared beside the action's (retry.ts) so that the
// two layers do not multiply. At the wire the SDK tries a request at most
// SDK_ATTEMPTS times, quickly, for throttling, server errors and refused or
// reset connections; after silence (a request, socket or connect timeout) it
// never tries again: silence is the action's alone to judge, once a request,
// with its breaker. The action's policy wraps this one: a BatchWriteItem, a
// Scan page or a poll is tried up to MAX_ATTEMPTS times. Before, the SDK's
// three attempts of 60 s each sat inside the action's retries, and a frozen
// DynamoDB held the step for 6 minutes without a word.

import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';
import { backoff, isSilence } from './retry.js';

export const SDK_ATTEMPTS = 3;

export function sdkRetryStrategy(attempts = SDK_ATTEMPTS, random: () => number = Math.random): RetryStrategyV2 {
  const token = (count: number, delay: number): RetryToken => ({
    getRetryCount: () => count,
    getRetryDelay: () => delay,
  });
  return {
    acquireInitialRetryToken: () => Promise.resolve(token(0, 0)),
    refreshRetryTokenForRetry: (previous: RetryToken, info: RetryErrorInfo) => {
      const count = previous.getRetryCount() + 1;
      // Refused: the SDK then throws the request's own error.
      if (count >= attempts || info.errorType === 'CLIENT_ERROR' || isSilence(info.error))
        return Promise.reject(info.error ?? new Error('not retried'));
      return Promise.resolve(token(count, backoff(count, random)));
    },
    recordSuccess: () => undefined,
  };
}
