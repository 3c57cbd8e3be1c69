// Reads retried with backoff: what is retried, how long, and what is not.

import { describe, expect, it } from 'vitest';
import { TransferError } from '../../src/errors.js';
import { MAX_ATTEMPTS, backoff, withRetries } from '../../src/aws/retry.js';

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
