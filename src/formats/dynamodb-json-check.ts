// Checks one DynamoDB JSON line, `{"Item":{...}}`, as its bytes, without
// building the item as objects: the item's bytes can then go into a
// BatchWriteItem body as they are. It accepts only what the full decoder
// (ddb-json.ts with item-checks.ts) accepts: valid JSON, one known type tag
// per value, valid numbers, strict base64, sets non-empty and without
// duplicates, no duplicate or empty names, nesting within DynamoDB's limit,
// the key attributes present with their types, not empty and within
// DynamoDB's key size limits, and the size under 400 KB by DynamoDB's rules.
// Whatever it does not accept, or is not sure of (escaped names, other
// members beside Item, base64 with bits set past its last byte), it hands
// back undefined, and the caller asks the full decoder, which gives the
// error and its code.

import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE } from './json-bytes.js';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { type Item, MAX_NESTING, checkNumber, numberValue } from './attribute-value.js';
import { type KeyCheck, MAX_ITEM_BYTES, keyOverLimit, numberSize } from './item-checks.js';
import type { CheckedLine } from './records.js';

const ITEM_NAME = Buffer.from('"Item"');
const NO_LINE = Buffer.alloc(0);

/** The key names as bytes, once per key schema rather than once per line. */
const keyNameBytes = new WeakMap<readonly KeyCheck[], Buffer[]>();

function keyNamesOf(keys: readonly KeyCheck[]): Buffer[] {
  let names = keyNameBytes.get(keys);
  if (names === undefined) {
    names = keys.map((k) => Buffer.from(k.name));
    keyNameBytes.set(keys, names);
  }
  return names;
}

/** Thrown inside the scan when the line is not one the fast path accepts. */
class NotAccepted extends Error {}
const notAccepted = new NotAccepted();

/** One scanner per key schema, used for line after line: nothing is allocated for a line but what it gives back. */
const scanners = new WeakMap<readonly KeyCheck[], LineScan>();

/** The line's item, checked, or undefined when only the full decoder can say what is wrong (or right) with it. */
export function checkItemLine(line: Buffer, keys: readonly KeyCheck[]): CheckedLine | undefined {
  let scan = scanners.get(keys);
  if (scan === undefined) {
    scan = new LineScan(keys);
    scanners.set(keys, scan);
  }
  try {
    return scan.line(line);
  } catch (error) {
    if (error === notAccepted) return undefined;
    throw error;
  } finally {
    scan.release();
  }
}

/** Where a top-level attribute's value is, for the key checks. */
interface Found {
  tag: string;
  /** The string's content, without its quotes. */
  start: number;
  end: number;
  escaped: boolean;
}

class LineScan {
  private i = 0;
  private b: Buffer = NO_LINE;
  private readonly keys: readonly KeyCheck[];
  /** Where each key attribute's value is, valid where `seen` says so. */
  private readonly found: Found[];
  private readonly seen: boolean[];
  private readonly keyNames: Buffer[];
  /** The names of the object being read at each depth. */
  private readonly names: (Names | undefined)[] = [];
  /** Set by readString: whether the string just read holds an escape. */
  private escaped = false;

  constructor(keys: readonly KeyCheck[]) {
    this.keys = keys;
    this.found = keys.map(() => ({ tag: '', start: 0, end: 0, escaped: false }));
    this.seen = keys.map(() => false);
    this.keyNames = keyNamesOf(keys);
  }

  line(b: Buffer): CheckedLine {
    this.b = b;
    this.i = 0;
    this.escaped = false;
    this.seen.fill(false);
    this.space();
    this.expect(OPEN_BRACE);
    this.space();
    if (!sameBytes(this.b, this.i, this.i + ITEM_NAME.length, ITEM_NAME)) throw notAccepted;
    this.i += ITEM_NAME.length;
    this.space();
    this.expect(COLON);
    this.space();
    const start = this.i;
    const size = this.map(0, true);
    const end = this.i;
    this.space();
    this.expect(CLOSE_BRACE);
    this.space();
    if (this.i !== this.b.length || size > MAX_ITEM_BYTES) throw notAccepted;
    return { bytes: this.b.subarray(start, end), key: this.keyAttributes(), size };
  }

  /** Lets go of the line, so that the chunk it was read from is not kept. */
  release(): void {
    this.b = NO_LINE;
    for (const names of this.names) names?.reset(NO_LINE);
  }

  /** The key checks item-checks.ts makes, on the values found; the key attributes as the SDK holds them. */
  private keyAttributes(): Item {
    const key: Item = {};
    for (let k = 0; k < this.keys.length; k++) {
      const check = this.keys[k] as KeyCheck;
      const found = this.seen[k] ? (this.found[k] as Found) : undefined;
      if (found === undefined) {
        if (check.index !== undefined) continue;
        throw notAccepted;
      }
      if (found.tag !== check.type || found.end === found.start) throw notAccepted;
      const value = this.keyValue(found);
      if (keyOverLimit(value, check) !== undefined) throw notAccepted;
      key[check.name] = value;
    }
    return key;
  }

  private keyValue(found: Found): AttributeValue {
    const text = this.text(found.start, found.end, found.escaped);
    if (found.tag === 'S') return { S: text };
    if (found.tag === 'N') return { N: text };
    return { B: new Uint8Array(Buffer.from(text, 'base64')) };
  }

  /** An object of attribute names to values (`level` 0: the item); its size, without the 3 bytes a map adds. */
  private map(level: number, top: boolean): number {
    this.expect(OPEN_BRACE);
    this.space();
    let size = 0;
    const names = (this.names[level] ??= new Names());
    names.reset(this.b);
    if (this.b[this.i] === CLOSE_BRACE) {
      this.i += 1;
      return 0;
    }
    for (;;) {
      const nameStart = this.i + 1;
      this.string();
      if (this.escaped) throw notAccepted; // "a" and "\u0061" are one name: the full decoder compares them
      const nameEnd = this.i - 1;
      if (nameEnd === nameStart) throw notAccepted; // DynamoDB refuses an empty name: the full decoder says so
      if (!names.add(nameStart, nameEnd)) throw notAccepted;
      this.space();
      this.expect(COLON);
      this.space();
      const key = top ? this.keyAt(nameStart, nameEnd) : -1;
      size += nameEnd - nameStart + this.value(level + 1, key);
      if (!top) size += 1;
      if (this.more(CLOSE_BRACE)) continue;
      return size;
    }
  }

  /** The key check whose name these bytes spell, or -1. */
  private keyAt(start: number, end: number): number {
    for (let k = 0; k < this.keyNames.length; k++)
      if (sameBytes(this.b, start, end, this.keyNames[k] as Buffer)) return k;
    return -1;
  }

  /** One type-tagged value at `level` (1: an item's attribute); its size. `key`: the key check it answers, or -1. */
  private value(level: number, key: number): number {
    this.expect(OPEN_BRACE);
    this.space();
    const tag = this.tag();
    this.space();
    this.expect(COLON);
    this.space();
    // A key attribute of another type is a type mismatch: the full decoder words it.
    if (key !== -1 && tag !== 'S' && tag !== 'N' && tag !== 'B') throw notAccepted;
    let size: number;
    switch (tag) {
      case 'S':
      case 'N':
      case 'B': {
        const start = this.i + 1;
        size = this.scalar(tag);
        if (key !== -1) {
          const found = this.found[key] as Found;
          found.tag = tag;
          found.start = start;
          found.end = this.i - 1;
          found.escaped = this.escaped;
          this.seen[key] = true;
        }
        break;
      }
      case 'BOOL':
        if (!this.literal('true') && !this.literal('false')) throw notAccepted;
        size = 1;
        break;
      case 'NULL':
        if (!this.literal('true')) throw notAccepted;
        size = 1;
        break;
      case 'L':
        if (level >= MAX_NESTING) throw notAccepted;
        size = this.list(level);
        break;
      case 'M':
        if (level >= MAX_NESTING) throw notAccepted;
        size = 3 + this.map(level, false);
        break;
      case 'SS':
      case 'NS':
      case 'BS':
        size = this.set(tag);
        break;
      default:
        throw notAccepted;
    }
    this.space();
    this.expect(CLOSE_BRACE);
    return size;
  }

  /** A type tag's name, read as bytes: one of the ten, or not accepted. */
  private tag(): string {
    const b = this.b;
    const i = this.i;
    if (b[i] !== QUOTE) throw notAccepted;
    let end = i + 1;
    while (end < i + 6 && b[end] !== QUOTE) end += 1;
    if (b[end] !== QUOTE) throw notAccepted;
    this.i = end + 1;
    const first = b[i + 1];
    const length = end - i - 1;
    if (length === 1) {
      if (first === 0x53) return 'S';
      if (first === 0x4e) return 'N';
      if (first === 0x42) return 'B';
      if (first === 0x4c) return 'L';
      if (first === 0x4d) return 'M';
    } else if (length === 2 && b[i + 2] === 0x53) {
      if (first === 0x53) return 'SS';
      if (first === 0x4e) return 'NS';
      if (first === 0x42) return 'BS';
    } else if (length === 4 && first === 0x42 && b[i + 2] === 0x4f && b[i + 3] === 0x4f && b[i + 4] === 0x4c) {
      return 'BOOL';
    } else if (length === 4 && first === 0x4e && b[i + 2] === 0x55 && b[i + 3] === 0x4c && b[i + 4] === 0x4c) {
      return 'NULL';
    }
    throw notAccepted;
  }

  private list(level: number): number {
    this.expect(OPEN_BRACKET);
    this.space();
    let size = 3;
    if (this.b[this.i] === CLOSE_BRACKET) {
      this.i += 1;
      return size;
    }
    for (;;) {
      size += 1 + this.value(level + 1, -1);
      if (this.more(CLOSE_BRACKET)) continue;
      return size;
    }
  }

  /** SS, NS or BS: non-empty, members unique (numbers by value, binary by its base64 text, as the decoder compares). */
  private set(tag: 'SS' | 'NS' | 'BS'): number {
    this.expect(OPEN_BRACKET);
    this.space();
    const member = tag === 'SS' ? 'S' : tag === 'NS' ? 'N' : 'B';
    const members: number[] = [];
    let escaped = false;
    let size = 0;
    for (;;) {
      const start = this.i + 1;
      size += this.scalar(member);
      members.push(start, this.i - 1);
      escaped ||= this.escaped;
      if (this.more(CLOSE_BRACKET)) continue;
      if (members.length > 2 && this.hasDuplicates(members, member === 'N', escaped)) throw notAccepted;
      return size;
    }
  }

  /** Members as start, end pairs; compared as text when escapes or numbers make bytes differ for equal values. */
  private hasDuplicates(members: number[], numbers: boolean, escaped: boolean): boolean {
    if (
      (numbers && !members.every((_, m) => m % 2 === 1 || this.isCanonicalInteger(members, m))) ||
      escaped ||
      members.length > 32
    ) {
      const texts: string[] = [];
      for (let m = 0; m < members.length; m += 2) {
        const text = this.text(members[m] as number, members[m + 1] as number, escaped);
        texts.push(numbers ? numberValue(text) : text);
      }
      return new Set(texts).size !== texts.length;
    }
    for (let m = 2; m < members.length; m += 2) {
      const start = members[m] as number;
      const length = (members[m + 1] as number) - start;
      for (let o = 0; o < m; o += 2) {
        const other = members[o] as number;
        if ((members[o + 1] as number) - other === length && sameRanges(this.b, start, other, length)) return true;
      }
    }
    return false;
  }

  /** `0` or digits without a leading zero, maybe negative: equal values are equal bytes. */
  private isCanonicalInteger(members: number[], m: number): boolean {
    const b = this.b;
    let i = members[m] as number;
    const end = members[m + 1] as number;
    if (b[i] === 0x30) return end === i + 1;
    if (b[i] === 0x2d) i += 1;
    if (i === end || b[i] === 0x30) return false;
    for (; i < end; i++) if ((b[i] as number) < 0x30 || (b[i] as number) > 0x39) return false;
    return true;
  }

  /** A string holding an S, N or B value; its size. */
  private scalar(tag: 'S' | 'N' | 'B'): number {
    const start = this.i + 1;
    this.string();
    const end = this.i - 1;
    if (tag === 'S') return this.escaped ? Buffer.byteLength(this.text(start, end, true)) : end - start;
    if (this.escaped) throw notAccepted;
    if (tag === 'N') return numberBytes(this.b, start, end);
    return base64Bytes(this.b, start, end);
  }

  /** Reads a JSON string from its opening quote to past its closing one; escapes are checked by JSON.parse. */
  private string(): void {
    const b = this.b;
    if (b[this.i] !== QUOTE) throw notAccepted;
    const open = this.i;
    let i = open + 1;
    let escaped = false;
    for (;;) {
      const c = b[i];
      if (c === undefined || c < 0x20) throw notAccepted;
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        escaped = true;
        i += 2;
      } else i += 1;
    }
    this.i = i + 1;
    this.escaped = escaped;
    if (escaped) this.text(open + 1, i, true); // throws on a bad escape
  }

  /** A string's content as text; with escapes, as JSON reads them. */
  private text(start: number, end: number, escaped: boolean): string {
    if (!escaped) return this.b.toString('utf8', start, end);
    try {
      return JSON.parse(this.b.toString('utf8', start - 1, end + 1)) as string;
    } catch {
      throw notAccepted;
    }
  }

  /** After a member: true past a comma (another follows), false past `close` (the last). */
  private more(close: number): boolean {
    this.space();
    if (this.b[this.i] === COMMA) {
      this.i += 1;
      this.space();
      return true;
    }
    this.expect(close);
    return false;
  }

  private literal(word: string): boolean {
    for (let k = 0; k < word.length; k++) if (this.b[this.i + k] !== word.charCodeAt(k)) return false;
    this.i += word.length;
    return true;
  }

  private space(): void {
    let c = this.b[this.i];
    while (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a) c = this.b[++this.i];
  }

  private expect(byte: number): void {
    if (this.b[this.i] !== byte) throw notAccepted;
    this.i += 1;
  }
}

/** The names of one object, as byte ranges of the line while few, as text beyond. */
class Names {
  private b: Buffer = NO_LINE;
  private readonly ranges: number[] = [];
  private set: Set<string> | undefined;

  /** Starts an object again: used for one object after another at the same depth. */
  reset(b: Buffer): void {
    this.b = b;
    this.ranges.length = 0;
    this.set = undefined;
  }

  /** False when the name is already there. */
  add(start: number, end: number): boolean {
    if (this.set === undefined && this.ranges.length >= 32) {
      this.set = new Set();
      for (let r = 0; r < this.ranges.length; r += 2)
        this.set.add(this.b.toString('utf8', this.ranges[r], this.ranges[r + 1]));
    }
    if (this.set !== undefined) {
      const name = this.b.toString('utf8', start, end);
      if (this.set.has(name)) return false;
      this.set.add(name);
      return true;
    }
    const length = end - start;
    for (let r = 0; r < this.ranges.length; r += 2) {
      const from = this.ranges[r] as number;
      if ((this.ranges[r + 1] as number) - from === length && sameRanges(this.b, start, from, length)) return false;
    }
    this.ranges.push(start, end);
    return true;
  }
}

function sameRanges(b: Buffer, one: number, other: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (b[one + k] !== b[other + k]) return false;
  return true;
}

function sameBytes(b: Buffer, start: number, end: number, other: Buffer): boolean {
  if (end - start !== other.length) return false;
  for (let k = 0; k < other.length; k++) if (b[start + k] !== other[k]) return false;
  return true;
}

/**
 * A number's size; not accepted unless valid. A plain number of at most 38
 * characters (`-12.50`) is always valid and is counted here; any other
 * (exponents, long ones) goes through the decoder's own check.
 */
function numberBytes(b: Buffer, start: number, end: number): number {
  let i = start;
  if (b[i] === 0x2d) i += 1;
  let first = -1; // the first and last non-zero digits
  let last = -1;
  let digits = 0;
  let point = false;
  let plain = end - start <= 38 && i < end;
  for (; plain && i < end; i++) {
    const c = b[i] as number;
    if (c >= 0x30 && c <= 0x39) {
      digits += 1;
      if (c !== 0x30) {
        if (first === -1) first = digits;
        last = digits;
      }
    } else if (c === 0x2e && !point) point = true;
    else plain = false;
  }
  if (plain && digits > 0) return first === -1 ? 1 : Math.ceil((last - first + 1) / 2) + 1;
  const text = b.toString('latin1', start, end);
  try {
    checkNumber(text);
  } catch {
    throw notAccepted;
  }
  return numberSize(text);
}

/** The bytes strict base64 (standard alphabet, padded) decodes to; not accepted otherwise. */
function base64Bytes(b: Buffer, start: number, end: number): number {
  const length = end - start;
  if (length % 4 !== 0) throw notAccepted;
  let padding = 0;
  if (length > 0 && b[end - 1] === 0x3d) padding = b[end - 2] === 0x3d ? 2 : 1;
  for (let i = start; i < end - padding; i++) {
    const c = b[i] as number;
    const ok =
      (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f;
    if (!ok) throw notAccepted;
  }
  // Bits past the last byte set ("AB==" for "AA=="): the same bytes under another text, which
  // DynamoDB reads as those bytes, so a set of both is refused; the full decoder compares bytes.
  if (padding > 0 && base64Digit(b[end - padding - 1] as number) % (padding === 2 ? 16 : 4) !== 0) throw notAccepted;
  return (length / 4) * 3 - padding;
}

function base64Digit(c: number): number {
  if (c >= 0x61) return c - 0x61 + 26;
  if (c >= 0x41) return c - 0x41;
  if (c >= 0x30) return c - 0x30 + 52;
  return c === 0x2b ? 62 : 63;
}
