// The rejected-items file: one DynamoDB JSON line per item that could not be
// imported, with the reason and the place it came from beside it, so it can
// be fixed and imported again. Created only when something is rejected.

import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { type Item, toDynamoJsonMap } from '../formats/attribute-value.js';
import type { Store, WriteResult } from '../storage/store.js';

export interface RejectedRecord {
  /** Absent when the record could not be read as an item at all. */
  item?: Item;
  code: string;
  message: string;
  object: string;
  line?: number;
  itemIndex?: number;
}

export class RejectsFile {
  private stream: PassThrough | undefined;
  private writing: Promise<WriteResult> | undefined;
  count = 0;
  private readonly store: Store;
  private readonly key: string;

  constructor(store: Store, key: string) {
    this.store = store;
    this.key = key;
  }

  get location(): string {
    return this.store.describe(this.key);
  }

  async add(record: RejectedRecord): Promise<void> {
    if (this.stream === undefined) {
      this.stream = new PassThrough();
      this.writing = this.store.write(this.key, this.stream);
      // Kept from becoming an unhandled rejection; add() and close() rethrow it.
      this.writing.catch(() => undefined);
    }
    this.count += 1;
    const line = JSON.stringify({
      ...(record.item === undefined ? {} : { Item: toDynamoJsonMap(record.item) }),
      error: { code: record.code, message: record.message },
      source: {
        object: record.object,
        ...(record.line === undefined ? {} : { line: record.line }),
        ...(record.itemIndex === undefined ? {} : { itemIndex: record.itemIndex }),
      },
    });
    // A failed upload stops reading the stream: wait for a drain or that failure, never forever.
    if (!this.stream.write(`${line}\n`)) await Promise.race([once(this.stream, 'drain'), this.writing]);
  }

  /** Finishes the file; the location if anything was written. */
  async close(): Promise<string | undefined> {
    if (this.stream === undefined) return undefined;
    this.stream.end();
    await this.writing;
    return this.location;
  }
}
