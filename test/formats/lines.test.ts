// Lines from bytes: linear in the input whatever the line lengths, a line
// too long to be an item skipped as it arrives, and bytes that are not UTF-8
// an error at their line instead of U+FFFD.

import { describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES, splitLines, type Line } from '../../src/formats/lines.js';
import { newStats } from '../../src/formats/records.js';
import { chunked, collect, decode } from './helpers.js';
import { oneLongLine } from './hostile-inputs.js';

async function lines(bytes: Uint8Array | string, chunkSize?: number, max?: number): Promise<Line[]> {
  return (await collect(splitLines(chunked(bytes, chunkSize), newStats(), max))).flat();
}

const bytes = (...parts: (string | number[])[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

describe('splitLines', () => {
  it('numbers lines as the file has them, with or without a last newline, at any chunk size', async () => {
    const text = 'a\r\n\nb🎸ü\nc';
    for (const size of [1, 2, 3, 5, 64]) {
      expect(
        (await lines(text, size)).map((l) => [l.number, l.text]),
        `chunks of ${size}`,
      ).toEqual([
        [1, 'a'],
        [2, ''],
        [3, 'b🎸ü'],
        [4, 'c'],
      ]);
    }
  });

  it('drops a byte order mark at the start of the file only', async () => {
    expect((await lines('\ufeffa\n\ufeffb', 2)).map((l) => l.text)).toEqual(['a', '\ufeffb']);
  });

  it('makes a line that is not UTF-8 an error at its line, at any chunk size', async () => {
    const input = bytes(
      'good\n',
      'bad ',
      [0xc3, 0x28],
      ' here\n',
      'also good\n',
      [0xed, 0xa0, 0x80],
      '\n',
      [0xe2, 0x82],
    );
    for (const size of [1, 2, 3, 4, 1000]) {
      expect(await lines(input, size), `chunks of ${size}`).toEqual([
        { text: 'good', number: 1 },
        {
          text: '',
          number: 2,
          error: { code: 'INVALID_UTF8', message: 'the line is not valid UTF-8 (byte 0xc3 at byte 5 of the line)' },
        },
        { text: 'also good', number: 3 },
        {
          text: '',
          number: 4,
          error: { code: 'INVALID_UTF8', message: 'the line is not valid UTF-8 (byte 0xed at byte 1 of the line)' },
        },
        {
          text: '',
          number: 5,
          error: { code: 'INVALID_UTF8', message: 'the line is not valid UTF-8 (byte 0xe2 at byte 1 of the line)' },
        },
      ]);
    }
  });

  it.each([
    ['an overlong form', [0xc0, 0x80]],
    ['a surrogate', [0xed, 0xb0, 0x80]],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a lone continuation byte', [0x80]],
    ['0xFF', [0xff]],
  ])('refuses %s', async (_name, sequence) => {
    const [line] = await lines(bytes('x', sequence, 'y'));
    expect(line?.error?.code).toBe('INVALID_UTF8');
  });

  it('skips a line longer than the limit as it arrives, and counts its bytes', async () => {
    const input = `ok\n${'x'.repeat(100)}\n${'y'.repeat(50)}\n${'z'.repeat(101)}`;
    for (const size of [7, 64, 1000]) {
      expect(await lines(input, size, 100), `chunks of ${size}`).toEqual([
        { text: 'ok', number: 1 },
        { text: 'x'.repeat(100), number: 2 },
        { text: 'y'.repeat(50), number: 3 },
        {
          text: '',
          number: 4,
          error: {
            code: 'ITEM_TOO_LARGE',
            message:
              "the line is 101 bytes long, more than any item can take (DynamoDB's limit is 400 KB); it was skipped unread",
          },
        },
      ]);
    }
  });

  it('measures the limit in bytes, not characters', async () => {
    const [line] = await lines('é'.repeat(60), 1000, 100);
    expect(line?.error?.message).toMatch(/^the line is 120 bytes long/);
  });

  it('keeps 4 MiB, which is far more than the text of the largest item', () => {
    expect(MAX_LINE_BYTES).toBe(4 * 1024 * 1024);
  });
});

describe('one 50 MB line', () => {
  it('is one ITEM_TOO_LARGE error at its line, and the lines around it decode', async () => {
    const long = oneLongLine(50 * 1024 * 1024);
    const input = Buffer.concat([
      Buffer.from('{"Item":{"id":{"S":"before"}}}\n'),
      long,
      Buffer.from('\n{"Item":{"id":{"S":"after"}}}'),
    ]);
    const { items, errors, stats } = await decode(input);
    expect(items.map((i) => [i.item.id?.S, i.line])).toEqual([
      ['before', 1],
      ['after', 3],
    ]);
    expect(errors).toEqual([
      {
        code: 'ITEM_TOO_LARGE',
        message:
          "the line is 52,428,800 bytes long, more than any item can take (DynamoDB's limit is 400 KB); it was skipped unread",
        line: 2,
        itemIndex: 1,
      },
    ]);
    expect(stats).toMatchObject({ lines: 3, items: 2, errors: 1, bytes: input.length });
  });

  it('is the same error when the whole object is that line, with no newline', async () => {
    const { items, errors } = await decode(oneLongLine(50 * 1024 * 1024), { format: 'ION' });
    expect(items).toEqual([]);
    expect(errors.map((e) => [e.code, e.line])).toEqual([['ITEM_TOO_LARGE', 1]]);
  });
});
