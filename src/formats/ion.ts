// Amazon Ion text as AWS imports and exports it: `$ion_1_0 {Item:{...}}` per
// line (or a list of such structs), decimals for numbers, blobs for binary,
// `$dynamodb_SS::[...]` for sets. Every digit of a decimal is kept; nothing
// DynamoDB would refuse or silently change is let through (duplicate fields,
// set annotations on other values, nesting past DynamoDB's limit).

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { type Decimal, type IonType, type Reader, makeReader } from 'ion-js';
import {
  AttributeValueError,
  type Item,
  MAX_NESTING,
  checkName,
  checkNumber,
  checkSet,
  fromDynamoJsonMap,
  setAttribute,
} from './attribute-value.js';
import { EXCERPT_CHARS, excerpt } from './excerpt.js';
import { type IonText, splitIonValues } from './ion-values.js';
import { splitLines } from './lines.js';
import type { DecodeError, DecodeStats, Decoded } from './records.js';

const SET_ANNOTATIONS = new Map<string, 'SS' | 'NS' | 'BS'>([
  ['$dynamodb_SS', 'SS'],
  ['$dynamodb_NS', 'NS'],
  ['$dynamodb_BS', 'BS'],
]);

export async function* decodeIon(chunks: AsyncIterable<Uint8Array>, stats?: DecodeStats): AsyncGenerator<Decoded[]> {
  const counter = { next: 0 };
  for await (const values of splitIonValues(splitLines(chunks, stats))) {
    const batch: Decoded[] = [];
    for (const value of values) decodeValueText(value, counter, batch, stats);
    yield batch;
  }
}

/** The items in one piece of Ion text: usually one, several for `$ion_1_0 {...} {...}`. */
function decodeValueText(
  value: IonText,
  counter: { next: number },
  batch: Decoded[],
  stats: DecodeStats | undefined,
): void {
  const malformed = (message: string, code: DecodeError['code'] = 'MALFORMED_ION'): void => {
    batch.push({ error: { code, message, line: value.line, itemIndex: counter.next++ } });
  };
  if (value.broken !== undefined) return malformed(value.broken, value.code);
  let reader: Reader;
  try {
    reader = makeReader(value.text);
  } catch (error) {
    return malformed(notIon(error));
  }
  for (;;) {
    let type: IonType | null;
    try {
      type = reader.next();
    } catch (error) {
      return malformed(notIon(error));
    }
    if (type === null) return;
    const itemIndex = counter.next++;
    try {
      const dropped: Dropped = { annotations: 0 };
      const item = readItemStruct(reader, type, dropped);
      if (stats !== undefined) stats.annotationsDropped += dropped.annotations;
      batch.push({ item, line: value.line, itemIndex, textLength: value.text.length });
    } catch (error) {
      const decodeError = toDecodeError(error, value.line, itemIndex);
      // A value DynamoDB would refuse keeps its text; text ion-js could not read is not an item to keep.
      batch.push({ error: decodeError, ...(decodeError.code !== 'MALFORMED_ION' && { text: value.text }) });
      return; // the reader's position inside a bad value is unknown
    }
  }
}

class NotAnItem extends Error {}

/** What reading an item dropped because DynamoDB has no place for it: counted, for the summary. */
export interface Dropped {
  /** Annotations other than DynamoDB's own ($dynamodb_SS, ...). */
  annotations: number;
}

function readItemStruct(reader: Reader, type: IonType, dropped: Dropped): Item {
  if (type.name !== 'struct' || reader.isNull())
    throw new NotAnItem(`expected a struct {Item: {...}}, found ${reader.isNull() ? 'null' : type.name}`);
  countOthers(reader, dropped);
  reader.stepIn();
  try {
    let item: Item | undefined;
    const fields: string[] = [];
    for (let t = reader.next(); t !== null; t = reader.next()) {
      const name = reader.fieldName() ?? '';
      fields.push(name);
      if (name === 'Item') {
        if (item !== undefined) throw duplicate('Item');
        if (t.name !== 'struct' || reader.isNull())
          throw new NotAnItem(`expected Item to be a struct, found ${t.name}`);
        countOthers(reader, dropped);
        item = readStruct(reader, 0, dropped);
      }
    }
    if (item === undefined)
      throw new NotAnItem(
        `expected a struct {Item: {...}}, found one with ${excerpt(fields.join(', ')) || 'no fields'}`,
      );
    return item;
  } finally {
    reader.stepOut();
  }
}

/** A struct of attributes at `level` (the item's is 0); its values are one level below it. */
export function readStruct(reader: Reader, level: number, dropped: Dropped = { annotations: 0 }): Item {
  const map: Item = {};
  reader.stepIn();
  for (let t = reader.next(); t !== null; t = reader.next()) {
    const name = reader.fieldName() ?? '';
    checkName(name);
    try {
      // ion-js gives every field, where a JSON parser would keep the last of duplicates.
      if (Object.hasOwn(map, name)) throw duplicate(name);
      setAttribute(map, name, readValue(reader, t, level + 1, dropped));
    } catch (error) {
      throw error instanceof AttributeValueError ? error.within(name) : error;
    }
  }
  reader.stepOut();
  return map;
}

function duplicate(name: string): AttributeValueError {
  return new AttributeValueError(
    'DUPLICATE_ATTRIBUTE',
    `the field "${excerpt(name)}" appears more than once in the same struct`,
  );
}

function readValue(reader: Reader, type: IonType, level: number, dropped: Dropped): AttributeValue {
  const set = setAnnotation(reader, type, dropped);
  if (reader.isNull()) {
    if (set !== undefined) throw new AttributeValueError('INVALID_SET', `a $dynamodb_${set} set cannot be null`);
    return { NULL: true };
  }
  switch (type.name) {
    case 'bool':
      return { BOOL: reader.booleanValue() === true };
    case 'int':
    case 'decimal':
    case 'float':
      return { N: readNumber(reader, type) };
    case 'string':
    case 'symbol':
      return { S: reader.stringValue() ?? '' };
    case 'blob':
    case 'clob':
      return { B: reader.uInt8ArrayValue() ?? new Uint8Array() };
    case 'struct':
      if (level >= MAX_NESTING) throw tooDeep();
      return { M: readStruct(reader, level, dropped) };
    case 'list':
      if (set !== undefined) return readSet(reader, set, level, dropped);
      if (level >= MAX_NESTING) throw tooDeep();
      return { L: readList(reader, level, dropped) };
    default:
      throw new AttributeValueError(
        'INVALID_TYPE',
        `Ion ${type.name} has no DynamoDB type (expected string, bool, decimal, int, float, blob, list, struct or null)`,
      );
  }
}

/**
 * The set a value's `$dynamodb_` annotation makes of it. Other annotations
 * mean nothing to DynamoDB and are dropped, and counted so the summary says
 * so; an unknown `$dynamodb_` one, or a set annotation on anything but a
 * list, would lose what the writer meant.
 */
function setAnnotation(reader: Reader, type: IonType, dropped: Dropped): 'SS' | 'NS' | 'BS' | undefined {
  const annotations = reader.annotations();
  if (annotations.length === 0) return undefined;
  let set: 'SS' | 'NS' | 'BS' | undefined;
  for (const annotation of annotations) {
    if (!annotation.startsWith('$dynamodb_')) {
      dropped.annotations += 1;
      continue;
    }
    const named = SET_ANNOTATIONS.get(annotation);
    if (named === undefined)
      throw new AttributeValueError(
        'INVALID_TYPE',
        `unknown annotation ${excerpt(annotation)} (DynamoDB's are $dynamodb_SS, $dynamodb_NS and $dynamodb_BS)`,
      );
    if (set !== undefined) throw new AttributeValueError('INVALID_SET', 'a value has more than one set annotation');
    set = named;
  }
  if (set !== undefined && type.name !== 'list' && type.name !== 'null')
    throw new AttributeValueError('INVALID_SET', `$dynamodb_${set} annotates a ${type.name}; a set must be a list`);
  return set;
}

/** The annotations on the item's own structs, none of them DynamoDB's: dropped with the others. */
function countOthers(reader: Reader, dropped: Dropped): void {
  for (const annotation of reader.annotations()) if (!annotation.startsWith('$dynamodb_')) dropped.annotations += 1;
}

function tooDeep(): AttributeValueError {
  return new AttributeValueError(
    'TOO_DEEPLY_NESTED',
    `structs and lists are nested more than ${MAX_NESTING} levels deep, beyond DynamoDB's limit`,
  );
}

/** A list at `level`; its elements are one level below it. */
function readList(reader: Reader, level: number, dropped: Dropped): AttributeValue[] {
  const values: AttributeValue[] = [];
  reader.stepIn();
  for (let t = reader.next(); t !== null; t = reader.next()) {
    try {
      values.push(readValue(reader, t, level + 1, dropped));
    } catch (error) {
      throw error instanceof AttributeValueError ? error.within(values.length) : error;
    }
  }
  reader.stepOut();
  return values;
}

function readSet(reader: Reader, set: 'SS' | 'NS' | 'BS', level: number, dropped: Dropped): AttributeValue {
  const members = readList(reader, level, dropped);
  const wanted = { SS: 'S', NS: 'N', BS: 'B' }[set] as 'S' | 'N' | 'B';
  const values = members.map((m, i) => {
    const v = m[wanted];
    if (v === undefined)
      throw new AttributeValueError('INVALID_TYPE', `expected only ${wanted} members in a $dynamodb_${set} set`).within(
        i,
      );
    return v;
  });
  if (set === 'BS') {
    checkSet(
      values.map((b) => Buffer.from(b as Uint8Array).toString('base64')),
      set,
    );
    return { BS: values as Uint8Array[] };
  }
  checkSet(values as string[], set);
  return set === 'SS' ? { SS: values as string[] } : { NS: values as string[] };
}

function readNumber(reader: Reader, type: IonType): string {
  if (type.name === 'int') return checkNumber((reader.bigIntValue() ?? 0n).toString());
  if (type.name === 'decimal') {
    const decimal = reader.decimalValue() as Decimal;
    // Checked in exponent form first: 1d400000000 written out would be 400 million zeros.
    const coefficient = decimal.getCoefficient();
    // Written as 0 whatever its exponent: DynamoDB never sees the exponent.
    if (coefficient === 0n) return '0';
    const digits = (coefficient < 0n ? -coefficient : coefficient).toString();
    checkNumber(`${decimal.isNegative() ? '-' : ''}${digits}E${decimal.getExponent()}`);
    return checkNumber(decimalToString(decimal));
  }
  const float = reader.numberValue() ?? Number.NaN;
  if (!Number.isFinite(float))
    throw new AttributeValueError('INVALID_NUMBER', `${float} is not a valid DynamoDB number`);
  return checkNumber(String(float));
}

/** An Ion decimal as a plain decimal string with every digit: 6d2 -> 600, 1.50 -> 1.50. */
export function decimalToString(decimal: Decimal): string {
  const coefficient = decimal.getCoefficient();
  const digits = (coefficient < 0n ? -coefficient : coefficient).toString();
  const exponent = decimal.getExponent();
  if (digits === '0') return '0';
  const sign = decimal.isNegative() ? '-' : '';
  if (exponent >= 0) return `${sign}${digits}${'0'.repeat(exponent)}`;
  const point = digits.length + exponent;
  return point > 0
    ? `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
    : `${sign}0.${'0'.repeat(-point)}${digits}`;
}

function notIon(error: unknown): string {
  return `not valid Ion: ${excerpt((error as Error).message, 2 * EXCERPT_CHARS)}`;
}

function toDecodeError(error: unknown, line: number, itemIndex: number): DecodeError {
  if (error instanceof AttributeValueError) return { code: error.code, message: error.message, line, itemIndex };
  if (error instanceof NotAnItem) return { code: 'NOT_AN_ITEM', message: error.message, line, itemIndex };
  return { code: 'MALFORMED_ION', message: notIon(error), line, itemIndex };
}

// ---- encoding ----

/** `$ion_1_0 {Item:{...}}` lines, as AWS's export writes them, from items in DynamoDB JSON, in one buffer. */
export function ionLines(items: readonly Buffer[]): Buffer {
  let text = '';
  for (const item of items) {
    text += `$ion_1_0 {Item:${ionStruct(fromDynamoJsonMap(JSON.parse(item.toString('utf8'))))}}\n`;
  }
  return Buffer.from(text, 'utf8');
}

function ionStruct(map: Item): string {
  const fields: string[] = [];
  for (const name in map) fields.push(`${ionSymbol(name)}:${ionValue(map[name] as AttributeValue)}`);
  return `{${fields.join(',')}}`;
}

function ionValue(value: AttributeValue): string {
  if (value.S !== undefined) return JSON.stringify(value.S);
  if (value.N !== undefined) return ionDecimal(value.N);
  if (value.B !== undefined) return ionBlob(value.B);
  if (value.BOOL !== undefined) return value.BOOL ? 'true' : 'false';
  if (value.NULL !== undefined) return 'null';
  if (value.L !== undefined) return `[${value.L.map(ionValue).join(',')}]`;
  if (value.M !== undefined) return ionStruct(value.M);
  if (value.SS !== undefined) return `$dynamodb_SS::[${value.SS.map((s) => JSON.stringify(s)).join(',')}]`;
  if (value.NS !== undefined) return `$dynamodb_NS::[${value.NS.map(ionDecimal).join(',')}]`;
  if (value.BS !== undefined) return `$dynamodb_BS::[${value.BS.map(ionBlob).join(',')}]`;
  throw new AttributeValueError('INVALID_TYPE', `unsupported attribute value: ${Object.keys(value).join(', ')}`);
}

/** A DynamoDB number as an Ion decimal (never an int or a float): 103 -> 103., 1e5 -> 1.d5. */
export function ionDecimal(number: string): string {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(number);
  if (match === null) throw new AttributeValueError('INVALID_NUMBER', `"${number}" is not a valid DynamoDB number`);
  const [, sign, whole, fraction, exponent] = match;
  const digits = (whole ?? '').replace(/^0+(?=\d)/, '') || '0';
  const decimal = `${sign === '-' ? '-' : ''}${digits}.${fraction ?? ''}`;
  return exponent === undefined ? decimal : `${decimal}d${exponent}`;
}

function ionBlob(bytes: Uint8Array): string {
  return `{{${Buffer.from(bytes).toString('base64')}}}`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]*$/;
const KEYWORDS = new Set(['null', 'true', 'false', 'nan']);

function ionSymbol(name: string): string {
  if (IDENTIFIER.test(name) && !KEYWORDS.has(name)) return name;
  const escaped = JSON.stringify(name).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  return `'${escaped}'`;
}
