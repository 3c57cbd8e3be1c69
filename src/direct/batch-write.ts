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

export interface FailedRequest {
  request: WriteRequest;
  code: string;
  reason: string;
}

export interface WriteOutcome {
  failed: FailedRequest[];
  /** Requests left unsent because the step was cancelled. */
  abandoned: WriteRequest[];
  /**
   * Set when an error stopped the work (the breaker opened, access denied):
   * the error, and the requests not acknowledged when it came. Every other
   * request of the batch was acknowledged.
   */
  stopped?: { error: unknown; requests: WriteRequest[] };
}

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
  deps: RetryDeps & { breaker: Breaker },
): Promise<WriteOutcome> {
  const outcome: WriteOutcome = { failed: [], abandoned: [] };
  let pending = requests;
  let lastReason = '';
  const what = `BatchWriteItem on ${table}`;
  const stop = (error: unknown): WriteOutcome => ({ ...outcome, stopped: { error, requests: pending } });
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
      const response = await dynamodb.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
      deps.breaker.succeeded();
      pending = response.UnprocessedItems?.[table] ?? [];
      lastReason = 'returned as UnprocessedItems';
    } catch (error) {
      const name = errorName(error);
      if (ITEM_ERRORS.has(name)) {
        if (pending.length === 1) {
          outcome.failed.push({ request: pending[0] as WriteRequest, code: name, reason: messageOf(error) });
          return outcome;
        }
        return writeOneByOne(dynamodb, table, pending, deps, outcome);
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
async function writeOneByOne(
  dynamodb: DynamoDBClient,
  table: string,
  requests: WriteRequest[],
  deps: RetryDeps & { breaker: Breaker },
  outcome: WriteOutcome,
): Promise<WriteOutcome> {
  for (const [index, request] of requests.entries()) {
    const alone = await writeAll(dynamodb, table, [request], deps);
    outcome.failed.push(...alone.failed);
    outcome.abandoned.push(...alone.abandoned);
    if (alone.stopped !== undefined) {
      const unsent = [...alone.stopped.requests, ...requests.slice(index + 1)];
      return { ...outcome, stopped: { error: alone.stopped.error, requests: unsent } };
    }
  }
  return outcome;
}
