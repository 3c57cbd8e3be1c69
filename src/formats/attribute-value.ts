// DynamoDB JSON <-> AttributeValue, checked the way DynamoDB checks them.
// Numbers stay decimal strings; binary becomes bytes, never a base64 string
// that the SDK would encode a second time.

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { EXCERPT_CHARS, excerpt } from './excerpt.js';

export type Item = Record<string, AttributeValue>;

export type AttributeErrorCode =
  | 'INVALID_TYPE'
  | 'INVALID_NUMBER'
  | 'INVALID_BINARY'
  | 'INVALID_SET'
  | 'TOO_DEEPLY_NESTED'
  | 'DUPLICATE_ATTRIBUTE'
  | 'EMPTY_ATTRIBUTE_NAME';

/**
 * DynamoDB's nesting limit. An item's attributes are at level 1 and a map's
 * or list's contents one level below it; DynamoDB refuses a map or list at
 * level 32, even an empty one, while a scalar or set there is accepted.
 */
export const MAX_NESTING = 32;

/** A bad value; `path` (such as `Credits.Takes[2]`) is filled in as the error leaves each container. */
export class AttributeValueError extends Error {
  readonly code: AttributeErrorCode;
  readonly reason: string;
  private readonly segments: (string | number)[] = [];

  constructor(code: AttributeErrorCode, reason: string) {
    super(reason);
    this.name = 'AttributeValueError';
    this.code = code;
    this.reason = reason;
  }

  /** Adds the enclosing attribute name or list index, as the error leaves it. */
  within(segment: string | number): this {
    this.segments.unshift(segment);
    this.message = `${this.path}: ${this.reason}`;
    return this;
  }

  /** Where the value is, with each name and the whole path cut short: names are item content. */
  get path(): string {
    const path = this.segments
      .map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? excerpt(s) : `.${excerpt(s)}`))
      .join('');
    return excerpt(path, 2 * EXCERPT_CHARS);
  }
}

/** Sets an attribute as an own property, even one named `__proto__` (which plain assignment would swallow). */
export function setAttribute<T>(map: Record<string, T>, name: string, value: NoInfer<T>): void {
  if (name === '__proto__')
    Object.defineProperty(map, name, { value, enumerable: true, writable: true, configurable: true });
  else map[name] = value;
}

/** DynamoDB refuses an empty attribute name at any depth ("Empty attribute name"), a map's keys included. */
export function checkName(name: string): void {
  if (name === '')
    throw new AttributeValueError('EMPTY_ATTRIBUTE_NAME', 'an attribute name is empty, which DynamoDB refuses');
}

/**
 * What converting a parsed line learns about its value, to compare with the
 * line's text (see json-keys.ts): how many object keys it holds, and its
 * length as compact JSON with every string written out unescaped.
 */
export interface JsonWalk {
  keys: number;
  chars: number;
}

export function newWalk(): JsonWalk {
  return { keys: 0, chars: 0 };
}

function tooDeep(): AttributeValueError {
  return new AttributeValueError(
    'TOO_DEEPLY_NESTED',
    `maps and lists are nested more than ${MAX_NESTING} levels deep, beyond DynamoDB's limit`,
  );
}

function hasDuplicates<T>(members: T[]): boolean {
  if (members.length > 8) return new Set(members).size !== members.length;
  for (let i = 1; i < members.length; i++) {
    for (let j = 0; j < i; j++) if (members[i] === members[j]) return true;
  }
  return false;
}

const TYPE_TAGS = 'S, N, B, BOOL, NULL, L, M, SS, NS, BS';

/**
 * One attribute value in DynamoDB JSON (`{"N": "1"}`) to an AttributeValue.
 * Takes ownership of the parsed value and converts it in place: only binary
 * values are replaced, so a parsed line becomes an item without copying.
 */
export function fromDynamoJson(value: unknown, walk: JsonWalk = newWalk(), level = 1): AttributeValue {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AttributeValueError('INVALID_TYPE', 'expected a type-tagged object such as {"S": "text"}');
  }
  let tag: string | undefined;
  for (const key in value) {
    if (tag !== undefined)
      throw new AttributeValueError(
        'INVALID_TYPE',
        `expected exactly one type tag (${TYPE_TAGS}), not ${Object.keys(value).length}`,
      );
    tag = key;
  }
  walk.keys += 1;
  walk.chars += (tag?.length ?? 0) + 5; // {"tag":...}
  const record = value as Record<string, unknown>;
  const inner = tag === undefined ? undefined : record[tag];
  switch (tag) {
    case 'S':
      walk.chars += expectString(inner, tag).length + 2;
      return value as AttributeValue;
    case 'N':
      walk.chars += checkNumber(expectString(inner, tag)).length + 2;
      return value as AttributeValue;
    case 'B': {
      const text = expectString(inner, tag);
      walk.chars += text.length + 2;
      return { B: decodeBase64(text) };
    }
    case 'BOOL':
      if (typeof inner !== 'boolean')
        throw new AttributeValueError('INVALID_TYPE', 'expected BOOL to hold true or false');
      walk.chars += inner ? 4 : 5;
      return value as AttributeValue;
    case 'NULL':
      if (inner !== true) throw new AttributeValueError('INVALID_TYPE', 'expected NULL to hold true');
      walk.chars += 4;
      return value as AttributeValue;
    case 'L':
      if (!Array.isArray(inner)) throw new AttributeValueError('INVALID_TYPE', 'expected L to hold a list');
      if (level >= MAX_NESTING) throw tooDeep();
      walk.chars += listChars(inner.length);
      for (let i = 0; i < inner.length; i++) {
        try {
          const converted = fromDynamoJson(inner[i], walk, level + 1);
          if (converted !== inner[i]) inner[i] = converted;
        } catch (error) {
          throw error instanceof AttributeValueError ? error.within(i) : error;
        }
      }
      return value as AttributeValue;
    case 'M':
      if (level >= MAX_NESTING && typeof inner === 'object' && inner !== null) throw tooDeep();
      fromDynamoJsonMap(inner, walk, level);
      return value as AttributeValue;
    case 'SS':
      checkSet(expectStrings(inner, tag, walk), tag);
      return value as AttributeValue;
    case 'NS':
      for (const n of expectStrings(inner, tag, walk)) checkNumber(n);
      checkSet(inner as string[], tag);
      return value as AttributeValue;
    case 'BS': {
      const members = checkSet(expectStrings(inner, tag, walk), tag).map(decodeBase64);
      // "AA==" and "AB==" are one byte: DynamoDB compares members by their bytes.
      checkSet(members.map(toBase64), tag);
      return { BS: members };
    }
    case undefined:
      throw new AttributeValueError('INVALID_TYPE', `expected exactly one type tag (${TYPE_TAGS}), not 0`);
    default:
      throw new AttributeValueError('INVALID_TYPE', `expected a type tag of ${TYPE_TAGS}, not "${excerpt(tag)}"`);
  }
}

/**
 * A map of attribute name to DynamoDB JSON value, such as an item (level 0)
 * or an `M`, converted in place; its values are one level below it.
 */
export function fromDynamoJsonMap(value: unknown, walk: JsonWalk = newWalk(), level = 0): Item {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AttributeValueError('INVALID_TYPE', 'expected an object of attribute names to values');
  }
  const map = value as Record<string, unknown>;
  let names = 0;
  for (const name in map) {
    names += 1;
    walk.chars += name.length + 3; // "name":
    checkName(name);
    try {
      const value = map[name];
      const converted = fromDynamoJson(value, walk, level + 1);
      if (converted !== value) setAttribute(map, name, converted); // only binary values are replaced
    } catch (error) {
      throw error instanceof AttributeValueError ? error.within(name) : error;
    }
  }
  walk.keys += names;
  walk.chars += listChars(names);
  return map as Item;
}

/** Brackets and commas around `count` members. */
function listChars(count: number): number {
  return count === 0 ? 2 : count + 1;
}

function expectString(value: unknown, tag: string): string {
  if (typeof value !== 'string') throw new AttributeValueError('INVALID_TYPE', `expected ${tag} to hold a string`);
  return value;
}

function expectStrings(value: unknown, tag: string, walk: JsonWalk): string[] {
  if (!Array.isArray(value)) throw new AttributeValueError('INVALID_TYPE', `expected ${tag} to hold a list of strings`);
  walk.chars += listChars(value.length);
  for (const v of value) {
    if (typeof v !== 'string')
      throw new AttributeValueError('INVALID_TYPE', `expected ${tag} to hold a list of strings`);
    walk.chars += v.length + 2;
  }
  return value as string[];
}

/**
 * Sets are non-empty and without duplicates, in AWS's words. Numbers are
 * compared by value, as DynamoDB does: 1, 1.0 and 1E0 are one member.
 */
export function checkSet<T>(members: T[], tag: string): T[] {
  if (members.length === 0) {
    throw new AttributeValueError(
      'INVALID_SET',
      `One or more parameter values were invalid: An ${tag} set may not be empty`,
    );
  }
  const compared: unknown[] = tag === 'NS' ? (members as string[]).map(numberValue) : members;
  if (members.length > 1 && hasDuplicates(compared)) {
    throw new AttributeValueError('INVALID_SET', `Input collection ${tag} contains duplicates`);
  }
  return members;
}

const PLAIN_NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
const NUMBER = /^[+-]?(?=\.?\d)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const NON_ZERO = /[1-9]/;

/**
 * DynamoDB numbers: 38 significant digits, magnitude 1E-130 to under 1E+126.
 * One pass over the characters: this runs for every number of every item.
 */
export function checkNumber(text: string): string {
  // At most 38 digits and no exponent is always in range: most numbers stop here.
  if (text.length <= 38 && PLAIN_NUMBER.test(text)) return text;
  const match = NUMBER.exec(text);
  if (match === null) throw invalidNumber(text, 'expected digits with an optional sign, point and exponent');
  const value = significant(match);
  if (value === undefined) return checkZero(text, match);
  if (value.digits.length > 38) throw invalidNumber(text, 'more than 38 significant digits');
  if (value.magnitude > 125) throw invalidNumber(text, 'larger than 9.9999999999999999999999999999999999999E+125');
  if (value.magnitude < -130) throw invalidNumber(text, 'smaller than 1E-130');
  return text;
}

const INT_MAX = 2 ** 31 - 1;

/**
 * Zero has no magnitude to check, but DynamoDB reads its exponent, and its
 * scale (digits after the point less the exponent), as 32-bit integers:
 * 0e2147483647 is 0, while 0e2147483648 and 0.0e-2147483647 are refused ("A
 * value provided cannot be converted into a number"). Any other number with
 * such an exponent is out of range anyway.
 */
function checkZero(text: string, match: RegExpExecArray): string {
  if (match[3] === undefined) return text;
  const exponent = Number(match[3]);
  if (exponent > INT_MAX || (match[2]?.length ?? 0) - exponent > INT_MAX)
    throw invalidNumber(text, 'zero with an exponent beyond what DynamoDB can read');
  return text;
}

/** A checked number as `digits e exponent` without padding zeros, so equal values give equal strings. */
export function numberValue(text: string): string {
  const integer = plainInteger(text);
  if (integer !== undefined) return integer;
  const match = NUMBER.exec(text);
  if (match === null) return text;
  const value = significant(match);
  if (value === undefined) return '0';
  return `${text.startsWith('-') ? '-' : ''}${value.digits}e${value.magnitude}`;
}

/**
 * The same for an integer without a sign, point or leading zero (`1200`:
 * `12e3`), without a regular expression: the usual key of every item.
 */
function plainInteger(text: string): string | undefined {
  const from = text.charCodeAt(0) === 45 ? 1 : 0; // -
  const first = text.charCodeAt(from);
  if (text.length === from || first < 49 || first > 57) return undefined;
  let last = from;
  for (let i = from + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    if (c !== 48) last = i;
  }
  return `${text.slice(0, last + 1)}e${text.length - from - 1}`;
}

/** The significant digits and the decimal exponent of the first (123.40 -> 1234, 2; 0.05 -> 5, -2); none for zero. */
function significant(match: RegExpExecArray): { digits: string; magnitude: number } | undefined {
  const whole = match[1] ?? '';
  const digits = whole + (match[2] ?? '');
  const first = digits.search(NON_ZERO);
  if (first === -1) return undefined;
  let last = digits.length - 1;
  while (digits.charCodeAt(last) === 48) last -= 1;
  const magnitude = whole.length - first - 1 + (match[3] === undefined ? 0 : Number(match[3]));
  return { digits: digits.slice(first, last + 1), magnitude };
}

function invalidNumber(text: string, why: string): AttributeValueError {
  return new AttributeValueError('INVALID_NUMBER', `"${excerpt(text)}" is not a valid DynamoDB number (${why})`);
}

/**
 * Strict base64 (standard alphabet, padded). Node's decoder skips characters
 * it does not know, so any such character shows as a shorter result.
 */
export function decodeBase64(text: string): Uint8Array {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const buffer = Buffer.from(text, 'base64');
  const valid =
    text.length % 4 === 0 &&
    buffer.byteLength === (text.length / 4) * 3 - padding &&
    text.indexOf('-') === -1 &&
    text.indexOf('_') === -1;
  if (!valid) {
    throw new AttributeValueError('INVALID_BINARY', `"${excerpt(text, 40)}" is not valid base64`);
  }
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** AttributeValue to DynamoDB JSON, as AWS's export writes it. */
export function toDynamoJson(value: AttributeValue): unknown {
  if (value.S !== undefined) return { S: value.S };
  if (value.N !== undefined) return { N: value.N };
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString('base64') };
  if (value.BOOL !== undefined) return { BOOL: value.BOOL };
  if (value.NULL !== undefined) return { NULL: true };
  if (value.L !== undefined) return { L: value.L.map(toDynamoJson) };
  if (value.M !== undefined) return { M: toDynamoJsonMap(value.M) };
  if (value.SS !== undefined) return { SS: value.SS };
  if (value.NS !== undefined) return { NS: value.NS };
  if (value.BS !== undefined) return { BS: value.BS.map((b) => Buffer.from(b).toString('base64')) };
  throw new AttributeValueError(
    'INVALID_TYPE',
    `unsupported attribute value: ${excerpt(Object.keys(value).join(', '))}`,
  );
}

export function toDynamoJsonMap(item: Item): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // setAttribute: an attribute named __proto__ stays an attribute (JSON.parse makes it one, too).
  for (const name in item) setAttribute(out, name, toDynamoJson(item[name] as AttributeValue));
  return out;
}
