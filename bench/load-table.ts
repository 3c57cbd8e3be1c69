// Fills a table with BatchWriteItem, `concurrency` requests in flight, 25
// pre-marshalled items each, unprocessed items sent again: the bare import
// loop the action is measured against, and how benchmarks load their tables.
// `returnConsumedCapacity: 'TOTAL'` asks what the action asks: DynamoDB Local
// then computes each request's ConsumedCapacity, at a cost of its own.

import {
  BatchWriteItemCommand,
  CreateTableCommand,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import type { Item } from '../test/generate-items.js';
import { BENCH_KEYS } from './bench-item.js';

export async function loadTable(
  client: DynamoDBClient,
  table: string,
  count: number,
  concurrency: number,
  itemAt: (i: number) => Item,
  returnConsumedCapacity?: 'TOTAL',
): Promise<void> {
  const capacity = returnConsumedCapacity === undefined ? {} : { ReturnConsumedCapacity: returnConsumedCapacity };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const start = next;
      next = Math.min(count, next + 25);
      let requests: WriteRequest[] = [];
      for (let i = start; i < next; i++) requests.push({ PutRequest: { Item: itemAt(i) } });
      while (requests.length > 0) {
        const response = await client.send(
          new BatchWriteItemCommand({ RequestItems: { [table]: requests }, ...capacity }),
        );
        requests = response.UnprocessedItems?.[table] ?? [];
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** The benchmarks' table: `pk` (S) and `sk` (N), on demand, as benchItem's items are keyed. */
export async function createBenchTable(client: DynamoDBClient, name: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: name,
      ...BENCH_KEYS,
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}
