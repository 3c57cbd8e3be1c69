// The one rejected-item type, and the rejected-items file: one DynamoDB JSON
// line per item that could not be imported, with the reason and the place it
// came from beside it, so it can be fixed and imported again. Created only
// when something is rejected.

import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { type Item, toDynamoJsonMap } from '../formats/attribute-value.js';
import type { Store, WriteResult } from '../storage/store.js';

/** An item (or a record that could not be read as one) that was not written, and why. */
export interface RejectedItem {
  /** Absent when the record could not be read as an item at all. */
  item?: Item;
  code: string;
  message: string;
  /** The object or file it came from, as shown to people (s3://bucket/key or a path). */
  object: string;
  line?: number;
  itemIndex?: number;
}

export class RejectsFile {
  private stream: PassThrough | undefined;
  private writing: Promise<WriteResult> | undefined;
  private readonly store: Store;
  private readonly key: string;

  constructor(store: Store, key: string) {
    this.store = store;
    this.key = key;
  }

  get location(): string {
    return this.store.describe(this.key);
  }

  async add(rejected: RejectedItem): Promise<void> {
    if (this.stream === undefined) {
      this.stream = new PassThrough();
      this.writing = this.store.write(this.key, this.stream);
      // Kept from becoming an unhandled rejection; add() and close() rethrow it.
      this.writing.catch(() => undefined);
    }
    const line = JSON.stringify({
      ...(rejected.item === undefined ? {} : { Item: toDynamoJsonMap(rejected.item) }),
      error: { code: rejected.code, message: rejected.message },
      source: {
        object: rejected.object,
        ...(rejected.line === undefined ? {} : { line: rejected.line }),
        ...(rejected.itemIndex === undefined ? {} : { itemIndex: rejected.itemIndex }),
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
