// Writes items with BatchWriteItem: 25 a request, `concurrency` requests in
// flight. Two writes of the same key are never in flight together, so the
// last one in the source wins, as AWS's import documents.

import type { DynamoDBClient, WriteRequest } from '@aws-sdk/client-dynamodb';
import type { Item } from '../formats/attribute-value.js';
import { keyString } from './item-key.js';
import { type RetryDeps, writeAll } from './retry.js';

const BATCH_SIZE = 25;

/** Where an item came from, passed back with it if it is rejected. */
export interface ItemOrigin {
  object: string;
  line: number;
  itemIndex: number;
}

export interface Rejection {
  item: Item;
  origin: ItemOrigin;
  code: string;
  reason: string;
}

export interface WriterStats {
  written: number;
  rejected: number;
  /** Items whose key an earlier item in the write window already had: they overwrite it. */
  duplicateKeys: number;
}

interface Pending {
  item: Item;
  origin: ItemOrigin;
  key: string;
}

export class BatchWriter {
  readonly stats: WriterStats = { written: 0, rejected: 0, duplicateKeys: 0 };
  private batch: Pending[] = [];
  private batchKeys = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly keysInFlight = new Map<string, Promise<void>>();
  private failure: unknown;

  private readonly dynamodb: DynamoDBClient;
  private readonly table: string;
  private readonly keyNames: readonly string[];
  private readonly concurrency: number;
  private readonly deps: RetryDeps;
  private readonly onRejected: (rejection: Rejection) => void;

  constructor(options: {
    dynamodb: DynamoDBClient;
    table: string;
    keyNames: readonly string[];
    concurrency: number;
    deps: RetryDeps;
    onRejected: (rejection: Rejection) => void;
  }) {
    this.dynamodb = options.dynamodb;
    this.table = options.table;
    this.keyNames = options.keyNames;
    this.concurrency = options.concurrency;
    this.deps = options.deps;
    this.onRejected = options.onRejected;
  }

  /** Queues an item; waits while `concurrency` requests are in flight. */
  async add(item: Item, origin: ItemOrigin): Promise<void> {
    this.throwIfFailed();
    const key = keyString(item, this.keyNames);
    if (this.batchKeys.has(key)) {
      // The same key twice in one request is an error to DynamoDB: split.
      this.stats.duplicateKeys += 1;
      await this.send();
    } else if (this.keysInFlight.has(key)) {
      this.stats.duplicateKeys += 1;
    }
    this.batch.push({ item, origin, key });
    this.batchKeys.add(key);
    if (this.batch.length >= BATCH_SIZE) await this.send();
  }

  /** Sends what is queued and waits for every request. */
  async flush(): Promise<void> {
    await this.send();
    while (this.inFlight.size > 0) await Promise.race(this.inFlight);
    this.throwIfFailed();
  }

  private async send(): Promise<void> {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    this.batchKeys = new Set();
    while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight);
    this.throwIfFailed();
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
    const requests: WriteRequest[] = batch.map((p) => ({ PutRequest: { Item: p.item } }));
    const failed = await writeAll(this.dynamodb, this.table, requests, this.deps);
    this.stats.written += batch.length - failed.length;
    // Unprocessed requests come back as new objects: match them by key.
    const byKey = new Map(batch.map((p) => [p.key, p]));
    for (const failure of failed) {
      const pending = byKey.get(keyString(failure.request.PutRequest?.Item ?? {}, this.keyNames)) as Pending;
      this.stats.rejected += 1;
      this.onRejected({ item: pending.item, origin: pending.origin, code: failure.code, reason: failure.reason });
    }
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}
