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
import { writeUnits } from '../aws/capacity.js';
import { itemSize } from '../formats/item-checks.js';
import { type Meter, sdkAttempts, unitsOf } from '../aws/meter.js';

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

/** What writeAll needs: the retry policy, and the meter when capacity is metered. */
export type WriteDeps = RetryDeps & { breaker: Breaker; meter?: Meter | undefined };

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
  deps: WriteDeps,
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
      const response = await send(dynamodb, table, pending, deps.meter);
      deps.breaker.succeeded();
      pending = response.UnprocessedItems?.[table] ?? [];
      lastReason = 'returned as UnprocessedItems';
    } catch (error) {
      if (error instanceof Aborted) {
        // Cancelled while waiting for the budget: nothing of this attempt was sent.
        outcome.abandoned.push(...pending);
        return outcome;
      }
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

/** One BatchWriteItem, metered: charged its items' write units, settled with what DynamoDB reports. */
function send(dynamodb: DynamoDBClient, table: string, requests: WriteRequest[], meter: Meter | undefined) {
  const command = () =>
    dynamodb.send(new BatchWriteItemCommand({ RequestItems: { [table]: requests }, ReturnConsumedCapacity: 'TOTAL' }));
  if (meter === undefined) return command();
  // Only a budget needs an estimate; a delete is charged one unit until DynamoDB says what the item weighed.
  const estimate = meter.budgeted
    ? requests.reduce(
        (sum, r) => sum + (r.PutRequest?.Item === undefined ? 1 : writeUnits(itemSize(r.PutRequest.Item))),
        0,
      )
    : 0;
  return meter.send('write', estimate, async () => {
    const response = await command();
    const unprocessed = response.UnprocessedItems?.[table]?.length ?? 0;
    const consumed = unitsOf(response.ConsumedCapacity);
    return { result: response, consumed, throttled: unprocessed > 0, attempts: sdkAttempts(response) };
  });
}

/** Each request alone, to find the one DynamoDB refuses; a stop leaves the rest unsent. */
async function writeOneByOne(
  dynamodb: DynamoDBClient,
  table: string,
  requests: WriteRequest[],
  deps: WriteDeps,
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
