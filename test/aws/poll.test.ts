// The one poll loop: what it retries, and when it stops retrying.

import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../src/aws/poll.js';
import { waitUntilActive } from '../../src/aws/table.js';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' });

function clock() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => void (now += ms) };
}

describe('pollUntil', () => {
  it('gives up with the last error after maxConsecutiveErrors failed polls in a row', async () => {
    let polls = 0;
    const outcome = pollUntil({
      describe: async () => {
        polls += 1;
        throw refused();
      },
      isFinal: () => true,
      onPoll: () => undefined,
      firstIntervalMs: 250,
      deadline: 6 * 3_600_000,
      maxConsecutiveErrors: 10,
      ...clock(),
    });
    await expect(outcome).rejects.toThrow('ECONNREFUSED');
    expect(polls).toBe(10);
  });

  it('keeps polling through errors that come and go, up to the deadline', async () => {
    let polls = 0;
    const outcome = await pollUntil({
      describe: async () => {
        polls += 1;
        if (polls % 2 === 0) throw refused();
        return 'CREATING';
      },
      isFinal: () => false,
      onPoll: () => undefined,
      firstIntervalMs: 1000,
      maxIntervalMs: 1000,
      deadline: 60_000,
      maxConsecutiveErrors: 2,
      ...clock(),
    });
    expect(outcome.kind).toBe('deadline');
    expect(polls).toBeGreaterThan(20);
  });
});

describe('waitUntilActive', () => {
  it('fails with ENDPOINT_UNAVAILABLE, not after hours, when DynamoDB stops answering while a table is created', async () => {
    const dynamodb = { send: async () => Promise.reject(refused()) } as unknown as DynamoDBClient;
    await expect(
      waitUntilActive('Orders', { dynamodb, log: () => undefined, ...clock() }, 6 * 3_600_000),
    ).rejects.toMatchObject({
      code: 'ENDPOINT_UNAVAILABLE',
      message: expect.stringContaining(
        'DescribeTable of Orders, waiting for it to become ACTIVE failed with ECONNREFUSED',
      ),
    });
  });
});
