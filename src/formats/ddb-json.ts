// DynamoDB JSON lines: `{"Item": {...}}` per line, as AWS imports and exports
// them, and the incremental export records (Metadata, Keys, NewImage, OldImage).
// Decoders yield a batch per chunk read: per-item hops through async
// generators would cost more than the parsing.

import { AttributeValueError, type Item, fromDynamoJsonMap } from './attribute-value.js';
import { type Line, splitLines } from './lines.js';
import type { DecodeError, DecodeStats, Decoded } from './records.js';

/** An incremental export record: what changed in one item, and when. */
export interface ChangeRecord {
  writeTimestampMicros: string;
  keys: Item;
  newImage?: Item;
  oldImage?: Item;
}

export type DecodedChange = { record: ChangeRecord; line: number; itemIndex: number } | { error: DecodeError };

export async function* decodeDynamoJson(
  chunks: AsyncIterable<Uint8Array>,
  stats?: DecodeStats,
): AsyncGenerator<Decoded[]> {
  const counter = { next: 0 };
  for await (const lines of splitLines(chunks, stats)) {
    const batch: Decoded[] = [];
    for (const line of lines) {
      const parsed = parseLine(line, counter);
      if (parsed === undefined) continue;
      if ('error' in parsed) {
        batch.push(parsed);
        continue;
      }
      const { value, itemIndex } = parsed;
      const item = (value as { Item?: unknown }).Item;
      if (item === undefined) {
        batch.push({ error: { code: 'NOT_AN_ITEM', message: notAnItem(value), line: line.number, itemIndex } });
        continue;
      }
      try {
        batch.push({ item: fromDynamoJsonMap(item), line: line.number, itemIndex, textLength: line.text.length });
      } catch (error) {
        batch.push({ error: attributeError(error, line.number, itemIndex, 'Item') });
      }
    }
    yield batch;
  }
}

export async function* decodeChangeRecords(
  chunks: AsyncIterable<Uint8Array>,
  stats?: DecodeStats,
): AsyncGenerator<DecodedChange[]> {
  const counter = { next: 0 };
  for await (const lines of splitLines(chunks, stats)) {
    const batch: DecodedChange[] = [];
    for (const line of lines) {
      const parsed = parseLine(line, counter);
      if (parsed !== undefined)
        batch.push('error' in parsed ? parsed : toChange(parsed.value, line.number, parsed.itemIndex));
    }
    yield batch;
  }
}

function toChange(value: object, line: number, itemIndex: number): DecodedChange {
  const record = value as {
    Metadata?: { WriteTimestampMicros?: unknown };
    Keys?: unknown;
    NewImage?: unknown;
    OldImage?: unknown;
  };
  const timestamp = record.Metadata?.WriteTimestampMicros;
  if (record.Keys === undefined || (typeof timestamp !== 'string' && typeof timestamp !== 'number')) {
    return {
      error: {
        code: 'NOT_AN_ITEM',
        message: 'expected an incremental export record with Metadata.WriteTimestampMicros and Keys',
        line,
        itemIndex,
      },
    };
  }
  let part = 'Keys';
  try {
    const keys = fromDynamoJsonMap(record.Keys);
    part = 'NewImage';
    const newImage = record.NewImage === undefined ? undefined : fromDynamoJsonMap(record.NewImage);
    part = 'OldImage';
    const oldImage = record.OldImage === undefined ? undefined : fromDynamoJsonMap(record.OldImage);
    return {
      record: {
        writeTimestampMicros: String(timestamp),
        keys,
        ...(newImage && { newImage }),
        ...(oldImage && { oldImage }),
      },
      line,
      itemIndex,
    };
  } catch (error) {
    return { error: attributeError(error, line, itemIndex, part) };
  }
}

/** A non-blank line parsed as a JSON object, or an error for it; undefined for a blank line. */
function parseLine(
  line: Line,
  counter: { next: number },
): { value: object; itemIndex: number } | { error: DecodeError } | undefined {
  const { text, number } = line;
  if (text.length === 0 || (isSpace(text.charCodeAt(0)) && text.trim().length === 0)) return undefined;
  const itemIndex = counter.next++;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      error: {
        code: 'MALFORMED_JSON',
        message: `the line is not valid JSON: ${(error as Error).message}`,
        line: number,
        itemIndex,
      },
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: { code: 'NOT_AN_ITEM', message: notAnItem(value), line: number, itemIndex } };
  }
  return { value, itemIndex };
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 0xfeff;
}

function notAnItem(value: unknown): string {
  const found =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? `an object with ${Object.keys(value).join(', ') || 'no keys'}`
      : JSON.stringify(value)?.slice(0, 40);
  return `expected {"Item": {...}} on each line, found ${found}`;
}

function attributeError(error: unknown, line: number, itemIndex: number, part: string): DecodeError {
  if (!(error instanceof AttributeValueError)) throw error;
  const where = part === 'Item' ? error.path : [part, error.path].filter((p) => p !== '').join('.');
  return { code: error.code, message: where === '' ? error.reason : `${where}: ${error.reason}`, line, itemIndex };
}

const ITEM_OPEN = Buffer.from('{"Item":');
const ITEM_CLOSE = Buffer.from('}\n');
const NEWLINE = 0x0a;

/**
 * `{"Item":{...}}` lines, as AWS's export writes them, around items that are
 * already DynamoDB JSON (as DynamoDB's API sends them), in one buffer.
 */
export function dynamoJsonLines(items: readonly Buffer[]): Buffer {
  const lines: Buffer[] = [];
  for (const item of items) {
    // DynamoDB sends compact JSON; anything spread over lines is made compact.
    lines.push(ITEM_OPEN, item.includes(NEWLINE) ? compact(item) : item, ITEM_CLOSE);
  }
  return Buffer.concat(lines);
}

function compact(json: Buffer): Buffer {
  return Buffer.from(JSON.stringify(JSON.parse(json.toString('utf8'))), 'utf8');
}
