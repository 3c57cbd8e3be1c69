// existing-table: replace: every item deleted through the same sink as the
// import's writes (retries, breaker, cancel), keeping the table and its key
// schema. A cancel or a failure stops every segment at its next key, and the
// count of items deleted is exact either way.

import { type DynamoDBClient, ScanCommand, type TableDescription } from '@aws-sdk/client-dynamodb';
import { explain } from '../aws/errors.js';
import { primaryKeyNames } from '../aws/table.js';
import { sdkAttempts, unitsOf, unmetered } from '../aws/meter.js';
import { Aborted, withRetries } from '../aws/retry.js';
import { TransferError } from '../errors.js';
import type { Item } from '../formats/attribute-value.js';
import { type WriteDeps } from './batch-write.js';
import { PageSizer } from './page-limit.js';
import type { RejectedItem } from './rejects.js';
import { BatchWriter } from './writer.js';

export async function emptyTable(
  table: TableDescription,
  dynamodb: DynamoDBClient,
  deps: WriteDeps,
  segments: number,
): Promise<number> {
  const name = table.TableName ?? '';
  const keys = primaryKeyNames(table);
  const names = Object.fromEntries(keys.map((k, i) => [`#k${i}`, k]));
  const meter = deps.meter ?? unmetered(segments, Date.now);
  const sizer = new PageSizer(meter.budget, table, true);
  const failures: RejectedItem[] = [];
  const writer = new BatchWriter({
    dynamodb,
    table: name,
    keyNames: keys,
    concurrency: segments,
    deps: { ...deps, meter },
    onRejected: (r) => failures.push(r),
  });
  const origin = { object: `table ${name}`, line: 0, itemIndex: 0 };
  let stopped: unknown;
  const stop = () => deps.signal?.aborted === true || stopped !== undefined;
  const settled = await Promise.allSettled(
    Array.from({ length: segments }, async (_, segment) => {
      let start: Item | undefined;
      do {
        const from = start;
        const limit = sizer.limit();
        const scan = () =>
          dynamodb.send(
            new ScanCommand({
              TableName: name,
              Segment: segment,
              TotalSegments: segments,
              ProjectionExpression: Object.keys(names).join(', '),
              ExpressionAttributeNames: names,
              ExclusiveStartKey: from,
              ConsistentRead: true,
              ReturnConsumedCapacity: 'TOTAL',
              ...(limit === undefined ? {} : { Limit: limit }),
            }),
          );
        // The Scan is charged to the same budget as the deletes: both take capacity from the table.
        const page = await withRetries(
          `Scan of ${name}`,
          () =>
            meter.send('read', sizer.estimate(limit), async () => {
              const result = await scan();
              return { result, consumed: unitsOf(result.ConsumedCapacity), attempts: sdkAttempts(result) };
            }),
          deps,
        );
        sizer.learn(unitsOf(page.ConsumedCapacity), page.ScannedCount);
        for (const key of page.Items ?? []) {
          if (stop()) return;
          await writer.delete(key, origin);
        }
        start = page.LastEvaluatedKey;
      } while (start !== undefined && !stop());
    }).map((segment) =>
      segment.catch((error: unknown) => {
        stopped ??= error;
        throw error;
      }),
    ),
  );
  // Every segment has stopped; what is queued and in flight lands or fails before anything is counted.
  const flushed = await writer.flush().then(
    () => undefined,
    (error: unknown) => error,
  );
  const failure = settled.find((s) => s.status === 'rejected' && !(s.reason instanceof Aborted)) as
    PromiseRejectedResult | undefined;
  const deleted = `${writer.stats.deleted.toLocaleString('en-US')} item(s) were deleted`;
  if (deps.signal?.aborted) {
    throw new TransferError(
      'CANCELLED',
      `Table ${name} was being emptied (existing-table: replace): ${deleted} and nothing was imported; run again to finish.`,
    );
  }
  const error = failure?.reason ?? flushed;
  if (error !== undefined) {
    const cause = explain(error, `Emptying table ${name}`, 'WRITE_FAILED');
    throw new TransferError(
      cause.code,
      `${cause.message} Table ${name} was being emptied (existing-table: replace): ${deleted}; nothing was imported; run again to finish.`,
    );
  }
  if (failures.length > 0 || writer.stats.abandoned > 0) {
    const why = failures[0] === undefined ? 'the step was cancelled' : `${failures[0].code}: ${failures[0].message}`;
    throw new TransferError(
      'WRITE_FAILED',
      `Could not empty table ${name}: ${failures.length + writer.stats.abandoned} delete(s) did not go through (${why}). ${deleted}; nothing was imported; run again to finish.`,
    );
  }
  return writer.stats.deleted;
}
