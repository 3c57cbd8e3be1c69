// What decoders yield: an item with where it came from, or an error for one
// record with a stable code. Decoders never stop at a bad record.

import type { Item } from './attribute-value.js';

export type DecodeErrorCode =
  | 'MALFORMED_JSON'
  | 'NOT_AN_ITEM'
  | 'INVALID_TYPE'
  | 'INVALID_NUMBER'
  | 'INVALID_BINARY'
  | 'INVALID_SET'
  | 'MALFORMED_ION'
  | 'UNSUPPORTED_ION_TYPE'
  | 'MALFORMED_CSV'
  | 'CSV_COLUMN_COUNT'
  | 'TRUNCATED_OBJECT'
  | 'CORRUPT_OBJECT'
  | 'ITEM_TOO_LARGE'
  | 'MISSING_KEY'
  | 'EMPTY_KEY'
  | 'KEY_TYPE_MISMATCH';

export interface DecodeError {
  code: DecodeErrorCode;
  message: string;
  /** 1-based line where the record starts (CSV: where it ends). */
  line?: number;
  /** 0-based index of the record in its object, as AWS's error log counts. */
  itemIndex?: number;
}

export interface DecodedItem {
  item: Item;
  line: number;
  itemIndex: number;
  /** Characters of source text the item came from; bounds its size without counting it. */
  textLength: number;
}

/** A record that could not be used; `item` is there when it was read but failed the checks. */
export interface RejectedRecord {
  error: DecodeError;
  item?: Item;
}

export type Decoded = DecodedItem | RejectedRecord;

export function isError(decoded: Decoded): decoded is RejectedRecord {
  return 'error' in decoded;
}

/** Counters a decoder keeps up to date as it reads, for progress and the summary. */
export interface DecodeStats {
  /** Bytes after decompression. */
  bytes: number;
  lines: number;
  items: number;
  errors: number;
}

export function newStats(): DecodeStats {
  return { bytes: 0, lines: 0, items: 0, errors: 0 };
}

/** A whole object cannot be read further (truncated or corrupt stream). */
export class ObjectReadError extends Error {
  readonly code: 'TRUNCATED_OBJECT' | 'CORRUPT_OBJECT';

  constructor(code: 'TRUNCATED_OBJECT' | 'CORRUPT_OBJECT', message: string) {
    super(message);
    this.name = 'ObjectReadError';
    this.code = code;
  }
}
