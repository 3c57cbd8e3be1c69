// Incremental export records in DynamoDB JSON, one per line, as AWS writes
// them: {"Metadata":{"WriteTimestampMicros":...},"Keys":{...},"NewImage":{...},
// "OldImage":{...}}. A record is read, never trusted: a line that is not one
// is an error at its line (located, its content cut short in the message),
// the next line goes on. What to write for a record is decided in
// change-writes.ts, which knows the table's keys.

import {
  AttributeValueError,
  type Item,
  type JsonWalk,
  fromDynamoJsonMap,
  newWalk,
  numberValue,
} from './attribute-value.js';
import { EXCERPT_CHARS, excerpt } from './excerpt.js';
import { duplicateName } from './json-keys.js';
import { type Line, splitLines } from './lines.js';
import type { DecodeError, DecodeFailure, DecodeStats } from './records.js';

/** One change as the export holds it: the final state of one item in the window. */
export interface ChangeRecord {
  keys: Item;
  /** The item at the window's end; absent when it was deleted. */
  newImage?: Item;
  /** The item before the window's start (NEW_AND_OLD_IMAGES only); absent when it was created in the window. */
  oldImage?: Item;
  /** Microseconds since the epoch, as digits: AWS writes a string or {"N": "..."}. */
  writeTimestampMicros: string;
}

export interface DecodedChange {
  change: ChangeRecord;
  line: number;
  itemIndex: number;
  /** Characters of source text the record came from; bounds each image's size. */
  textLength: number;
}

export type DecodedChangeRecord = DecodedChange | DecodeFailure;

/** Batches of records (or errors in their place), one batch per chunk read, in source order. */
export async function* decodeChangeRecords(
  chunks: AsyncIterable<Uint8Array>,
  stats?: DecodeStats,
): AsyncGenerator<DecodedChangeRecord[]> {
  let itemIndex = 0;
  for await (const lines of splitLines(chunks, stats)) {
    let batch: DecodedChangeRecord[] = [];
    for (const line of lines) {
      if (line.error === undefined && line.text.trim() === '') continue;
      batch.push(decodeChangeLine(line, itemIndex++));
      // Small batches: the writes they feed go out (and answers come in) between them, not after a whole chunk.
      if (batch.length === MAX_BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
}

/** Records decoded at a time: about two BatchWriteItem requests' worth. */
export const MAX_BATCH = 50;

/** A record that is not what an incremental export writes; its code says how. */
export class NotAChange extends Error {
  readonly code: DecodeError['code'];

  constructor(message: string, code: DecodeError['code'] = 'NOT_A_CHANGE') {
    super(message);
    this.name = 'NotAChange';
    this.code = code;
  }
}

const SHAPE =
  'expected an incremental export record {"Metadata": {"WriteTimestampMicros": ...}, "Keys": {...}, "NewImage": {...}, "OldImage": {...}}';

export function decodeChangeLine(line: Line, itemIndex: number): DecodedChangeRecord {
  const error = (code: DecodeError['code'], message: string): DecodeFailure => ({
    error: { code, message, line: line.number, itemIndex },
  });
  if (line.error !== undefined) return error(line.error.code, line.error.message);
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch (parseError) {
    return error(
      'MALFORMED_JSON',
      `the line is not valid JSON: ${excerpt((parseError as Error).message, 2 * EXCERPT_CHARS)}`,
    );
  }
  const walk = newWalk();
  let change: ChangeRecord;
  try {
    change = readRecord(value, walk);
  } catch (readError) {
    if (readError instanceof NotAChange) return error(readError.code, readError.message);
    if (readError instanceof AttributeValueError) return error(readError.code, readError.message);
    throw readError;
  }
  const twice = duplicateName(line.text, { keys: walk.keys });
  if (twice !== undefined)
    return error(
      'DUPLICATE_ATTRIBUTE',
      `the name "${excerpt(twice)}" appears more than once in the same object; JSON would keep only the last`,
    );
  return { change, line: line.number, itemIndex, textLength: line.text.length };
}

/** The record's parts, converted; `walk.keys` ends as the number of object keys read, for the duplicate check. */
function readRecord(value: unknown, walk: JsonWalk): ChangeRecord {
  if (!isObject(value)) throw new NotAChange(`${SHAPE}, found ${describe(value)}`);
  walk.keys += Object.keys(value).length;
  const record = value as Record<string, unknown>;
  if (record.Keys === undefined) throw new NotAChange(`${SHAPE}, found ${describe(value)}`);
  const writeTimestampMicros = readTimestamp(record.Metadata, walk);
  const keys = readMap(record.Keys, 'Keys', walk);
  const newImage = readImage(record.NewImage, 'NewImage', walk);
  const oldImage = readImage(record.OldImage, 'OldImage', walk);
  return checkedChange(keys, newImage, oldImage, writeTimestampMicros);
}

/** The parts of a record (in either format) made one, once its Keys and images agree. */
export function checkedChange(
  keys: Item,
  newImage: Item | undefined,
  oldImage: Item | undefined,
  writeTimestampMicros: string,
): ChangeRecord {
  if (Object.keys(keys).length === 0)
    throw new NotAChange('Keys is empty: a record names the key of the item it changes');
  for (const [name, image] of [
    ['NewImage', newImage],
    ['OldImage', oldImage],
  ] as const) {
    const differs = image === undefined ? undefined : differingKey(keys, image);
    if (differs !== undefined)
      throw new NotAChange(
        `${name} does not carry the record's key: its "${excerpt(differs)}" ${image?.[differs] === undefined ? 'is missing' : 'differs from Keys'}`,
        'IMAGE_KEY_MISMATCH',
      );
  }
  return {
    keys,
    ...(newImage === undefined ? {} : { newImage }),
    ...(oldImage === undefined ? {} : { oldImage }),
    writeTimestampMicros,
  };
}

export const MICROS = /^\d{1,20}$/;

/** `"1680109764000000"` as the documentation shows it, or `{"N": "1774379199746598"}` as AWS writes it today. */
function readTimestamp(metadata: unknown, walk: JsonWalk): string {
  if (!isObject(metadata))
    throw new NotAChange(`expected Metadata to be an object holding WriteTimestampMicros, found ${describe(metadata)}`);
  walk.keys += Object.keys(metadata).length;
  const raw = (metadata as Record<string, unknown>).WriteTimestampMicros;
  let text: unknown = raw;
  if (isObject(raw)) {
    walk.keys += Object.keys(raw).length;
    text = Object.keys(raw).length === 1 ? (raw as Record<string, unknown>).N : undefined;
  } else if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) {
    text = String(raw);
  }
  if (typeof text !== 'string' || !MICROS.test(text))
    throw new NotAChange(
      `expected Metadata.WriteTimestampMicros to be microseconds since the epoch, as "1680109764000000" or {"N": "1680109764000000"}; found ${describe(raw)}`,
    );
  return text;
}

function readMap(value: unknown, part: string, walk: JsonWalk): Item {
  if (!isObject(value))
    throw new NotAChange(`expected ${part} to be an object of attributes, found ${describe(value)}`);
  try {
    return fromDynamoJsonMap(value, walk);
  } catch (error) {
    throw error instanceof AttributeValueError ? error.within(part) : error;
  }
}

/** An image, or undefined when it is absent or null (a delete writes no NewImage). */
function readImage(value: unknown, part: string, walk: JsonWalk): Item | undefined {
  return value === undefined || value === null ? undefined : readMap(value, part, walk);
}

/** The first attribute of Keys the image lacks or holds with another value. */
function differingKey(keys: Item, image: Item): string | undefined {
  for (const name of Object.keys(keys)) {
    const a = keys[name];
    const b = Object.hasOwn(image, name) ? image[name] : undefined;
    if (a === undefined || b === undefined || !sameScalar(a, b)) return name;
  }
  return undefined;
}

/** Key values are S, N or B; numbers compare by value, as DynamoDB compares keys. */
function sameScalar(a: Item[string], b: Item[string]): boolean {
  if (a.S !== undefined) return a.S === b.S;
  if (a.N !== undefined) return b.N !== undefined && numberValue(a.N) === numberValue(b.N);
  if (a.B !== undefined) return b.B !== undefined && Buffer.from(a.B).equals(Buffer.from(b.B));
  // Anything else cannot be a key; the key schema check says so with its own words.
  return JSON.stringify(a) === JSON.stringify(b);
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a value is, named without quoting it. */
function describe(value: unknown): string {
  if (isObject(value)) return `an object with ${excerpt(Object.keys(value).join(', ')) || 'no keys'}`;
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  return `a ${typeof value}`;
}
