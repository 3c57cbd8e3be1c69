// NONE, GZIP and ZSTD streams with Node's own zlib (zstd since Node 22.15),
// and detection from an object's first bytes for `compression: auto`.
// Reading keeps every byte a damaged stream still gives (gzip.ts, zstd.ts);
// writing puts a checksum in every ZSTD frame, so that damage is found.

import { Readable } from 'node:stream';
import { constants, createGzip, createZstdCompress } from 'node:zlib';
import type { Compression } from '../plan.js';
import { ByteReader } from './byte-reader.js';
import { gunzip } from './gzip.js';
import { type FrameReport, unzstd } from './zstd.js';

const GZIP_MAGIC = [0x1f, 0x8b];
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

export function detectCompression(firstBytes: Uint8Array): Compression {
  const starts = (magic: number[]): boolean => magic.every((byte, i) => firstBytes[i] === byte);
  if (starts(GZIP_MAGIC)) return 'GZIP';
  if (starts(ZSTD_MAGIC)) return 'ZSTD';
  return 'NONE';
}

/** Detects the compression from the first chunk and gives back a stream that still starts with it. */
export async function peekCompression(
  chunks: AsyncIterable<Uint8Array>,
): Promise<{ compression: Compression; chunks: AsyncIterable<Uint8Array> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? new Uint8Array() : first.value;
  async function* replay(): AsyncGenerator<Uint8Array> {
    try {
      if (!first.done) yield head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      // A reader that stops early closes the file or the connection now, not when it is collected.
      await iterator.return?.();
    }
  }
  return { compression: detectCompression(head), chunks: replay() };
}

/** The compression of a stream from its first chunk; the stream is closed. */
export async function compressionOf(chunks: AsyncIterable<Uint8Array>): Promise<Compression> {
  for await (const chunk of chunks) return detectCompression(chunk);
  return 'NONE';
}

/** The file name ending AWS uses for each compression. */
export function compressionExtension(compression: Compression): string {
  return { NONE: '', GZIP: '.gz', ZSTD: '.zst' }[compression];
}

/**
 * The decompressed bytes. A damaged stream gives all it can first, then
 * throws one ObjectReadError: TRUNCATED_OBJECT, CORRUPT_OBJECT, or
 * TRAILING_DATA (after all of the data, which is whole).
 */
export async function* decompress(
  chunks: AsyncIterable<Uint8Array>,
  compression: Compression,
  report?: FrameReport,
): AsyncGenerator<Uint8Array> {
  if (compression === 'NONE') {
    yield* chunks;
    return;
  }
  const reader = new ByteReader(chunks);
  try {
    yield* compression === 'GZIP' ? gunzip(reader) : unzstd(reader, report);
  } finally {
    reader.close();
  }
}

export async function* compress(
  chunks: AsyncIterable<Uint8Array>,
  compression: Compression,
): AsyncGenerator<Uint8Array> {
  if (compression === 'NONE') {
    yield* chunks;
    return;
  }
  const stream =
    compression === 'GZIP' ? createGzip() : createZstdCompress({ params: { [constants.ZSTD_c_checksumFlag]: 1 } });
  const source = Readable.from(chunks, { objectMode: false });
  source.on('error', (error) => stream.destroy(error));
  source.pipe(stream);
  try {
    for await (const chunk of stream) yield chunk as Uint8Array;
  } finally {
    source.destroy();
    stream.destroy();
  }
}
