// BatchWriteItem until every request is written or has a reason why not:
// UnprocessedItems and throttling are retried with exponential backoff and
// full jitter; an item DynamoDB rejects is found by retrying alone, so one
// bad item never takes its batch down with it. Nothing is dropped. Reads
// (an export's Scan and Query pages) get the same patience.

import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { TransferError } from '../errors.js';

export interface FailedRequest {
  request: WriteRequest;
  code: string;
  reason: string;
}

export interface RetryDeps {
  sleep: (ms: number) => Promise<void>;
  random?: () => number;
}

export const MAX_ATTEMPTS = 10;
const BASE_DELAY_MS = 50;
const MAX_DELAY_MS = 10_000;

const RETRYABLE = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionConflictException',
  'TimeoutError',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
]);

/** Errors about one item's content: retrying it alone finds which item. */
const ITEM_ERRORS = new Set([
  'ValidationException',
  'SerializationException',
  'ItemCollectionSizeLimitExceededException',
]);

export async function writeAll(
  dynamodb: DynamoDBClient,
  table: string,
  requests: WriteRequest[],
  deps: RetryDeps,
): Promise<FailedRequest[]> {
  const failed: FailedRequest[] = [];
  let pending = requests;
  let lastReason = '';
  for (let attempt = 1; pending.length > 0; attempt++) {
    try {
      const response = await dynamodb.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
      pending = response.UnprocessedItems?.[table] ?? [];
      lastReason = 'returned as UnprocessedItems';
    } catch (error) {
      const name = errorName(error);
      if (ITEM_ERRORS.has(name)) {
        if (pending.length === 1)
          return [...failed, { request: pending[0] as WriteRequest, code: name, reason: messageOf(error) }];
        for (const request of pending) failed.push(...(await writeAll(dynamodb, table, [request], deps)));
        return failed;
      }
      if (!RETRYABLE.has(name) && !isServerError(error)) {
        throw new TransferError('WRITE_FAILED', `BatchWriteItem on ${table} failed: ${name}: ${messageOf(error)}`);
      }
      lastReason = `failed with ${name}`;
    }
    if (pending.length === 0) break;
    if (attempt >= MAX_ATTEMPTS) {
      return [
        ...failed,
        ...pending.map((request) => ({
          request,
          code: 'RETRIES_EXHAUSTED',
          reason: `still ${lastReason} after ${MAX_ATTEMPTS} attempts`,
        })),
      ];
    }
    await deps.sleep(backoff(attempt, deps.random ?? Math.random));
  }
  return failed;
}

/** One read until it succeeds; throttling, server errors and dropped connections are retried. */
export async function readWithRetries<T>(what: string, read: () => Promise<T>, deps: RetryDeps): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      const name = errorName(error);
      if (!RETRYABLE.has(name) && !isServerError(error)) throw error;
      if (attempt >= MAX_ATTEMPTS) {
        throw new TransferError(
          'READ_FAILED',
          `${what} still failed with ${name} after ${MAX_ATTEMPTS} attempts: ${messageOf(error)}`,
        );
      }
      await deps.sleep(backoff(attempt, deps.random ?? Math.random));
    }
  }
}

/** Full jitter: a random delay up to an exponentially growing cap. */
export function backoff(attempt: number, random: () => number): number {
  return Math.round(random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt));
}

function errorName(error: unknown): string {
  const e = error as { name?: string; code?: string };
  return e.code !== undefined && RETRYABLE.has(e.code) ? e.code : (e.name ?? 'Error');
}

function isServerError(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return status !== undefined && status >= 500;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
