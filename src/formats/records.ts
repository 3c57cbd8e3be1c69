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
  | 'INVALID_UTF8'
  | 'DUPLICATE_ATTRIBUTE'
  | 'EMPTY_ATTRIBUTE_NAME'
  | 'TOO_DEEPLY_NESTED'
  | 'MALFORMED_ION'
  | 'MALFORMED_CSV'
  | 'CSV_COLUMN_COUNT'
  | 'WRONG_CSV_DELIMITER'
  | 'NOT_JSON_LINES'
  | 'TRUNCATED_OBJECT'
  | 'CORRUPT_OBJECT'
  | 'TRAILING_DATA'
  | 'ITEM_TOO_LARGE'
  | 'MISSING_KEY'
  | 'EMPTY_KEY'
  | 'KEY_TOO_LARGE'
  | 'KEY_TYPE_MISMATCH'
  | 'NOT_A_CHANGE'
  | 'IMAGE_KEY_MISMATCH'
  | 'KEY_SCHEMA_MISMATCH'
  | 'OUTSIDE_WINDOW'
  | 'DUPLICATE_CHANGE';

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
export interface DecodeFailure {
  error: DecodeError;
  item?: Item;
  /** The record as the source wrote it, when it was read but holds a value DynamoDB would refuse. */
  text?: string;
}

export type Decoded = DecodedItem | DecodeFailure;

/** A DynamoDB JSON line's item as its bytes, checked without being built (dynamodb-json-check.ts). */
export interface CheckedLine {
  /** The bytes of the `Item` object: a view of the line. */
  bytes: Buffer;
  /** The key attributes (the table's and any index's the item has), as the SDK would hold them. */
  key: Item;
  /** The item's size as DynamoDB counts it. */
  size: number;
}

/** A DynamoDB JSON item kept as its bytes, already checked against the keys and its size. */
export interface DecodedRaw {
  raw: CheckedLine;
  line: number;
  itemIndex: number;
}

/** Counters a decoder keeps up to date as it reads, for progress and the summary. */
export interface DecodeStats {
  /** Bytes after decompression. */
  bytes: number;
  lines: number;
  items: number;
  errors: number;
  /** Ion annotations other than DynamoDB's, on the items read: dropped, since an item has no place for them. */
  annotationsDropped: number;
}

export function newStats(): DecodeStats {
  return { bytes: 0, lines: 0, items: 0, errors: 0, annotationsDropped: 0 };
}

/** Why the rest of an object cannot be read. */
export type ObjectErrorCode = Extract<
  DecodeErrorCode,
  | 'TRUNCATED_OBJECT'
  | 'CORRUPT_OBJECT'
  | 'TRAILING_DATA'
  | 'DUPLICATE_ATTRIBUTE'
  | 'INVALID_UTF8'
  | 'WRONG_CSV_DELIMITER'
  | 'NOT_JSON_LINES'
>;

/**
 * A whole object cannot be read further: a truncated or corrupt stream, data
 * after its end, or a CSV header that no row can be read with.
 */
export class ObjectReadError extends Error {
  readonly code: ObjectErrorCode;

  constructor(code: ObjectErrorCode, message: string) {
    super(message);
    this.name = 'ObjectReadError';
    this.code = code;
  }
}
