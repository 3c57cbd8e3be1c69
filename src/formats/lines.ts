// Splits a byte stream into text lines, in linear time whatever the line
// lengths, holding at most one line of bytes and one chunk. Lines are cut at
// newline bytes before decoding, so a character split across chunks is kept
// whole, and a line whose bytes are not UTF-8 is an error at that line rather
// than text with U+FFFD in it. A line longer than MAX_LINE_BYTES cannot be an
// item: its bytes are dropped as they arrive and it comes out as an error.
// Lines come in one batch per chunk: a hop through an async generator per
// line would cost more than parsing it.

import { isUtf8 } from 'node:buffer';
import type { DecodeErrorCode, DecodeStats } from './records.js';

/**
 * Well above the text of the largest item DynamoDB accepts (400 KB, which
 * DynamoDB JSON can spell in a few times that: `{"NULL":true}` is 13
 * characters for 2 bytes of item), and small enough to hold.
 */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

export interface Line {
  /** Without the newline and a carriage return before it; empty when `error` is set, or when read as bytes. */
  text: string;
  /** The same as UTF-8 bytes (checked), when the lines are read as bytes: a view of the chunk. */
  bytes?: Buffer;
  /** 1-based. */
  number: number;
  /** Set when the line could not be read as text at all. */
  error?: LineError;
}

export interface LineError {
  code: Extract<DecodeErrorCode, 'INVALID_UTF8' | 'ITEM_TOO_LARGE'>;
  message: string;
}

export async function* splitLines(
  chunks: AsyncIterable<Uint8Array>,
  stats?: DecodeStats,
  maxLineBytes = MAX_LINE_BYTES,
  asBytes = false,
): AsyncGenerator<Line[]> {
  const splitter = new LineSplitter(maxLineBytes, asBytes);
  for await (const chunk of chunks) {
    if (stats) stats.bytes += chunk.byteLength;
    const lines = splitter.push(chunk);
    if (stats) stats.lines = splitter.count;
    if (lines.length > 0) yield lines;
  }
  const last = splitter.end();
  if (stats) stats.lines = splitter.count;
  if (last !== undefined) yield [last];
}

const NEWLINE = 0x0a;

class LineSplitter {
  /** Lines ended so far. */
  count = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** The start of the line that the next chunk continues, as views of earlier chunks. */
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  /** Bytes of an over-long line dropped so far; -1 while the line is being kept. */
  private dropped = -1;
  private readonly maxLineBytes: number;
  /** Lines are checked as UTF-8 and kept as bytes, not decoded. */
  private readonly asBytes: boolean;

  constructor(maxLineBytes: number, asBytes: boolean) {
    this.maxLineBytes = maxLineBytes;
    this.asBytes = asBytes;
  }

  push(chunk: Uint8Array): Line[] {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const lines: Line[] = [];
    const first = bytes.indexOf(NEWLINE);
    if (first === -1) {
      this.hold(bytes);
      return lines;
    }
    let start = 0;
    if (this.pendingBytes > 0 || this.dropped >= 0) {
      this.hold(bytes.subarray(0, first));
      lines.push(this.takePending());
      start = first + 1;
    }
    const last = bytes.lastIndexOf(NEWLINE);
    if (last >= start) this.wholeLines(bytes.subarray(start, last), lines);
    this.hold(bytes.subarray(last + 1));
    return lines;
  }

  /** The last line when the stream does not end with a newline. */
  end(): Line | undefined {
    return this.pendingBytes > 0 || this.dropped >= 0 ? this.takePending() : undefined;
  }

  /** Keeps bytes of the unfinished line, or counts them once it is too long to keep. */
  private hold(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    if (this.dropped >= 0) {
      this.dropped += bytes.length;
    } else if (this.pendingBytes + bytes.length > this.maxLineBytes) {
      this.dropped = this.pendingBytes + bytes.length;
      this.pending = [];
      this.pendingBytes = 0;
    } else {
      // A copy: a view would keep the whole chunk alive, and a source may reuse its buffers.
      this.pending.push(Buffer.from(bytes));
      this.pendingBytes += bytes.length;
    }
  }

  private takePending(): Line {
    const number = ++this.count;
    if (this.dropped >= 0) {
      const line = tooLong(number, this.dropped);
      this.dropped = -1;
      return line;
    }
    const bytes = this.pending.length === 1 ? (this.pending[0] as Uint8Array) : Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    return this.decodeLine(bytes, number);
  }

  /** Lines that start and end in this chunk (`region` ends before its last newline), decoded at once. */
  private wholeLines(region: Buffer, lines: Line[]): void {
    if (this.asBytes) {
      if (isUtf8(region)) this.byteLines(region, lines);
      else this.eachLine(region, lines);
      return;
    }
    let text: string;
    try {
      text = this.decoder.decode(region);
    } catch {
      this.eachLine(region, lines);
      return;
    }
    let start = 0;
    for (;;) {
      const end = text.indexOf('\n', start);
      const number = ++this.count;
      const line = trimLine(text, start, end === -1 ? text.length : end, number);
      // A line's bytes are at most three per UTF-16 unit: only a long one needs counting.
      const long = line.text.length * 3 > this.maxLineBytes;
      lines.push(long ? this.checkLength(line) : line);
      if (end === -1) return;
      start = end + 1;
    }
  }

  /** Some line in `region` is not UTF-8: decodes each on its own to find which. */
  private eachLine(region: Buffer, lines: Line[]): void {
    let start = 0;
    for (;;) {
      const end = region.indexOf(NEWLINE, start);
      lines.push(this.decodeLine(region.subarray(start, end === -1 ? region.length : end), ++this.count));
      if (end === -1) return;
      start = end + 1;
    }
  }

  /** Lines of a region known to be UTF-8, as views of it. */
  private byteLines(region: Buffer, lines: Line[]): void {
    let start = 0;
    for (;;) {
      const end = region.indexOf(NEWLINE, start);
      const to = end === -1 ? region.length : end;
      const number = ++this.count;
      lines.push(to - start > this.maxLineBytes ? tooLong(number, to - start) : byteLine(region, start, to, number));
      if (end === -1) return;
      start = end + 1;
    }
  }

  private decodeLine(bytes: Uint8Array, number: number): Line {
    if (bytes.length > this.maxLineBytes) return tooLong(number, bytes.length);
    if (this.asBytes) {
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (isUtf8(buffer)) return byteLine(buffer, 0, buffer.length, number);
      return { text: '', number, error: { code: 'INVALID_UTF8', message: invalidUtf8(bytes) } };
    }
    let text: string;
    try {
      text = this.decoder.decode(bytes);
    } catch {
      return { text: '', number, error: { code: 'INVALID_UTF8', message: invalidUtf8(bytes) } };
    }
    return trimLine(text, 0, text.length, number);
  }

  private checkLength(line: Line): Line {
    const bytes = Buffer.byteLength(line.text);
    return bytes > this.maxLineBytes ? tooLong(line.number, bytes) : line;
  }
}

/** The line's text without a carriage return before its newline, nor a byte order mark at the file's start. */
function trimLine(text: string, start: number, end: number, number: number): Line {
  const from = number === 1 && text.charCodeAt(start) === 0xfeff ? start + 1 : start;
  const to = end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
  return { text: from === 0 && to === text.length ? text : text.slice(from, to), number };
}

/** The same trimming on bytes: a carriage return before the newline, the byte order mark (EF BB BF) on line 1. */
function byteLine(region: Buffer, start: number, end: number, number: number): Line {
  const bom = number === 1 && region[start] === 0xef && region[start + 1] === 0xbb && region[start + 2] === 0xbf;
  const from = bom ? start + 3 : start;
  const to = end > from && region[end - 1] === 13 ? end - 1 : end;
  return { text: '', number, bytes: region.subarray(from, to) };
}

function tooLong(number: number, bytes: number): Line {
  return {
    text: '',
    number,
    error: {
      code: 'ITEM_TOO_LARGE',
      message: `the line is ${bytes.toLocaleString('en-US')} bytes long, more than any item can take (DynamoDB's limit is 400 KB); it was skipped unread`,
    },
  };
}

/** Says where the first bad byte is, without quoting the line. */
function invalidUtf8(bytes: Uint8Array): string {
  const offset = firstInvalidByte(bytes);
  const byte = bytes[offset] ?? 0;
  return `the line is not valid UTF-8 (byte 0x${byte.toString(16).padStart(2, '0')} at byte ${offset + 1} of the line)`;
}

/** The offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const extra =
      lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    if (extra === 0) return i;
    // The second byte's range also rules out overlong forms, surrogates and code points past U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= extra; k++) {
      const byte = bytes[i + k];
      if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return i;
    }
    i += extra + 1;
  }
  return bytes.length;
}
