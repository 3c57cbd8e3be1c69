// Writes puts and deletes with BatchWriteItem: 25 a request, `concurrency`
// requests in flight. Two writes of the same key are never in flight
// together, so the last one in the source wins, as AWS's import documents.
// Once the step is cancelled nothing more is sent: what is queued is
// abandoned, and what is in flight lands or is abandoned at its next retry.

import type { DynamoDBClient, WriteRequest } from '@aws-sdk/client-dynamodb';
import type { Item } from '../formats/attribute-value.js';
import { type WriteDeps, writeAll } from './batch-write.js';
import { keyString } from './item-key.js';
import { type ItemOrigin, type ItemSink, type OnRejected, newSinkStats } from './sink.js';

const BATCH_SIZE = 25;

interface Pending {
  request: WriteRequest;
  origin: ItemOrigin;
  key: string;
}

export class BatchWriter implements ItemSink {
  readonly stats = newSinkStats();
  private batch: Pending[] = [];
  private batchKeys = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly keysInFlight = new Map<string, Promise<void>>();
  private failure: unknown;

  private readonly dynamodb: DynamoDBClient;
  private readonly table: string;
  private readonly keyNames: readonly string[];
  private readonly concurrency: number;
  private readonly deps: WriteDeps;
  private readonly onRejected: OnRejected;
  private readonly onSettled: ((origins: ItemOrigin[]) => void) | undefined;

  constructor(options: {
    dynamodb: DynamoDBClient;
    table: string;
    keyNames: readonly string[];
    concurrency: number;
    deps: WriteDeps;
    onRejected: OnRejected;
    /** Each request's writes that DynamoDB acknowledged or rejected (never those abandoned or unsent). */
    onSettled?: (origins: ItemOrigin[]) => void;
  }) {
    this.dynamodb = options.dynamodb;
    this.table = options.table;
    this.keyNames = options.keyNames;
    this.concurrency = options.concurrency;
    this.deps = options.deps;
    this.onRejected = options.onRejected;
    this.onSettled = options.onSettled;
  }

  put(item: Item, origin: ItemOrigin): Promise<void> {
    return this.add({ PutRequest: { Item: item } }, item, origin);
  }

  delete(key: Item, origin: ItemOrigin): Promise<void> {
    return this.add({ DeleteRequest: { Key: key } }, key, origin);
  }

  /** Queues a write; waits while `concurrency` requests are in flight. */
  private async add(request: WriteRequest, item: Item, origin: ItemOrigin): Promise<void> {
    this.throwIfFailed();
    const key = keyString(item, this.keyNames);
    if (this.batchKeys.has(key)) {
      // The same key twice in one request is an error to DynamoDB: split.
      this.stats.duplicateKeys += 1;
      await this.send();
    } else if (this.keysInFlight.has(key)) {
      this.stats.duplicateKeys += 1;
    }
    this.batch.push({ request, origin, key });
    this.batchKeys.add(key);
    if (this.batch.length >= BATCH_SIZE) await this.send();
  }

  async flush(): Promise<void> {
    await this.send();
    await this.settle();
    this.throwIfFailed();
  }

  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.race(this.inFlight);
  }

  private async send(): Promise<void> {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    this.batchKeys = new Set();
    while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight);
    this.throwIfFailed();
    if (this.deps.signal?.aborted) {
      this.stats.abandoned += batch.length;
      return;
    }
    // A key still being written by an earlier request must land first.
    const earlier = new Set(batch.flatMap((p) => this.keysInFlight.get(p.key) ?? []));
    const request = (async () => {
      if (earlier.size > 0) await Promise.all(earlier);
      await this.write(batch);
    })();
    const tracked = request.catch((error: unknown) => {
      this.failure ??= error;
    });
    this.inFlight.add(tracked);
    for (const p of batch) this.keysInFlight.set(p.key, tracked);
    void tracked.finally(() => {
      this.inFlight.delete(tracked);
      for (const p of batch) if (this.keysInFlight.get(p.key) === tracked) this.keysInFlight.delete(p.key);
    });
  }

  private async write(batch: Pending[]): Promise<void> {
    const { failed, abandoned, stopped } = await writeAll(
      this.dynamodb,
      this.table,
      batch.map((p) => p.request),
      this.deps,
    );
    const unsent = stopped?.requests ?? [];
    // Counted before a stop is passed on: what DynamoDB acknowledged stays counted.
    this.stats.written += batch.length - failed.length - abandoned.length - unsent.length;
    this.stats.abandoned += abandoned.length;
    // Unprocessed requests come back as new objects: match them by key.
    const byKey = new Map(batch.map((p) => [p.key, p]));
    const pendingOf = (request: WriteRequest) => byKey.get(keyString(itemOf(request), this.keyNames));
    const unacknowledged = new Set<Pending | undefined>([...abandoned, ...unsent].map(pendingOf));
    for (const failure of failed) {
      const pending = pendingOf(failure.request);
      unacknowledged.add(pending);
      this.stats.rejected += 1;
      this.onRejected({
        item: itemOf(failure.request),
        code: failure.code,
        message: failure.reason,
        // A request DynamoDB changed beyond recognition is still rejected, with the batch's first origin.
        ...(pending ?? (batch[0] as Pending)).origin,
      });
    }
    this.stats.deleted += batch.filter((p) => p.request.DeleteRequest !== undefined && !unacknowledged.has(p)).length;
    if (this.onSettled !== undefined) {
      const unsettled = new Set([...abandoned, ...unsent].map(pendingOf));
      this.onSettled(batch.filter((p) => !unsettled.has(p)).map((p) => p.origin));
    }
    if (stopped !== undefined) throw stopped.error;
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}

function itemOf(request: WriteRequest): Item {
  return request.PutRequest?.Item ?? request.DeleteRequest?.Key ?? {};
}
