// Where decoded items go: a table (puts and deletes through BatchWriteItem),
// or, for validate, nowhere but a count. The import pipeline does not care
// which.

import type { Item } from '../formats/attribute-value.js';
import type { CheckedLine } from '../formats/records.js';
import type { RejectedItem } from './rejects.js';

/** Where an item came from, passed back with it if it is rejected. */
export interface ItemOrigin {
  object: string;
  line: number;
  itemIndex: number;
  /** Characters of source text it was read from, when known: what it weighs while in flight. */
  textLength?: number;
  /** The import's watermark ticket (src/checkpoint/watermark.ts), handed back once the write is settled. */
  ticket?: number;
}

/** A put whose item stays the DynamoDB JSON bytes it was read as, checked; its key matches it when DynamoDB returns it unprocessed. */
export type RawPut = CheckedLine;

export interface SinkStats {
  /** Writes DynamoDB acknowledged (validate: items that passed every check). */
  written: number;
  /** Of those, deletes. */
  deleted: number;
  /** Writes that failed, each handed to onRejected. */
  rejected: number;
  /** Writes never sent or never acknowledged because the step was cancelled. */
  abandoned: number;
  /** Items whose key an earlier item in the write window already had: they overwrite it. */
  duplicateKeys: number;
}

export function newSinkStats(): SinkStats {
  return { written: 0, deleted: 0, rejected: 0, abandoned: 0, duplicateKeys: 0 };
}

/** What the caller waits for before the next write, if anything: most writes just join a batch. */
export type SinkWait = Promise<void> | undefined;

export interface ItemSink {
  readonly stats: SinkStats;
  put(item: Item, origin: ItemOrigin): SinkWait;
  /** A put passed through as bytes; sinks without it are given decoded items only. */
  putRaw?(put: RawPut, origin: ItemOrigin): SinkWait;
  delete(key: Item, origin: ItemOrigin): SinkWait;
  /** Sends what is queued and waits until every write is acknowledged or rejected. */
  flush(): Promise<void>;
  /** After a failure elsewhere: waits for what is in flight, without sending more, so the counts are exact. */
  settle(): Promise<void>;
}

/** mode: validate: every item that reaches the sink has passed the checks; nothing is written. */
export class CountingSink implements ItemSink {
  readonly stats = newSinkStats();

  put(): SinkWait {
    this.stats.written += 1;
    return undefined;
  }

  putRaw(): SinkWait {
    this.stats.written += 1;
    return undefined;
  }

  delete(): SinkWait {
    this.stats.written += 1;
    this.stats.deleted += 1;
    return undefined;
  }

  async flush(): Promise<void> {}

  async settle(): Promise<void> {}
}

export type OnRejected = (rejected: RejectedItem) => void;
