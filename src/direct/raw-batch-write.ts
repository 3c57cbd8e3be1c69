// BatchWriteItem with items passed through as the DynamoDB JSON bytes they
// were read as: the body `{"RequestItems":{"T":[{"PutRequest":{"Item":...}}]}}`
// is written here, and the SDK sends it as it sends its own (endpoint,
// credentials, signing, retries, user agent) because a small middleware only
// swaps the body the SDK serialized for an empty request. Only the response
// is parsed; the items it returns as unprocessed are matched to the bytes
// they were sent as by their key, so a retry sends the same bytes again.
// A batch's body is written as its items arrive, into a buffer used again
// once the request is answered (raw-bodies.ts).

import {
  BatchWriteItemCommand,
  type BatchWriteItemCommandOutput,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { writeUnits } from '../aws/capacity.js';
import { type Item, toDynamoJsonMap } from '../formats/attribute-value.js';
import { itemSize } from '../formats/item-checks.js';
import type { BatchChannel } from './batch-write.js';
import { keyString } from './item-key.js';
import { BodyPool, RawBatch, requestBody } from './raw-bodies.js';
import type { RawPut } from './sink.js';

export class RawWrites {
  private readonly pool = new BodyPool();
  private readonly open: Buffer;
  /** The same member the SDK's own requests carry: the meter settles with what DynamoDB reports. */
  private readonly close = Buffer.from(']},"ReturnConsumedCapacity":"TOTAL"}');
  private readonly dynamodb: DynamoDBClient;
  private readonly table: string;
  private readonly keyNames: readonly string[];

  constructor(dynamodb: DynamoDBClient, table: string, keyNames: readonly string[]) {
    this.dynamodb = dynamodb;
    this.table = table;
    this.keyNames = keyNames;
    this.open = Buffer.from(`{"RequestItems":{${JSON.stringify(table)}:[`);
  }

  /** A batch whose body is written as its puts are added. */
  start(): RawBatch {
    return new RawBatch(this.pool, this.open);
  }

  /** Sends the batch's own body while the batch goes whole, a body written afresh for any part of it. */
  channel(batch: RawBatch): BatchChannel<RawPut> {
    return {
      send: (puts) =>
        this.send(puts, puts === batch.puts ? batch.body(this.close) : requestBody(this.open, puts, this.close)),
      // The size was counted when the line was checked.
      units: (put) => writeUnits(put.size),
    };
  }

  private async send(
    puts: RawPut[],
    body: Buffer,
  ): Promise<{ unprocessed: RawPut[]; output: BatchWriteItemCommandOutput }> {
    // An empty list for the table: the endpoint rules see the table's name, and the body is replaced anyway.
    const command = new BatchWriteItemCommand({ RequestItems: { [this.table]: [] }, ReturnConsumedCapacity: 'TOTAL' });
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
    const output = await this.dynamodb.send(command);
    const unprocessed = output.UnprocessedItems?.[this.table] ?? [];
    return { unprocessed: unprocessed.length === 0 ? [] : matchUnprocessed(unprocessed, puts, this.keyNames), output };
  }
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
