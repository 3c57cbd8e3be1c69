// The bare import loop the action is measured against on the ceiling
// endpoint: gunzip, split lines, JSON.parse, binary to bytes (the SDK's
// types), and BatchWriteItem, 25 items a request, `concurrency` in flight.

import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import {
  type AttributeValue,
  BatchWriteItemCommand,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';

/** DynamoDB JSON to the SDK's types: B and BS become bytes, maps and lists converted inside. */
function toSdk(value: Record<string, unknown>): AttributeValue {
  if (typeof value.B === 'string') return { B: Buffer.from(value.B, 'base64') };
  if (Array.isArray(value.BS)) return { BS: (value.BS as string[]).map((b) => Buffer.from(b, 'base64')) };
  if (Array.isArray(value.L)) return { L: (value.L as Record<string, unknown>[]).map(toSdk) };
  if (value.M !== undefined) return { M: toSdkMap(value.M as Record<string, Record<string, unknown>>) };
  return value as unknown as AttributeValue;
}

function toSdkMap(map: Record<string, Record<string, unknown>>): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const name in map) out[name] = toSdk(map[name] as Record<string, unknown>);
  return out;
}

async function* batches(path: string): AsyncGenerator<WriteRequest[]> {
  let rest = '';
  let batch: WriteRequest[] = [];
  // Large reads and zlib chunks: small ones cost a callback each (the action's pump reads 64 KiB too).
  const gunzip = createGunzip({ chunkSize: 64 * 1024 });
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }).pipe(gunzip)) {
    const lines = (rest + (chunk as Buffer).toString('utf8')).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      if (line.length === 0) continue;
      const { Item } = JSON.parse(line) as { Item: Record<string, Record<string, unknown>> };
      batch.push({ PutRequest: { Item: toSdkMap(Item) } });
      if (batch.length === 25) {
        yield batch;
        batch = [];
      }
    }
  }
  if (rest.length > 0) batch.push({ PutRequest: { Item: toSdkMap((JSON.parse(rest) as { Item: never }).Item) } });
  if (batch.length > 0) yield batch;
}

export async function bareImportFile(
  client: DynamoDBClient,
  table: string,
  path: string,
  concurrency: number,
): Promise<void> {
  const source = batches(path);
  const worker = async (): Promise<void> => {
    for (let next = await source.next(); next.done !== true; next = await source.next()) {
      let requests = next.value;
      while (requests.length > 0) {
        const response = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: requests } }));
        requests = response.UnprocessedItems?.[table] ?? [];
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
