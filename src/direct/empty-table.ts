// existing-table: replace: every item deleted through the same sink as the
// import's writes (retries, breaker, cancel), keeping the table and its key
// schema.

import { type DynamoDBClient, ScanCommand, type TableDescription } from '@aws-sdk/client-dynamodb';
import { primaryKeyNames } from '../aws/table.js';
import { type Breaker, type RetryDeps, withRetries } from '../aws/retry.js';
import { TransferError } from '../errors.js';
import type { Item } from '../formats/attribute-value.js';
import type { RejectedItem } from './rejects.js';
import { BatchWriter } from './writer.js';

export async function emptyTable(
  table: TableDescription,
  dynamodb: DynamoDBClient,
  deps: RetryDeps & { breaker: Breaker },
  segments: number,
): Promise<number> {
  const name = table.TableName ?? '';
  const keys = primaryKeyNames(table);
  const names = Object.fromEntries(keys.map((k, i) => [`#k${i}`, k]));
  const failures: RejectedItem[] = [];
  const writer = new BatchWriter({
    dynamodb,
    table: name,
    keyNames: keys,
    concurrency: segments,
    deps,
    onRejected: (r) => failures.push(r),
  });
  const origin = { object: `table ${name}`, line: 0, itemIndex: 0 };
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let start: Item | undefined;
      do {
        const from = start;
        const page = await withRetries(
          `Scan of ${name}`,
          () =>
            dynamodb.send(
              new ScanCommand({
                TableName: name,
                Segment: segment,
                TotalSegments: segments,
                ProjectionExpression: Object.keys(names).join(', '),
                ExpressionAttributeNames: names,
                ExclusiveStartKey: from,
                ConsistentRead: true,
              }),
            ),
          deps,
        );
        for (const key of page.Items ?? []) await writer.delete(key, origin);
        start = page.LastEvaluatedKey;
      } while (start !== undefined && !deps.signal?.aborted);
    }),
  );
  await writer.flush();
  if (deps.signal?.aborted) {
    throw new TransferError(
      'CANCELLED',
      `The step was cancelled while table ${name} was being emptied: ${writer.stats.deleted} item(s) were deleted and nothing was imported.`,
    );
  }
  if (failures.length > 0 || writer.stats.abandoned > 0) {
    const why = failures[0] === undefined ? 'the step was cancelled' : `${failures[0].code}: ${failures[0].message}`;
    throw new TransferError(
      'WRITE_FAILED',
      `Could not empty table ${name}: ${failures.length + writer.stats.abandoned} delete(s) did not go through (${why}). ${writer.stats.deleted} item(s) were deleted; nothing was imported; run again to finish.`,
    );
  }
  return writer.stats.deleted;
}
