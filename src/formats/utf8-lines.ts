// Finds the lines of a byte stream that are not UTF-8, as the bytes pass on
// unchanged to a parser that would decode them with U+FFFD in their place
// (csv-parse). Each chunk is checked at once; only a chunk that fails is
// checked line by line, to find which.

import { isUtf8 } from 'node:buffer';

const NEWLINE = 0x0a;

export class Utf8LineCheck {
  /** Numbers (1-based, ascending) of the lines found so far that are not UTF-8. */
  readonly bad: number[] = [];
  /** The line the next byte belongs to. */
  private line = 1;
  /** The start of a character cut at the end of the last chunk. */
  private carry: Buffer | undefined;

  push(chunk: Uint8Array): void {
    let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.carry !== undefined) {
      bytes = Buffer.concat([this.carry, bytes]);
      this.carry = undefined;
    }
    const cut = incompleteTail(bytes);
    if (cut > 0) this.carry = Buffer.from(bytes.subarray(bytes.length - cut));
    const whole = bytes.subarray(0, bytes.length - cut);
    if (isUtf8(whole)) {
      for (let i = whole.indexOf(NEWLINE); i !== -1; i = whole.indexOf(NEWLINE, i + 1)) this.line += 1;
      return;
    }
    let start = 0;
    for (;;) {
      const end = whole.indexOf(NEWLINE, start);
      if (!isUtf8(whole.subarray(start, end === -1 ? whole.length : end))) this.mark();
      if (end === -1) return;
      this.line += 1;
      start = end + 1;
    }
  }

  /** The stream ended: a character still cut is not UTF-8. */
  end(): void {
    if (this.carry !== undefined) this.mark();
    this.carry = undefined;
  }

  private mark(): void {
    if (this.bad.at(-1) !== this.line) this.bad.push(this.line);
  }
}

/** How many bytes at the end start a character that the next chunk may finish (0 to 3). */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}
