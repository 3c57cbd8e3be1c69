// Cuts one array member out of a JSON object without parsing it: the array's
// elements come back as views of the original bytes, and the object's other
// members as a small JSON object of their own. A Scan page's Items can then go
// to an export file byte for byte while only Count and LastEvaluatedKey are
// parsed.

import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE } from './json-bytes.js';

export class JsonCutError extends Error {
  constructor(reason: string, offset: number) {
    super(`${reason} at byte ${offset}`);
    this.name = 'JsonCutError';
  }
}

export interface CutMember {
  /** The array's elements, each a view of the input (no copy). */
  elements: Buffer[];
  /** The object without that member, as JSON. */
  rest: Buffer;
}

/** Splits `{"a":1,"Items":[{...},{...}],"b":{...}}` into the Items elements and `{"a":1,"b":{...}}`. */
export function cutArrayMember(json: Buffer, name: string): CutMember {
  const elements: Buffer[] = [];
  const others: Buffer[] = [];
  let i = skipSpace(json, 0);
  expect(json, i, OPEN_BRACE, 'expected an object');
  i = skipSpace(json, i + 1);
  while (json[i] !== CLOSE_BRACE) {
    expect(json, i, QUOTE, 'expected a member name');
    const memberStart = i;
    const nameEnd = stringEnd(json, i);
    const memberName = json.toString('utf8', i + 1, nameEnd - 1);
    i = skipSpace(json, nameEnd);
    expect(json, i, COLON, 'expected ":"');
    const valueStart = skipSpace(json, i + 1);
    const valueEnd = valueEndAt(json, valueStart);
    if (memberName === name) {
      expect(json, valueStart, OPEN_BRACKET, `expected "${name}" to be an array`);
      arrayElements(json, valueStart, elements);
    } else {
      others.push(json.subarray(memberStart, valueEnd));
    }
    i = skipSpace(json, valueEnd);
    if (json[i] === COMMA) i = skipSpace(json, i + 1);
    else expect(json, i, CLOSE_BRACE, 'expected "," or "}"');
  }
  const rest = Buffer.concat([
    Buffer.from('{'),
    ...others.flatMap((member, n) => (n === 0 ? [member] : [Buffer.from(','), member])),
    Buffer.from('}'),
  ]);
  return { elements, rest };
}

function arrayElements(json: Buffer, start: number, into: Buffer[]): void {
  let i = skipSpace(json, start + 1);
  while (json[i] !== CLOSE_BRACKET) {
    const end = valueEndAt(json, i);
    into.push(json.subarray(i, end));
    i = skipSpace(json, end);
    if (json[i] === COMMA) i = skipSpace(json, i + 1);
    else expect(json, i, CLOSE_BRACKET, 'expected "," or "]"');
  }
}

/** Index just past the value that starts at `start`. */
function valueEndAt(json: Buffer, start: number): number {
  const first = json[start];
  if (first === QUOTE) return stringEnd(json, start);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) return scalarEnd(json, start);
  let depth = 0;
  let i = start;
  while (i < json.length) {
    const byte = json[i];
    if (byte === QUOTE) {
      i = stringEnd(json, i);
      continue;
    }
    if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth += 1;
    else if ((byte === CLOSE_BRACE || byte === CLOSE_BRACKET) && --depth === 0) return i + 1;
    i += 1;
  }
  throw new JsonCutError('unterminated object or array', start);
}

/** Index just past the string whose opening quote is at `start`. */
function stringEnd(json: Buffer, start: number): number {
  let i = start + 1;
  while (i < json.length) {
    const byte = json[i];
    if (byte === QUOTE) return i + 1;
    i += byte === BACKSLASH ? 2 : 1;
  }
  throw new JsonCutError('unterminated string', start);
}

/** A number, true, false or null ends at the next delimiter or space. */
function scalarEnd(json: Buffer, start: number): number {
  let i = start;
  while (i < json.length && !isDelimiter(json[i] as number)) i += 1;
  if (i === start) throw new JsonCutError('expected a value', start);
  return i;
}

function isDelimiter(byte: number): boolean {
  return byte === COMMA || byte === CLOSE_BRACE || byte === CLOSE_BRACKET || isSpace(byte);
}

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function skipSpace(json: Buffer, start: number): number {
  let i = start;
  while (isSpace(json[i])) i += 1;
  return i;
}

function expect(json: Buffer, at: number, byte: number, reason: string): void {
  if (json[at] !== byte) throw new JsonCutError(reason, at);
}
