// DynamoDB JSON <-> AttributeValue, checked the way DynamoDB checks them.
// Numbers stay decimal strings; binary becomes bytes, never a base64 string
// that the SDK would encode a second time.

import type { AttributeValue } from '@aws-sdk/client-dynamodb';

export type Item = Record<string, AttributeValue>;

export type AttributeErrorCode = 'INVALID_TYPE' | 'INVALID_NUMBER' | 'INVALID_BINARY' | 'INVALID_SET';

export class AttributeValueError extends Error {
  readonly code: AttributeErrorCode;

  constructor(code: AttributeErrorCode, message: string) {
    super(message);
    this.name = 'AttributeValueError';
    this.code = code;
  }
}

const TYPE_TAGS = ['S', 'N', 'B', 'BOOL', 'NULL', 'L', 'M', 'SS', 'NS', 'BS'] as const;

/** One attribute value in DynamoDB JSON (`{"N": "1"}`) to an AttributeValue. */
export function fromDynamoJson(value: unknown, path: string): AttributeValue {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw typeError(path, `a type-tagged object such as {"S": "text"}`);
  }
  const tags = Object.keys(value);
  const tag = tags[0];
  if (tags.length !== 1 || tag === undefined) {
    throw typeError(path, `exactly one type tag (${TYPE_TAGS.join(', ')}), not ${tags.length}`);
  }
  const inner = (value as Record<string, unknown>)[tag];
  switch (tag) {
    case 'S':
      return { S: expectString(inner, path, tag) };
    case 'N':
      return { N: checkNumber(expectString(inner, path, tag), path) };
    case 'B':
      return { B: decodeBase64(expectString(inner, path, tag), path) };
    case 'BOOL':
      if (typeof inner !== 'boolean') throw typeError(path, 'BOOL to hold true or false');
      return { BOOL: inner };
    case 'NULL':
      if (inner !== true) throw typeError(path, 'NULL to hold true');
      return { NULL: true };
    case 'L':
      if (!Array.isArray(inner)) throw typeError(path, 'L to hold a list');
      return { L: inner.map((v, i) => fromDynamoJson(v, `${path}[${i}]`)) };
    case 'M':
      return { M: fromDynamoJsonMap(inner, path) };
    case 'SS':
      return { SS: checkSet(expectStrings(inner, path, tag), path, tag) };
    case 'NS':
      return {
        NS: checkSet(
          expectStrings(inner, path, tag).map((n, i) => checkNumber(n, `${path}[${i}]`)),
          path,
          tag,
        ),
      };
    case 'BS': {
      const strings = checkSet(expectStrings(inner, path, tag), path, tag);
      return { BS: strings.map((s, i) => decodeBase64(s, `${path}[${i}]`)) };
    }
    default:
      throw typeError(path, `a type tag of ${TYPE_TAGS.join(', ')}, not "${tag}"`);
  }
}

/** A map of attribute name to DynamoDB JSON value, such as an item or an `M`. */
export function fromDynamoJsonMap(value: unknown, path: string): Item {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw typeError(path, 'an object of attribute names to values');
  }
  const item: Item = {};
  for (const [name, attribute] of Object.entries(value)) {
    item[name] = fromDynamoJson(attribute, path === '' ? name : `${path}.${name}`);
  }
  return item;
}

function typeError(path: string, expected: string): AttributeValueError {
  return new AttributeValueError('INVALID_TYPE', `${path || 'value'}: expected ${expected}`);
}

function expectString(value: unknown, path: string, tag: string): string {
  if (typeof value !== 'string') throw typeError(path, `${tag} to hold a string`);
  return value;
}

function expectStrings(value: unknown, path: string, tag: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw typeError(path, `${tag} to hold a list of strings`);
  }
  return value as string[];
}

function checkSet<T>(members: T[], path: string, tag: string): T[] {
  if (members.length === 0) {
    throw new AttributeValueError('INVALID_SET', `${path}: ${tag} is empty; an empty set is not allowed`);
  }
  if (new Set(members).size !== members.length) {
    throw new AttributeValueError('INVALID_SET', `${path}: Input collection ${tag} contains duplicates`);
  }
  return members;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(?:[eE]([+-]?\d+))?$/;

/** DynamoDB numbers: 38 significant digits, magnitude 1E-130 to under 1E+126. */
export function checkNumber(text: string, path: string): string {
  const match = NUMBER.exec(text);
  const invalid = (why: string): AttributeValueError =>
    new AttributeValueError('INVALID_NUMBER', `${path}: "${text}" is not a valid DynamoDB number (${why})`);
  if (!match) throw invalid('expected digits with an optional sign, point and exponent');
  const mantissa = match[1] ?? '';
  const exponent = Number(match[2] ?? '0');
  const [whole = '', fraction = ''] = mantissa.split('.');
  const digits = (whole + fraction).replace(/^0+/, '');
  if (digits === '') return text; // zero
  const significant = digits.replace(/0+$/, '');
  if (significant.length > 38) throw invalid('more than 38 significant digits');
  // Decimal exponent of the leading digit: 123.4 -> 2, 0.05 -> -2.
  const leading =
    whole.replace(/^0+/, '').length > 0
      ? whole.replace(/^0+/, '').length - 1
      : -(fraction.length - fraction.replace(/^0+/, '').length) - 1;
  const magnitude = leading + exponent;
  if (magnitude > 125) throw invalid('larger than 9.9999999999999999999999999999999999999E+125');
  if (magnitude < -130) throw invalid('smaller than 1E-130');
  return text;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function decodeBase64(text: string, path: string): Uint8Array {
  if (!BASE64.test(text)) {
    throw new AttributeValueError('INVALID_BINARY', `${path}: "${preview(text)}" is not valid base64`);
  }
  const buffer = Buffer.from(text, 'base64');
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function preview(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
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
  throw new AttributeValueError('INVALID_TYPE', `unsupported attribute value: ${Object.keys(value).join(', ')}`);
}

export function toDynamoJsonMap(item: Item): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) out[name] = toDynamoJson(value);
  return out;
}
