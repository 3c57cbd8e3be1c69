// The SDK's own cost of an import: the requests the action sends (25 items,
// `ReturnConsumedCapacity`), sent by the action's own pass-through code
// (src/direct/raw-batch-write.ts) through the SDK's middleware stack
// (endpoint, signing, retries, user agent, response parsing), but one body
// built once and sent again and again: no work an item at all. No import
// that sends through the SDK can use less CPU an item than this; the ceiling
// benchmark prints it beside the bare loop, so the room left for the
// action's own work (read, decompress, check, count) can be read off.

import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { RawWrites, rawPutOf } from '../src/direct/raw-batch-write.js';
import { BENCH_KEYS, benchItem } from './bench-item.js';

const BATCH = 25;

export async function sdkFloor(
  client: DynamoDBClient,
  table: string,
  items: number,
  concurrency: number,
): Promise<void> {
  const writes = new RawWrites(
    client,
    table,
    BENCH_KEYS.KeySchema.map((k) => k.AttributeName),
  );
  const batch = writes.start();
  for (let i = 0; i < BATCH; i++) batch.add(rawPutOf(benchItem(i)));
  const channel = writes.channel(batch);
  let left = Math.ceil(items / BATCH);
  const worker = async (): Promise<void> => {
    while (left > 0) {
      left -= 1;
      await channel.send(batch.puts);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
