// NONE, GZIP and ZSTD streams with Node's own zlib (zstd since Node 22.15),
// and detection from an object's first bytes for `compression: auto`.

import { Readable } from 'node:stream';
import { constants, createGunzip, createGzip, createZstdCompress, createZstdDecompress } from 'node:zlib';
import type { Compression } from '../plan.js';
import { ObjectReadError } from './records.js';

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
    if (!first.done) yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { compression: detectCompression(head), chunks: replay() };
}

/** The file name ending AWS uses for each compression. */
export function compressionExtension(compression: Compression): string {
  return { NONE: '', GZIP: '.gz', ZSTD: '.zst' }[compression];
}

export async function* decompress(
  chunks: AsyncIterable<Uint8Array>,
  compression: Compression,
): AsyncGenerator<Uint8Array> {
  if (compression === 'NONE') {
    yield* chunks;
    return;
  }
  // 64 KiB output chunks: a quarter of the hand-offs from zlib's thread pool.
  const stream =
    compression === 'GZIP' ? createGunzip({ chunkSize: 65536 }) : createZstdDecompress({ chunkSize: 65536 });
  const source = Readable.from(chunks, { objectMode: false });
  source.on('error', (error) => stream.destroy(error));
  source.pipe(stream);
  try {
    for await (const chunk of stream) yield chunk as Uint8Array;
  } catch (error) {
    throw readError(compression, error);
  } finally {
    source.destroy();
    stream.destroy();
  }
}

function readError(compression: Compression, error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'Z_BUF_ERROR' || /unexpected end/i.test(String((error as Error).message))) {
    return new ObjectReadError('TRUNCATED_OBJECT', `the ${compression} stream ends early: the object is truncated`);
  }
  if (typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ZSTD_error_'))) {
    return new ObjectReadError('CORRUPT_OBJECT', `the ${compression} stream is corrupt (${(error as Error).message})`);
  }
  return error;
}

export interface CompressOptions {
  /** GZIP 1-9 (default 6); ZSTD 1-19 (default 3). */
  level?: number;
}

export async function* compress(
  chunks: AsyncIterable<Uint8Array>,
  compression: Compression,
  options: CompressOptions = {},
): AsyncGenerator<Uint8Array> {
  if (compression === 'NONE') {
    yield* chunks;
    return;
  }
  const stream =
    compression === 'GZIP'
      ? createGzip(options.level === undefined ? {} : { level: options.level })
      : createZstdCompress(
          options.level === undefined ? {} : { params: { [constants.ZSTD_c_compressionLevel]: options.level } },
        );
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
