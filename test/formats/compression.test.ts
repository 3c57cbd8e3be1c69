import { gzipSync, zstdCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  compress,
  compressionOf,
  decompress,
  detectCompression,
  peekCompression,
} from '../../src/formats/compression.js';
import { chunked, collect, decode } from './helpers.js';

const lines = Array.from(
  { length: 2000 },
  (_, i) => `{"Item":{"id":{"S":"${i}"},"pad":{"S":"${'x'.repeat(200)}"}}}`,
).join('\n');

describe('detectCompression', () => {
  it.each([
    [gzipSync('a'), 'GZIP'],
    [zstdCompressSync('a'), 'ZSTD'],
    [Buffer.from('{"Item":{}}'), 'NONE'],
    [new Uint8Array(), 'NONE'],
  ])('detects %s', (bytes, expected) => expect(detectCompression(bytes)).toBe(expected));
});

/** Chunks from a source that says whether it was closed, as a file or a connection is. */
function closable(chunks: Uint8Array[]): { chunks: AsyncIterable<Uint8Array>; closed: () => boolean } {
  let closed = false;
  async function* source(): AsyncGenerator<Uint8Array> {
    try {
      yield* chunks;
    } finally {
      closed = true;
    }
  }
  return { chunks: source(), closed: () => closed };
}

describe('finding the compression closes what it read', () => {
  const parts = [gzipSync('a'), Buffer.from('more'), Buffer.from('and more')];

  it('compressionOf reads the first chunk and closes the source', async () => {
    const source = closable(parts);
    expect(await compressionOf(source.chunks)).toBe('GZIP');
    expect(source.closed()).toBe(true);
  });

  it('a reader that stops after the first chunk peekCompression gives back closes the source', async () => {
    const source = closable(parts);
    const { compression, chunks } = await peekCompression(source.chunks);
    expect(compression).toBe('GZIP');
    for await (const chunk of chunks) {
      expect(chunk).toEqual(parts[0]);
      break;
    }
    expect(source.closed()).toBe(true);
  });
});

describe('compress and decompress', () => {
  it.each(['GZIP', 'ZSTD', 'NONE'] as const)('round-trips %s byte for byte', async (compression) => {
    const packed = Buffer.concat(await collect(compress(chunked(lines, 1000), compression)));
    const unpacked = Buffer.concat(await collect(decompress(chunked(packed, 777), compression)));
    expect(unpacked.toString()).toBe(lines);
    if (compression !== 'NONE') expect(packed.length).toBeLessThan(lines.length / 5);
  });

  it.each(['GZIP', 'ZSTD'] as const)('decodes a %s object found by its first bytes', async (compression) => {
    const packed = Buffer.concat(await collect(compress(chunked(lines), compression)));
    const { items, stats } = await decode(packed, { compression: 'auto' });
    expect(items).toHaveLength(2000);
    expect(stats.bytes).toBe(lines.length);
  });
});

describe('a damaged object', () => {
  it('says a truncated gzip ends early, and keeps the items read before it', async () => {
    const packed = gzipSync(lines);
    const { items, errors } = await decode(packed.subarray(0, Math.floor(packed.length / 2)), { compression: 'GZIP' });
    expect(items.length).toBeGreaterThan(100);
    expect(items.length).toBeLessThan(2000);
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'TRUNCATED_OBJECT',
        message: `the GZIP stream ends early: the object is truncated; the ${items.length} item(s) before this point were read`,
      }),
    ]);
  });

  it('keeps every CSV row read before a truncated gzip, and says at which line it ended', async () => {
    const csv = `id,n\n${Array.from({ length: 3000 }, (_, i) => `item-${i},${i}\n`).join('')}`;
    const packed = gzipSync(csv);
    const { items, errors } = await decode(packed.subarray(0, Math.floor(packed.length / 2)), {
      format: 'CSV',
      compression: 'GZIP',
    });
    expect(items.length).toBeGreaterThan(600);
    expect(items.map((d) => d.item.id?.S)).toEqual(Array.from({ length: items.length }, (_, i) => `item-${i}`));
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'TRUNCATED_OBJECT',
        message: `the GZIP stream ends early: the object is truncated; the ${items.length} item(s) before this point were read`,
        line: items.length + 2,
      }),
    ]);
  });

  it('says a truncated zstd ends early', async () => {
    const packed = zstdCompressSync(lines);
    const { errors } = await decode(packed.subarray(0, packed.length - 10), { compression: 'ZSTD' });
    expect(errors.map((e) => e.code)).toEqual(['TRUNCATED_OBJECT']);
  });

  it('says a corrupt zstd is corrupt', async () => {
    const packed = Buffer.from(zstdCompressSync(lines));
    for (let i = 20; i < 60; i++) packed[i] = 0xff - (packed[i] ?? 0);
    const { errors } = await decode(packed, { compression: 'ZSTD' });
    expect(errors.map((e) => e.code)).toEqual(['CORRUPT_OBJECT']);
    expect(errors[0]?.message).toMatch(/^the ZSTD stream is corrupt/);
  });

  it('says a corrupt gzip is corrupt', async () => {
    const packed = Buffer.from(gzipSync(lines));
    for (let i = 12; i < 40; i++) packed[i] = 0xff - (packed[i] ?? 0);
    const { errors } = await decode(packed, { compression: 'GZIP' });
    expect(errors.map((e) => e.code)).toEqual(['CORRUPT_OBJECT']);
  });
});
