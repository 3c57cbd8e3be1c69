// BatchWriteItem with items passed through as the DynamoDB JSON bytes they
// were read as: the body `{"RequestItems":{"T":[{"PutRequest":{"Item":...}}]}}`
// is written here, and the SDK sends it as it sends its own (endpoint,
// credentials, signing, retries, user agent) because a small middleware only
// swaps the body the SDK serialized for an empty request. Only the response
// is parsed; the items it returns as unprocessed are matched to the bytes
// they were sent as by their key, so a retry sends the same bytes again.

import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { type Item, toDynamoJsonMap } from '../formats/attribute-value.js';
import { itemSize } from '../formats/item-checks.js';
import type { BatchChannel } from './batch-write.js';
import { keyString } from './item-key.js';
import type { RawPut } from './sink.js';

const PUT_OPEN = Buffer.from('{"PutRequest":{"Item":');
const PUT_CLOSE = Buffer.from('}}');

export function rawChannel(dynamodb: DynamoDBClient, table: string, keyNames: readonly string[]): BatchChannel<RawPut> {
  const open = Buffer.from(`{"RequestItems":{${JSON.stringify(table)}:[`);
  const close = Buffer.from(']}}');
  return async (puts) => {
    const body = requestBody(open, puts, close);
    // An empty list for the table: the endpoint rules see the table's name, and the body is replaced anyway.
    const command = new BatchWriteItemCommand({ RequestItems: { [table]: [] } });
    command.middlewareStack.add(
      (next) => (args) => {
        const request = args.request as { headers: Record<string, string>; body: unknown };
        request.body = body;
        for (const name of Object.keys(request.headers))
          if (name.toLowerCase() === 'content-length') delete request.headers[name];
        request.headers['content-length'] = String(body.length);
        return next(args);
      },
      // After the serializer, before the content length is set and the request signed.
      { step: 'build', priority: 'high', name: 'rawBatchBodyMiddleware' },
    );
    const response = await dynamodb.send(command);
    const unprocessed = response.UnprocessedItems?.[table] ?? [];
    return unprocessed.length === 0 ? [] : matchUnprocessed(unprocessed, puts, keyNames);
  };
}

/** The request body in one buffer, written once: `open`, each put, `close`. */
export function requestBody(open: Buffer, puts: readonly RawPut[], close: Buffer): Buffer {
  let length = open.length + close.length + Math.max(0, puts.length - 1);
  for (const put of puts) length += PUT_OPEN.length + put.bytes.length + PUT_CLOSE.length;
  const body = Buffer.allocUnsafe(length);
  let at = open.copy(body, 0);
  for (const [n, put] of puts.entries()) {
    if (n > 0) body[at++] = 0x2c;
    at += PUT_OPEN.copy(body, at);
    at += put.bytes.copy(body, at);
    at += PUT_CLOSE.copy(body, at);
  }
  close.copy(body, at);
  return body;
}

/** The puts DynamoDB returned; one it changed beyond recognition is sent again from what it returned. */
function matchUnprocessed(unprocessed: WriteRequest[], puts: readonly RawPut[], keyNames: readonly string[]): RawPut[] {
  const byKey = new Map(puts.map((p) => [keyString(p.key, keyNames), p]));
  return unprocessed.map((request) => {
    const item: Item = request.PutRequest?.Item ?? {};
    return byKey.get(keyString(item, keyNames)) ?? rawPutOf(item);
  });
}

export function rawPutOf(item: Item): RawPut {
  return { bytes: Buffer.from(JSON.stringify(toDynamoJsonMap(item))), key: item, size: itemSize(item) };
}
