// checkIntegrity reads a whole compressed object and says whether it is
// intact, so that an object with no MD5 can be refused before any of its items
// is written.

import { gzipSync, zstdCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compress } from '../../src/formats/compression.js';
import { checkIntegrity } from '../../src/formats/integrity.js';
import { chunked, collect } from './helpers.js';
import { gzipWithTrailingGarbage, itemLines, truncatedGzip } from './hostile-inputs.js';

const text = itemLines(2000);
const written = async (compression: 'GZIP' | 'ZSTD'): Promise<Buffer> =>
  Buffer.concat(await collect(compress(chunked(text), compression)));
const check = (bytes: Uint8Array, compression: 'GZIP' | 'ZSTD' | 'NONE') =>
  checkIntegrity(chunked(bytes, 4096), compression);

function flipped(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = (copy[at] ?? 0) ^ 0x10;
  return copy;
}

describe('checkIntegrity', () => {
  it.each(['GZIP', 'ZSTD'] as const)(
    'passes an intact %s object written by compress, checksummed',
    async (compression) => {
      expect(await check(await written(compression), compression)).toEqual({ ok: true, checksummed: true });
    },
  );

  it('passes a ZSTD object written without checksums, and says nothing was checked', async () => {
    expect(await check(zstdCompressSync(text), 'ZSTD')).toEqual({ ok: true, checksummed: false });
  });

  it('passes an uncompressed object, unchecked', async () => {
    expect(await check(Buffer.from(text), 'NONE')).toEqual({ ok: true, checksummed: false });
  });

  it.each(['GZIP', 'ZSTD'] as const)(
    'finds one flipped byte anywhere in the middle of a %s object',
    async (compression) => {
      const bytes = await written(compression);
      for (const fraction of [0.3, 0.5, 0.7]) {
        const result = await check(flipped(bytes, Math.floor(bytes.length * fraction)), compression);
        expect(result, `byte at ${fraction}`).toMatchObject({ ok: false, code: 'CORRUPT_OBJECT' });
      }
    },
  );

  it("finds a flipped byte in a gzip member's CRC-32", async () => {
    const bytes = gzipSync(text);
    expect(await check(flipped(bytes, bytes.length - 6), 'GZIP')).toEqual({
      ok: false,
      code: 'CORRUPT_OBJECT',
      message: "the GZIP stream is corrupt (member 1's CRC-32 does not match its data: the data is damaged)",
    });
  });

  it('reports a truncated object', async () => {
    expect(await check(truncatedGzip(text).bytes, 'GZIP')).toEqual({
      ok: false,
      code: 'TRUNCATED_OBJECT',
      message: 'the GZIP stream ends early: the object is truncated',
    });
    const zstd = await written('ZSTD');
    expect(await check(zstd.subarray(0, zstd.length - 2), 'ZSTD')).toMatchObject({
      ok: false,
      code: 'TRUNCATED_OBJECT',
    });
  });

  it('reports bytes after the end of the data', async () => {
    expect(await check(gzipWithTrailingGarbage(text), 'GZIP')).toMatchObject({ ok: false, code: 'TRAILING_DATA' });
  });

  it('throws what the source throws: a read error is not damage', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield gzipSync(text).subarray(0, 100);
      throw new Error('connection reset');
    }
    await expect(checkIntegrity(failing(), 'GZIP')).rejects.toThrow('connection reset');
  });
});
