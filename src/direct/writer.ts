// Writes puts and deletes with BatchWriteItem: 25 a request, `concurrency`
// requests in flight and at most MAX_BYTES_IN_FLIGHT of them, so that large
// items at a high concurrency stay within the memory budget. Two writes of
// the same key are never in flight together, so the last one in the source
// wins, as AWS's import documents. Puts passed through as bytes go in
// requests of their own (raw-batch-write.ts).
// Once the step is cancelled nothing more is sent: what is queued is
// abandoned, and what is in flight lands or is abandoned at its next retry.

import type { DynamoDBClient, WriteRequest } from '@aws-sdk/client-dynamodb';
import { type Item, fromDynamoJsonMap } from '../formats/attribute-value.js';
import { type BatchChannel, type WriteDeps, type WriteOutcome, sdkChannel, writeAll } from './batch-write.js';
import { keyString } from './item-key.js';
import type { RawBatch } from './raw-bodies.js';
import { RawWrites } from './raw-batch-write.js';
import { type ItemOrigin, type ItemSink, type OnRejected, type RawPut, type SinkWait, newSinkStats } from './sink.js';

const BATCH_SIZE = 25;

/**
 * Request bodies built and not yet acknowledged, at most (one request larger
 * than this still goes, alone). 64 requests of 25 items of 400 KB would be
 * 640 MB; this keeps what the writes hold far under the 200 MB budget.
 */
export const MAX_BYTES_IN_FLIGHT = 16 * 1024 * 1024;

/** A decoded item in flight weighs its text several times over: the objects, then the SDK's serialized body. */
const DECODED_WEIGHT = 4;
/** What a decoded item whose text length is unknown is taken to weigh. */
const UNKNOWN_TEXT_LENGTH = 1024;

interface Pending {
  request: WriteRequest;
  /** Set for a put passed through as bytes; `request` is then a placeholder. */
  raw: RawPut | undefined;
  origin: ItemOrigin;
  key: string;
}

export class BatchWriter implements ItemSink {
  readonly stats = newSinkStats();
  private batch: Pending[] = [];
  private batchKeys = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private bytesInFlight = 0;
  private readonly keysInFlight = new Map<string, Promise<void>>();
  private failure: unknown;

  private readonly dynamodb: DynamoDBClient;
  private readonly table: string;
  private readonly keyNames: readonly string[];
  private readonly concurrency: number;
  private readonly deps: WriteDeps;
  private readonly onRejected: OnRejected;
  private readonly onSettled: ((acknowledged: ItemOrigin[], rejected: ItemOrigin[]) => void) | undefined;
  private readonly sdk: BatchChannel<WriteRequest>;
  private readonly raw: RawWrites;
  /** The body of the passed-through puts in `batch`, written as they come. */
  private rawBatch: RawBatch | undefined;

  constructor(options: {
    dynamodb: DynamoDBClient;
    table: string;
    keyNames: readonly string[];
    concurrency: number;
    deps: WriteDeps;
    onRejected: OnRejected;
    /** Each request's writes that DynamoDB acknowledged, and those it rejected (never those abandoned or unsent). */
    onSettled?: (acknowledged: ItemOrigin[], rejected: ItemOrigin[]) => void;
  }) {
    this.dynamodb = options.dynamodb;
    this.table = options.table;
    this.keyNames = options.keyNames;
    this.concurrency = options.concurrency;
    this.deps = options.deps;
    this.onRejected = options.onRejected;
    this.onSettled = options.onSettled;
    this.sdk = sdkChannel(this.dynamodb, this.table);
    this.raw = new RawWrites(this.dynamodb, this.table, this.keyNames);
  }

  put(item: Item, origin: ItemOrigin): SinkWait {
    return this.add({ PutRequest: { Item: item } }, item, origin);
  }

  putRaw(put: RawPut, origin: ItemOrigin): SinkWait {
    return this.add(PASSED_THROUGH, put.key, origin, put);
  }

  delete(key: Item, origin: ItemOrigin): SinkWait {
    return this.add({ DeleteRequest: { Key: key } }, key, origin);
  }

  /**
   * Queues a write. Most writes only join the batch, and give nothing to wait
   * for (no promise an item: this is the import's hot path); one that fills
   * the batch, or must wait for it to go first, gives the send to wait for,
   * which waits while `concurrency` requests, or MAX_BYTES_IN_FLIGHT, are in flight.
   */
  private add(request: WriteRequest, item: Item, origin: ItemOrigin, raw?: RawPut): SinkWait {
    this.throwIfFailed();
    const key = keyString(item, this.keyNames);
    // Passed-through puts and decoded writes go in separate requests; the same key twice in one request is an error to DynamoDB.
    const otherKind = this.batch.length > 0 && (this.batch[0]?.raw === undefined) !== (raw === undefined);
    if (otherKind || this.batchKeys.has(key)) return this.addAfterSend(request, key, origin, raw, otherKind);
    if (this.keysInFlight.has(key)) this.stats.duplicateKeys += 1;
    this.queue(request, key, origin, raw);
    return this.batch.length >= BATCH_SIZE ? this.send() : undefined;
  }

  /** A write that cannot join the batch: the batch goes first. */
  private async addAfterSend(
    request: WriteRequest,
    key: string,
    origin: ItemOrigin,
    raw: RawPut | undefined,
    otherKind: boolean,
  ): Promise<void> {
    if (otherKind) await this.send();
    if (this.batchKeys.has(key)) {
      this.stats.duplicateKeys += 1;
      await this.send();
    } else if (this.keysInFlight.has(key)) {
      this.stats.duplicateKeys += 1;
    }
    this.queue(request, key, origin, raw);
    if (this.batch.length >= BATCH_SIZE) await this.send();
  }

  private queue(request: WriteRequest, key: string, origin: ItemOrigin, raw: RawPut | undefined): void {
    if (raw !== undefined) {
      // Copied into the request body: the bytes were a view of a decompressed chunk.
      this.rawBatch ??= this.raw.start();
      this.rawBatch.add(raw);
    }
    this.batch.push({ request, origin, key, raw });
    this.batchKeys.add(key);
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
    const body = this.rawBatch;
    this.batch = [];
    this.batchKeys = new Set();
    this.rawBatch = undefined;
    const bytes = batch.reduce((sum, p) => sum + weight(p), 0);
    while (
      this.inFlight.size >= this.concurrency ||
      (this.inFlight.size > 0 && this.bytesInFlight + bytes > MAX_BYTES_IN_FLIGHT)
    )
      await Promise.race(this.inFlight);
    this.throwIfFailed();
    if (this.deps.signal?.aborted) {
      this.stats.abandoned += batch.length;
      return;
    }
    // A key still being written by an earlier request must land first.
    let earlier: Set<Promise<void>> | undefined;
    for (const p of batch) {
      const writing = this.keysInFlight.get(p.key);
      if (writing !== undefined) (earlier ??= new Set()).add(writing);
    }
    const request = (async () => {
      if (earlier !== undefined) await Promise.all(earlier);
      await this.write(batch, body);
    })();
    const tracked = request.catch((error: unknown) => {
      this.failure ??= error;
    });
    this.inFlight.add(tracked);
    this.bytesInFlight += bytes;
    for (const p of batch) this.keysInFlight.set(p.key, tracked);
    void tracked.finally(() => {
      this.inFlight.delete(tracked);
      this.bytesInFlight -= bytes;
      for (const p of batch) if (this.keysInFlight.get(p.key) === tracked) this.keysInFlight.delete(p.key);
    });
  }

  private async write(batch: Pending[], body: RawBatch | undefined): Promise<void> {
    if (body !== undefined) {
      try {
        const outcome = await writeAll(this.raw.channel(body), this.table, body.puts, this.deps);
        this.settleWrite(batch, outcome, (put) => put.key, itemOfRaw);
      } finally {
        body.release();
      }
    } else {
      const requests = batch.map((p) => p.request);
      this.settleWrite(batch, await writeAll(this.sdk, this.table, requests, this.deps), itemOf, itemOf);
    }
  }

  /** Counts what a request's writes came to and hands on the failures; `keyItem` finds a request's key, `itemOf` its item for the rejects file. */
  private settleWrite<T>(
    batch: Pending[],
    { failed, abandoned, stopped }: WriteOutcome<T>,
    keyItem: (request: T) => Item,
    fullItem: (request: T) => Item,
  ): void {
    const unsent = stopped?.requests ?? [];
    // Counted before a stop is passed on: what DynamoDB acknowledged stays counted.
    this.stats.written += batch.length - failed.length - abandoned.length - unsent.length;
    this.stats.abandoned += abandoned.length;
    if (failed.length === 0 && abandoned.length === 0 && unsent.length === 0) {
      // All acknowledged, as nearly every request is: nothing to match.
      this.acknowledge(batch, []);
      if (stopped !== undefined) throw stopped.error;
      return;
    }
    // Unprocessed requests come back as new objects: match them by key.
    const byKey = new Map(batch.map((p) => [p.key, p]));
    const pendingOf = (request: T) => byKey.get(keyString(keyItem(request), this.keyNames));
    const unsettled = new Set<Pending | undefined>([...abandoned, ...unsent].map(pendingOf));
    const rejected = new Set<Pending>();
    for (const failure of failed) {
      const pending = pendingOf(failure.request);
      if (pending !== undefined) rejected.add(pending);
      this.stats.rejected += 1;
      this.onRejected({
        item: fullItem(failure.request),
        code: failure.code,
        message: failure.reason,
        // A request DynamoDB changed beyond recognition is still rejected, with the batch's first origin.
        ...(pending ?? (batch[0] as Pending)).origin,
      });
    }
    this.acknowledge(
      batch.filter((p) => !unsettled.has(p) && !rejected.has(p)),
      [...rejected],
    );
    if (stopped !== undefined) throw stopped.error;
  }

  private acknowledge(acknowledged: Pending[], rejected: Pending[]): void {
    for (const p of acknowledged) if (p.request.DeleteRequest !== undefined) this.stats.deleted += 1;
    this.onSettled?.(
      acknowledged.map((p) => p.origin),
      rejected.map((p) => p.origin),
    );
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}

function itemOf(request: WriteRequest): Item {
  return request.PutRequest?.Item ?? request.DeleteRequest?.Key ?? {};
}

/** Stands for a passed-through put in `Pending.request`: it is a put, not a delete. */
const PASSED_THROUGH: WriteRequest = { PutRequest: { Item: {} } };

/** A passed-through item as the rejects file takes it: the bytes were checked, so they parse. */
function itemOfRaw(put: RawPut): Item {
  return fromDynamoJsonMap(JSON.parse(put.bytes.toString('utf8')));
}

/** What a write holds in memory while it is in flight. */
function weight(pending: Pending): number {
  if (pending.raw !== undefined) return pending.raw.bytes.length;
  return (pending.origin.textLength ?? UNKNOWN_TEXT_LENGTH) * DECODED_WEIGHT;
}
