// Damaged GZIP and ZSTD objects: every record before the damage is kept,
// the damage is one error at the line where reading stopped, and the number
// of records lost is never guessed.

import { gzipSync, zstdCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compress, decompress } from '../../src/formats/compression.js';
import { chunked, collect, decode } from './helpers.js';
import { gzipWithTrailingGarbage, itemLines, truncatedGzip, twoZstdFrames } from './hostile-inputs.js';

const ids = (items: { item: { id?: { S?: string } } }[]): (string | undefined)[] => items.map((i) => i.item.id?.S);
const expectedIds = (count: number, from = 0): string[] => Array.from({ length: count }, (_, i) => `item-${from + i}`);

describe('a truncated GZIP object', () => {
  it.each([0.9, 0.5, 0.1])('keeps every whole line zlib can give when cut at %s', async (fraction) => {
    const { bytes, wholeLines } = truncatedGzip(itemLines(3000), fraction);
    expect(wholeLines).toBeGreaterThan(0);
    for (const chunkSize of [65536, 1000, 7]) {
      const { items, errors, stats } = await decode(bytes, { compression: 'GZIP' }, chunkSize);
      expect(ids(items), `chunks of ${chunkSize}`).toEqual(expectedIds(wholeLines));
      expect(errors).toEqual([
        {
          code: 'TRUNCATED_OBJECT',
          message: `the GZIP stream ends early: the object is truncated; the ${wholeLines} item(s) before this point were read`,
          line: wholeLines + 1,
          itemIndex: wholeLines,
        },
      ]);
      expect(stats).toMatchObject({ items: wholeLines, errors: 1 });
    }
  });

  it('says so when the cut is inside the trailer, after every line', async () => {
    const packed = gzipSync(itemLines(100));
    const { items, errors } = await decode(packed.subarray(0, packed.length - 3), { compression: 'GZIP' });
    expect(items).toHaveLength(100);
    expect(errors.map((e) => [e.code, e.line])).toEqual([['TRUNCATED_OBJECT', 101]]);
  });

  it('says so when the cut is inside the header', async () => {
    const { items, errors } = await decode(gzipSync(itemLines(1)).subarray(0, 5), { compression: 'GZIP' });
    expect(items).toEqual([]);
    expect(errors.map((e) => [e.code, e.line])).toEqual([['TRUNCATED_OBJECT', 1]]);
  });
});

describe('bytes after the end of a GZIP stream', () => {
  it('reads every item of the member, then reports the 17 bytes after it once, where they start', async () => {
    const bytes = gzipWithTrailingGarbage(itemLines(100));
    const { items, errors } = await decode(bytes, { compression: 'auto' });
    expect(ids(items)).toEqual(expectedIds(100));
    expect(errors).toEqual([
      {
        code: 'TRAILING_DATA',
        message: `the GZIP data ends at byte ${(bytes.length - 17).toLocaleString('en-US')}, and the bytes after it are not GZIP: they were not read; the 100 item(s) before this point were read`,
        line: 101,
        itemIndex: 100,
      },
    ]);
  });

  it('keeps the last line when the data does not end with a newline', async () => {
    const bytes = gzipWithTrailingGarbage(itemLines(3).trimEnd());
    const { items, errors } = await decode(bytes, { compression: 'GZIP' }, 5);
    expect(ids(items)).toEqual(expectedIds(3));
    expect(errors.map((e) => [e.code, e.line])).toEqual([['TRAILING_DATA', 4]]);
  });

  it('reads every member of a multi-member gzip (cat a.gz b.gz), split anywhere', async () => {
    const bytes = Buffer.concat([gzipSync(itemLines(50)), gzipSync(itemLines(50, 50)), gzipSync('')]);
    for (const chunkSize of [65536, 333, 1]) {
      const { items, errors } = await decode(bytes, { compression: 'GZIP' }, chunkSize);
      expect(errors, `chunks of ${chunkSize}`).toEqual([]);
      expect(ids(items)).toEqual(expectedIds(100));
    }
  });

  it('accepts zero bytes of padding after the last member, as gzip does', async () => {
    const { items, errors } = await decode(Buffer.concat([gzipSync(itemLines(10)), Buffer.alloc(300)]));
    expect([items.length, errors]).toEqual([10, []]);
  });

  it('does not take padding followed by garbage for padding', async () => {
    const bytes = Buffer.concat([gzipSync(itemLines(10)), Buffer.alloc(30), Buffer.from('x')]);
    const { items, errors } = await decode(bytes);
    expect([items.length, errors.map((e) => e.code)]).toEqual([10, ['TRAILING_DATA']]);
  });
});

describe('a GZIP member that fails its checks', () => {
  it('reports a CRC-32 that does not match the data after the items it gave', async () => {
    const bytes = Buffer.from(gzipSync(itemLines(20)));
    bytes[bytes.length - 8] = (bytes[bytes.length - 8] ?? 0) ^ 0x01;
    const { items, errors } = await decode(bytes);
    expect(items).toHaveLength(20);
    expect(errors.map((e) => e.code)).toEqual(['CORRUPT_OBJECT']);
    expect(errors[0]?.message).toMatch(/^the GZIP stream is corrupt \(member 1's CRC-32 does not match its data/);
  });

  it('reports a length that does not match', async () => {
    const bytes = Buffer.from(gzipSync(itemLines(20)));
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0x01;
    const { errors } = await decode(bytes);
    expect(errors[0]?.message).toMatch(/member 1's length does not match/);
  });

  it('says an object that is not GZIP at all is corrupt', async () => {
    const { errors } = await decode(itemLines(2), { compression: 'GZIP' });
    expect(errors.map((e) => [e.code, e.message])).toEqual([
      [
        'CORRUPT_OBJECT',
        'the object is not GZIP data (it has no GZIP header); the 0 item(s) before this point were read',
      ],
    ]);
  });
});

describe('ZSTD objects', () => {
  it('reads every frame of a multi-frame object (cat a.zst b.zst)', async () => {
    const { items, errors } = await decode(twoZstdFrames(itemLines(50), itemLines(50, 50)), {}, 999);
    expect(errors).toEqual([]);
    expect(ids(items)).toEqual(expectedIds(100));
  });

  it('reports bytes after the last frame after reading every item', async () => {
    const packed = zstdCompressSync(itemLines(100));
    const { items, errors } = await decode(Buffer.concat([packed, Buffer.from('not zstd, 17 byte')]));
    expect(items).toHaveLength(100);
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'TRAILING_DATA',
        message: `the ZSTD data ends at byte ${packed.length.toLocaleString('en-US')}, and the bytes after it are not ZSTD: they were not read; the 100 item(s) before this point were read`,
        line: 101,
      }),
    ]);
  });

  it('keeps the lines of every whole block of a cut frame', async () => {
    const text = itemLines(3000);
    const packed = zstdCompressSync(text);
    const { items, errors } = await decode(packed.subarray(0, Math.floor(packed.length * 0.9)), {}, 4096);
    // A block holds 128 KiB of content: all but the cut block's lines come through.
    expect(items.length).toBeGreaterThanOrEqual(Math.floor((text.length - 2 * 128 * 1024) / 250));
    expect(ids(items)).toEqual(expectedIds(items.length));
    expect(errors.map((e) => [e.code, e.line])).toEqual([['TRUNCATED_OBJECT', items.length + 1]]);
  });

  it('skips skippable frames', async () => {
    const skippable = Buffer.from([0x50, 0x2a, 0x4d, 0x18, 3, 0, 0, 0, 1, 2, 3]);
    const bytes = Buffer.concat([zstdCompressSync(itemLines(2)), skippable, zstdCompressSync(itemLines(2, 2))]);
    const { items, errors } = await decode(bytes, { compression: 'ZSTD' });
    expect([ids(items), errors]).toEqual([expectedIds(4), []]);
  });

  it('writes every frame with a checksum of its content', async () => {
    const packed = Buffer.concat(await collect(compress(chunked(itemLines(10)), 'ZSTD')));
    const descriptor = packed[4] ?? 0;
    expect(descriptor & 0x04).toBe(0x04); // Content_Checksum_flag
  });
});

describe('a reader that stops early', () => {
  it.each(['GZIP', 'ZSTD'] as const)('stops reading the %s source too', async (compression) => {
    const packed = Buffer.concat(await collect(compress(chunked(itemLines(20_000)), compression)));
    let closed = false;
    async function* source(): AsyncGenerator<Uint8Array> {
      try {
        yield* chunked(packed, 1024);
      } finally {
        closed = true;
      }
    }
    for await (const chunk of decompress(source(), compression)) if (chunk.length > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(closed).toBe(true);
  });
});
