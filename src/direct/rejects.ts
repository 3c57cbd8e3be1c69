// The one rejected-item type, and the rejected-items file: one DynamoDB JSON
// line per item that could not be imported, with the reason and the place it
// came from beside it, so it can be fixed and imported again. Created only
// when something is rejected, and then exclusively: a file (or a symbolic
// link) already at its place is never written over or through.

import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { type Item, toDynamoJsonMap } from '../formats/attribute-value.js';
import { TransferError } from '../errors.js';
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
  /** The record as the source wrote it, when it could not be made an item (kept to be fixed). */
  text?: string;
}

export interface RejectsFileOptions {
  /** Create the file only when nothing is at its place (see WriteOptions.exclusive). */
  exclusive?: boolean;
  /** What the file holds, for messages: `rejected items` (the default), or `differences` (verify's file). */
  holds?: string;
  /** Checked again right before the file is created: throws when the place is no longer safe. */
  check?: () => void;
}

export class RejectsFile {
  private stream: PassThrough | undefined;
  private writing: Promise<WriteResult> | undefined;
  private readonly store: Store;
  private readonly key: string;
  private readonly options: RejectsFileOptions;

  constructor(store: Store, key: string, options: RejectsFileOptions = {}) {
    this.store = store;
    this.key = key;
    this.options = options;
  }

  get location(): string {
    return this.store.describe(this.key);
  }

  async add(rejected: RejectedItem): Promise<void> {
    const line = JSON.stringify({
      ...(rejected.item === undefined ? {} : { Item: toDynamoJsonMap(rejected.item) }),
      error: { code: rejected.code, message: rejected.message },
      source: {
        object: rejected.object,
        ...(rejected.line === undefined ? {} : { line: rejected.line }),
        ...(rejected.itemIndex === undefined ? {} : { itemIndex: rejected.itemIndex }),
        ...(rejected.text === undefined ? {} : { text: rejected.text }),
      },
    });
    await this.addLine(line);
  }

  /** One line of JSON (without its newline); the file is created with the first. */
  async addLine(line: string): Promise<void> {
    if (this.stream === undefined) {
      this.options.check?.();
      this.stream = new PassThrough();
      this.writing = this.store
        .write(this.key, this.stream, this.options.exclusive ? { exclusive: true } : {})
        .catch((error: unknown) => {
          throw this.explain(error);
        });
      // Kept from becoming an unhandled rejection; add() and close() rethrow it.
      this.writing.catch(() => undefined);
    }
    // A failed upload stops reading the stream: wait for a drain or that failure, never forever.
    if (!this.stream.write(`${line}\n`)) await Promise.race([once(this.stream, 'drain'), this.writing]);
  }

  /** A file that appeared at the place after the check: said as such, not as a raw EEXIST. */
  private explain(error: unknown): unknown {
    if ((error as { code?: string }).code !== 'EEXIST') return error;
    return new TransferError(
      'WRITE_FAILED',
      `${this.location} already exists: ${this.options.holds ?? 'rejected items'} are never written over a file (or through a symbolic link) this run did not create. Remove it or choose another rejected-items.`,
    );
  }

  /** Finishes the file; the location if anything was written. */
  async close(): Promise<string | undefined> {
    if (this.stream === undefined) return undefined;
    this.stream.end();
    await this.writing;
    return this.location;
  }
}
