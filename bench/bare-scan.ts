// The bare parallel Scan the export and verify benchmarks are measured
// against: the SDK's own ScanCommand, consistent reads, items counted.

import { type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';

/** Parallel Scan with `concurrency` segments, counting the items. */
export async function bareScan(
  client: DynamoDBClient,
  table: string,
  concurrency: number,
  returnConsumedCapacity?: 'TOTAL',
): Promise<number> {
  const capacity = returnConsumedCapacity === undefined ? {} : { ReturnConsumedCapacity: returnConsumedCapacity };
  let count = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, segment) => {
      let start: Record<string, never> | undefined;
      do {
        const page = await client.send(
          new ScanCommand({
            TableName: table,
            Segment: segment,
            TotalSegments: concurrency,
            ConsistentRead: true,
            ExclusiveStartKey: start,
            ...capacity,
          }),
        );
        count += page.Items?.length ?? 0;
        start = page.LastEvaluatedKey as Record<string, never> | undefined;
      } while (start !== undefined);
    }),
  );
  return count;
}
