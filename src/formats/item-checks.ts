// The checks DynamoDB makes on every item before writing it, with AWS's own
// wording, so a bad item is caught here with its location instead of failing
// a whole batch later.

import type {
  AttributeDefinition,
  AttributeValue,
  KeySchemaElement,
  ScalarAttributeType,
} from '@aws-sdk/client-dynamodb';
import type { Item } from './attribute-value.js';
import type { DecodeError } from './records.js';

export const MAX_ITEM_BYTES = 400 * 1024;

/** The most bytes a key value may have: a partition key's, and a sort key's (the table's or an index's). */
export const MAX_PARTITION_KEY_BYTES = 2048;
export const MAX_SORT_KEY_BYTES = 1024;

/** A key attribute an item is checked against: the table's, or an index's. */
export interface KeyCheck {
  name: string;
  type: ScalarAttributeType;
  /** Set for an index key: an item may lack it, but not have the wrong type. */
  index?: string;
  /** The most bytes its value may have: 1024 when it is a sort key anywhere; 2048 (a partition key's) when absent. */
  maxBytes?: number;
}

interface IndexKeys {
  IndexName?: string | undefined;
  KeySchema?: KeySchemaElement[] | undefined;
}

/** What TableCreationParameters and TableDescription share about keys. */
interface KeyDefinitions {
  KeySchema?: KeySchemaElement[] | undefined;
  AttributeDefinitions?: AttributeDefinition[] | undefined;
  GlobalSecondaryIndexes?: IndexKeys[] | undefined;
  LocalSecondaryIndexes?: IndexKeys[] | undefined;
}

export function keyChecksFrom(definitions: KeyDefinitions): KeyCheck[] {
  const typeOf = (name: string | undefined): ScalarAttributeType =>
    (definitions.AttributeDefinitions?.find((d) => d.AttributeName === name)?.AttributeType ??
      'S') as ScalarAttributeType;
  const checks: KeyCheck[] = (definitions.KeySchema ?? []).map((k) => ({
    name: k.AttributeName ?? '',
    type: typeOf(k.AttributeName),
  }));
  const indexes = [...(definitions.GlobalSecondaryIndexes ?? []), ...(definitions.LocalSecondaryIndexes ?? [])];
  for (const index of indexes) {
    for (const key of index.KeySchema ?? []) {
      if (checks.some((c) => c.name === key.AttributeName)) continue;
      checks.push({ name: key.AttributeName ?? '', type: typeOf(key.AttributeName), index: index.IndexName ?? '' });
    }
  }
  // A sort key anywhere, the table's or an index's, holds at most 1024 bytes.
  const sortKeys = [definitions, ...indexes].flatMap((d) =>
    (d.KeySchema ?? []).filter((k) => k.KeyType === 'RANGE').map((k) => k.AttributeName),
  );
  for (const check of checks) if (sortKeys.includes(check.name)) check.maxBytes = MAX_SORT_KEY_BYTES;
  return checks;
}

/** The first problem with an item, or undefined when DynamoDB would accept it. */
export function checkItem(
  item: Item,
  keys: readonly KeyCheck[],
  textLength: number,
): Omit<DecodeError, 'line' | 'itemIndex'> | undefined {
  for (const key of keys) {
    const value = item[key.name];
    if (value === undefined) {
      if (key.index !== undefined) continue;
      return {
        code: 'MISSING_KEY',
        message: `One or more parameter values were invalid: Missing the key ${key.name} in the item`,
      };
    }
    const actual = scalarType(value);
    if (actual !== key.type) {
      return {
        code: 'KEY_TYPE_MISMATCH',
        message:
          key.index === undefined
            ? `One or more parameter values were invalid: Type mismatch for key ${key.name} expected: ${key.type} actual: ${actual}`
            : `One or more parameter values were invalid: Type mismatch for Index Key ${key.name} Expected: ${key.type} Actual: ${actual} IndexName: ${key.index}`,
      };
    }
    if ((value.S !== undefined && value.S.length === 0) || (value.B !== undefined && value.B.byteLength === 0)) {
      return {
        code: 'EMPTY_KEY',
        message: `One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty ${value.S === undefined ? 'binary' : 'string'} value. Key: ${key.name}`,
      };
    }
    const over = keyOverLimit(value, key);
    if (over !== undefined) return { code: 'KEY_TOO_LARGE', message: over };
  }
  // The source text is never smaller than a fifth of the item's size, so
  // short records cannot be over the limit and skip the exact count.
  if (textLength * 5 < MAX_ITEM_BYTES) return undefined;
  const size = itemSize(item);
  if (size > MAX_ITEM_BYTES) {
    return {
      code: 'ITEM_TOO_LARGE',
      message: `Item size has exceeded the maximum allowed size (${size} bytes; the limit is ${MAX_ITEM_BYTES})`,
    };
  }
  return undefined;
}

/** Why a key value is larger than DynamoDB takes, or undefined when it is not (numbers never are). */
export function keyOverLimit(value: AttributeValue, key: KeyCheck): string | undefined {
  const max = key.maxBytes ?? MAX_PARTITION_KEY_BYTES;
  // A character is at most 3 UTF-8 bytes (a surrogate pair 4 for 2): a short string needs no count.
  const size =
    value.B !== undefined
      ? value.B.byteLength
      : value.S !== undefined && value.S.length * 3 > max
        ? utf8Length(value.S)
        : 0;
  if (size <= max) return undefined;
  const what = max === MAX_SORT_KEY_BYTES ? 'a sort key' : 'a partition key';
  const index = key.index === undefined ? '' : ` of index ${key.index}`;
  return `One or more parameter values were invalid: the key ${key.name}${index} is ${size} bytes, over DynamoDB's limit of ${max} bytes for ${what}`;
}

function scalarType(value: AttributeValue): string {
  return Object.keys(value).find((k) => (value as unknown as Record<string, unknown>)[k] !== undefined) ?? '?';
}

const utf8 = new TextEncoder();

/** An item's size as DynamoDB counts it: names and values, with container overheads. */
export function itemSize(item: Item): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) size += utf8Length(name) + valueSize(value);
  return size;
}

function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return utf8Length(value.S);
  if (value.N !== undefined) return numberSize(value.N);
  if (value.B !== undefined) return value.B.byteLength;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((sum, s) => sum + utf8Length(s), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, n) => sum + numberSize(n), 0);
  if (value.BS !== undefined) return value.BS.reduce((sum, b) => sum + b.byteLength, 0);
  if (value.L !== undefined) return 3 + value.L.reduce((sum, v) => sum + 1 + valueSize(v), 0);
  if (value.M !== undefined)
    return 3 + Object.entries(value.M).reduce((sum, [k, v]) => sum + 1 + utf8Length(k) + valueSize(v), 0);
  return 0;
}

/** One byte per two significant digits, plus one. */
export function numberSize(text: string): number {
  const digits = text
    .replace(/[eE].*$/, '')
    .replace(/[^0-9]/g, '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return Math.ceil(digits.length / 2) + 1;
}

function utf8Length(text: string): number {
  // Most names and values are ASCII: count without encoding when they are.
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text) ? text.length : utf8.encode(text).byteLength;
}
