// DynamoDB JSON lines: `{"Item": {...}}` per line, as AWS imports and exports
// them. Decoders yield a batch per chunk read: per-item hops through async
// generators would cost more than the parsing.

import { AttributeValueError, fromDynamoJsonMap, newWalk } from './attribute-value.js';
import { EXCERPT_CHARS, excerpt } from './excerpt.js';
import { duplicateName } from './json-keys.js';
import { type Line, splitLines } from './lines.js';
import type { DecodeError, DecodeStats, Decoded } from './records.js';

export async function* decodeDynamoJson(
  chunks: AsyncIterable<Uint8Array>,
  stats?: DecodeStats,
): AsyncGenerator<Decoded[]> {
  let itemIndex = 0;
  for await (const lines of splitLines(chunks, stats)) {
    const batch: Decoded[] = [];
    for (const line of lines) {
      if (line.error === undefined && isBlank(line.text)) continue;
      batch.push(decodeLine(line, itemIndex++));
    }
    yield batch;
  }
}

/** One non-blank line: an item, or an error that says why it is not one. */
export function decodeLine(line: Line, itemIndex: number): Decoded {
  const { text, number } = line;
  const error = (code: DecodeError['code'], message: string, kept?: string): Decoded => ({
    error: { code, message, line: number, itemIndex },
    ...(kept !== undefined && { text: kept }),
  });
  if (line.error !== undefined) return error(line.error.code, line.error.message);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (parseError) {
    return error(
      'MALFORMED_JSON',
      `the line is not valid JSON: ${excerpt((parseError as Error).message, 2 * EXCERPT_CHARS)}`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return error('NOT_AN_ITEM', notAnItem(value));
  const item = (value as { Item?: unknown }).Item;
  if (item === undefined) return error('NOT_AN_ITEM', notAnItem(value));
  const walk = newWalk();
  let converted;
  try {
    converted = fromDynamoJsonMap(item, walk);
  } catch (conversionError) {
    if (!(conversionError instanceof AttributeValueError)) throw conversionError;
    return error(conversionError.code, conversionError.message, text);
  }
  // The wrapper's keys too; its length is known when Item is all it holds.
  const wrapperKeys = Object.keys(value).length;
  const twice = duplicateName(text, {
    keys: walk.keys + wrapperKeys,
    chars: wrapperKeys === 1 ? walk.chars + WRAPPER_CHARS : undefined,
  });
  if (twice !== undefined)
    return error(
      'DUPLICATE_ATTRIBUTE',
      `the name "${excerpt(twice)}" appears more than once in the same object; JSON would keep only the last`,
      text,
    );
  return { item: converted, line: number, itemIndex, textLength: text.length };
}

/** `{"Item":` and `}` */
const WRAPPER_CHARS = 9;

export function isBlank(text: string): boolean {
  return text.length === 0 || (isSpace(text.charCodeAt(0)) && text.trim().length === 0);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 0xfeff;
}

/** What the line holds instead of an item, named without quoting it. */
function notAnItem(value: unknown): string {
  const found =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? `an object with ${excerpt(Object.keys(value).join(', ')) || 'no keys'}`
      : Array.isArray(value)
        ? 'an array'
        : value === null
          ? 'null'
          : `a ${typeof value}`;
  return `expected {"Item": {...}} on each line, found ${found}`;
}

const ITEM_OPEN = Buffer.from('{"Item":');
const ITEM_CLOSE = Buffer.from('}\n');
const NEWLINE = 0x0a;

/**
 * `{"Item":{...}}` lines, as AWS's export writes them, around items that are
 * already DynamoDB JSON (as DynamoDB's API sends them), in one buffer.
 */
export function dynamoJsonLines(items: readonly Buffer[]): Buffer {
  // DynamoDB sends compact JSON; anything spread over lines is made compact.
  const compacted = items.map((item) => (item.includes(NEWLINE) ? compact(item) : item));
  let size = 0;
  for (const item of compacted) size += ITEM_OPEN.length + item.length + ITEM_CLOSE.length;
  // Written straight into one buffer: the export's hot path, an item at a time.
  const lines = Buffer.allocUnsafe(size);
  let at = 0;
  for (const item of compacted) {
    lines.set(ITEM_OPEN, at);
    lines.set(item, at + ITEM_OPEN.length);
    at += ITEM_OPEN.length + item.length;
    lines.set(ITEM_CLOSE, at);
    at += ITEM_CLOSE.length;
  }
  return lines;
}

function compact(json: Buffer): Buffer {
  return Buffer.from(JSON.stringify(JSON.parse(json.toString('utf8'))), 'utf8');
}
