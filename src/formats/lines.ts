// Splits a byte stream into text lines without holding more than one line
// and one chunk. UTF-8 characters split across chunks are kept whole. Lines
// come in one batch per chunk: a hop through an async generator per line
// would cost more than parsing it.

import type { DecodeStats } from './records.js';

export interface Line {
  text: string;
  /** 1-based. */
  number: number;
}

export async function* splitLines(chunks: AsyncIterable<Uint8Array>, stats?: DecodeStats): AsyncGenerator<Line[]> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  let pending = '';
  let number = 0;
  for await (const chunk of chunks) {
    if (stats) stats.bytes += chunk.byteLength;
    const text = pending + decoder.decode(chunk, { stream: true });
    const lines: Line[] = [];
    let start = 0;
    let end = text.indexOf('\n', start);
    while (end !== -1) {
      number += 1;
      lines.push({ text: trimCarriageReturn(text, start, end), number });
      start = end + 1;
      end = text.indexOf('\n', start);
    }
    pending = text.slice(start);
    if (stats) stats.lines = number;
    if (lines.length > 0) yield lines;
  }
  pending += decoder.decode();
  if (pending.length > 0) {
    number += 1;
    yield [{ text: trimCarriageReturn(pending, 0, pending.length), number }];
  }
  if (stats) stats.lines = number;
}

function trimCarriageReturn(text: string, start: number, end: number): string {
  return text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
}
