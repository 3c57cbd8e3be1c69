// ZSTD frames read one by one (RFC 8878). Node's ZstdDecompress stops after
// the first frame and ignores whatever follows it (a second frame, garbage),
// and cannot tell a cut frame from a whole one without failing and dropping
// its output. So each frame's extent is found here from its header and
// block headers, which are plain lengths, and only the frame's bytes go to
// zlib: a cut frame gives every block it holds, then TRUNCATED_OBJECT; bytes
// after the last frame that are not another frame are TRAILING_DATA. Frames
// carry a checksum of their content when written with one (as this action
// writes them), which zstd checks.

import { constants, createZstdDecompress } from 'node:zlib';
import type { ByteReader } from './byte-reader.js';
import { ObjectReadError } from './records.js';
import { type ChunkSource, pump } from './zlib-pump.js';

const FRAME_MAGIC = 0xfd2fb528;
/** Skippable frames (0x184D2A50 to 0x184D2A5F) hold data that is not content. */
const SKIPPABLE_MASK = 0xfffffff0;
const SKIPPABLE_MAGIC = 0x184d2a50;
const MAX_BLOCK = 128 * 1024;

/** What the frames read so far said about themselves. */
export interface FrameReport {
  /** Frames whose content carried a checksum, and frames that did not. */
  checksummed: number;
  unchecked: number;
}

export async function* unzstd(reader: ByteReader, report?: FrameReport): AsyncGenerator<Uint8Array> {
  for (let frame = 0; ; frame++) {
    const start = reader.position;
    const magicBytes = Buffer.from(await reader.read(4));
    if (magicBytes.length === 0) {
      if (frame === 0) throw truncated();
      return;
    }
    const magic = magicBytes.length === 4 ? magicBytes.readUInt32LE(0) : -1;
    if ((magic & SKIPPABLE_MASK) >>> 0 === SKIPPABLE_MAGIC) {
      const size = Buffer.from(await reader.read(4));
      if (size.length < 4 || !(await reader.skip(size.readUInt32LE(0)))) throw truncated();
      continue;
    }
    if (magic !== FRAME_MAGIC) {
      if (frame > 0)
        throw new ObjectReadError(
          'TRAILING_DATA',
          `the ZSTD data ends at byte ${start.toLocaleString('en-US')}, and the bytes after it are not ZSTD: they were not read`,
        );
      if (
        magicBytes.length < 4 &&
        magicBytes.equals(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]).subarray(0, magicBytes.length))
      )
        throw truncated();
      throw new ObjectReadError('CORRUPT_OBJECT', 'the object is not ZSTD data (it has no ZSTD frame header)');
    }
    const walk = new FrameWalk(reader, magicBytes);
    // ZSTD_e_continue at the end: a cut frame gives its whole blocks instead of an error.
    const decompress = createZstdDecompress({ chunkSize: 65536, finishFlush: constants.ZSTD_e_continue });
    try {
      yield* pump(decompress, walk);
    } catch (error) {
      throw zstdError(error);
    }
    if (walk.cut) throw truncated();
    if (walk.problem !== undefined) throw corrupt(walk.problem);
    if (report !== undefined) {
      if (walk.checksum) report.checksummed += 1;
      else report.unchecked += 1;
    }
  }
}

/**
 * Gives zlib one frame's bytes, exactly: the header, each block (a 3-byte
 * header with the block's type and size, then its bytes), and the checksum.
 */
class FrameWalk implements ChunkSource {
  /** The reader ended inside the frame. */
  cut = false;
  /** Set when the frame's structure is wrong. */
  problem: string | undefined;
  /** The frame carries a checksum of its content. */
  checksum = false;
  private header: Uint8Array | undefined;
  /** Bytes of the current block (or checksum) still to give. */
  private left = 0;
  private lastBlock = false;
  private finished = false;
  private readonly reader: ByteReader;

  constructor(reader: ByteReader, magic: Uint8Array) {
    this.reader = reader;
    this.header = magic;
  }

  async next(): Promise<Uint8Array | undefined> {
    if (this.header !== undefined) return this.frameHeader();
    if (this.left === 0) {
      if (this.finished) return undefined;
      if (this.lastBlock) {
        this.finished = true;
        if (!this.checksum) return undefined;
        this.left = 4;
      } else {
        return this.blockHeader();
      }
    }
    const chunk = await this.reader.next();
    if (chunk === undefined) return this.end();
    if (chunk.length > this.left) {
      this.reader.unread(chunk.subarray(this.left));
      const part = chunk.subarray(0, this.left);
      this.left = 0;
      return part;
    }
    this.left -= chunk.length;
    return chunk;
  }

  /** zlib stopped before the frame's end: the frame's sizes disagree with its content. */
  unread(bytes: Uint8Array): void {
    this.reader.unread(bytes);
    this.problem ??= 'the frame ends before its blocks do';
  }

  private async frameHeader(): Promise<Uint8Array | undefined> {
    const magic = this.header as Uint8Array;
    this.header = undefined;
    const descriptor = await this.reader.read(1);
    if (descriptor.length === 0) return this.end(magic);
    const flags = descriptor[0] as number;
    const singleSegment = (flags & 0x20) !== 0;
    this.checksum = (flags & 0x04) !== 0;
    const contentSizeBytes = [singleSegment ? 1 : 0, 2, 4, 8][flags >> 6] as number;
    const dictionaryBytes = [0, 1, 2, 4][flags & 0x03] as number;
    const rest = await this.reader.read((singleSegment ? 0 : 1) + dictionaryBytes + contentSizeBytes);
    const header = Buffer.concat([magic, descriptor, rest]);
    if (rest.length < (singleSegment ? 0 : 1) + dictionaryBytes + contentSizeBytes) return this.end(header);
    return header;
  }

  private async blockHeader(): Promise<Uint8Array | undefined> {
    const header = await this.reader.read(3);
    if (header.length < 3) return this.end(header);
    const value = (header[0] as number) | ((header[1] as number) << 8) | ((header[2] as number) << 16);
    this.lastBlock = (value & 1) === 1;
    const type = (value >> 1) & 3;
    const size = value >>> 3;
    if (type === 3 || size > MAX_BLOCK) {
      // zstd refuses it too; give no more so that it fails on what it has.
      this.problem = type === 3 ? 'a block has the reserved type' : 'a block is larger than 128 KiB';
      this.finished = true;
      this.lastBlock = true;
      return header;
    }
    this.left = type === 1 ? 1 : size; // an RLE block is one byte repeated `size` times
    return header;
  }

  /** The reader ended inside the frame: give zlib what there is, and say so. */
  private end(partial?: Uint8Array): Uint8Array | undefined {
    this.cut = true;
    this.finished = true;
    this.left = 0;
    this.lastBlock = true;
    return partial !== undefined && partial.length > 0 ? partial : undefined;
  }
}

function truncated(): ObjectReadError {
  return new ObjectReadError('TRUNCATED_OBJECT', 'the ZSTD stream ends early: the object is truncated');
}

function corrupt(why: string): ObjectReadError {
  return new ObjectReadError('CORRUPT_OBJECT', `the ZSTD stream is corrupt (${why})`);
}

function zstdError(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('ZSTD_error_') || code.startsWith('Z_'))
    ? corrupt((error as Error).message)
    : error;
}
