// One BatchWriteItem request until every write in it is acknowledged or has a
// reason why not: UnprocessedItems and throttling are retried under the one
// retry policy; an item DynamoDB rejects is found by retrying alone, so one
// bad item never takes its batch down with it. An endpoint that is gone stops
// the work (the breaker) rather than rejecting every item in turn. Whatever
// stops a request, the outcome still says which writes DynamoDB acknowledged
// before it, so the counts stay exact.

import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { explain } from '../aws/errors.js';
import {
  Aborted,
  type Breaker,
  MAX_ATTEMPTS,
  type RetryDeps,
  backoff,
  errorName,
  isRetryable,
  isThrottling,
  messageOf,
  pause,
} from '../aws/retry.js';

export interface FailedRequest<T = WriteRequest> {
  request: T;
  code: string;
  reason: string;
}

export interface WriteOutcome<T = WriteRequest> {
  failed: FailedRequest<T>[];
  /** Requests left unsent because the step was cancelled. */
  abandoned: T[];
  /**
   * Set when an error stopped the work (the breaker opened, access denied):
   * the error, and the requests not acknowledged when it came. Every other
   * request of the batch was acknowledged.
   */
  stopped?: { error: unknown; requests: T[] };
}

/**
 * How one BatchWriteItem carries requests of type T: the SDK's WriteRequest
 * objects, or items passed through as their bytes (raw-batch-write.ts).
 * Resolves to the requests DynamoDB returned as unprocessed, as T again.
 */
export type BatchChannel<T> = (requests: T[]) => Promise<T[]>;

/** The SDK's own BatchWriteItemCommand. */
export function sdkChannel(dynamodb: DynamoDBClient, table: string): BatchChannel<WriteRequest> {
  return async (requests) => {
    const response = await dynamodb.send(new BatchWriteItemCommand({ RequestItems: { [table]: requests } }));
    return response.UnprocessedItems?.[table] ?? [];
  };
}

/** Errors about one item's content: retrying it alone finds which item. */
const ITEM_ERRORS = new Set([
  'ValidationException',
  'SerializationException',
  'ItemCollectionSizeLimitExceededException',
]);

export async function writeAll<T>(
  channel: BatchChannel<T>,
  table: string,
  requests: T[],
  deps: RetryDeps & { breaker: Breaker },
): Promise<WriteOutcome<T>> {
  const outcome: WriteOutcome<T> = { failed: [], abandoned: [] };
  let pending = requests;
  let lastReason = '';
  const what = `BatchWriteItem on ${table}`;
  const stop = (error: unknown): WriteOutcome<T> => ({ ...outcome, stopped: { error, requests: pending } });
  for (let attempt = 1; pending.length > 0; attempt++) {
    if (deps.signal?.aborted) {
      outcome.abandoned.push(...pending);
      return outcome;
    }
    try {
      deps.breaker.throwIfOpen();
    } catch (error) {
      return stop(error);
    }
    try {
      const unprocessed = await channel(pending);
      deps.breaker.succeeded();
      pending = unprocessed;
      lastReason = 'returned as UnprocessedItems';
    } catch (error) {
      const name = errorName(error);
      if (ITEM_ERRORS.has(name)) {
        if (pending.length === 1) {
          outcome.failed.push({ request: pending[0] as T, code: name, reason: messageOf(error) });
          return outcome;
        }
        return writeOneByOne(channel, table, pending, deps, outcome);
      }
      if (!isRetryable(error)) return stop(explain(error, what, 'WRITE_FAILED'));
      deps.breaker.failed(what, error);
      if (attempt >= MAX_ATTEMPTS && !isThrottling(error))
        return stop(deps.breaker.open(what, error, `still failing after ${MAX_ATTEMPTS} attempts`));
      lastReason = `failed with ${name}`;
    }
    if (pending.length === 0) break;
    if (attempt >= MAX_ATTEMPTS) {
      const reason = `still ${lastReason} after ${MAX_ATTEMPTS} attempts`;
      outcome.failed.push(...pending.map((request) => ({ request, code: 'RETRIES_EXHAUSTED', reason })));
      return outcome;
    }
    try {
      await pause(backoff(attempt, deps.random), deps);
    } catch (error) {
      if (!(error instanceof Aborted)) return stop(error);
      outcome.abandoned.push(...pending);
      return outcome;
    }
  }
  return outcome;
}

/** Each request alone, to find the one DynamoDB refuses; a stop leaves the rest unsent. */
async function writeOneByOne<T>(
  channel: BatchChannel<T>,
  table: string,
  requests: T[],
  deps: RetryDeps & { breaker: Breaker },
  outcome: WriteOutcome<T>,
): Promise<WriteOutcome<T>> {
  for (const [index, request] of requests.entries()) {
    const alone = await writeAll(channel, table, [request], deps);
    outcome.failed.push(...alone.failed);
    outcome.abandoned.push(...alone.abandoned);
    if (alone.stopped !== undefined) {
      const unsent = [...alone.stopped.requests, ...requests.slice(index + 1)];
      return { ...outcome, stopped: { error: alone.stopped.error, requests: unsent } };
    }
  }
  return outcome;
}
