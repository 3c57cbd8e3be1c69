// GZIP members read one by one (RFC 1952): the header and trailer here, the
// deflate data between them in zlib. Node's Gunzip cannot be used as it is:
// it drops the output it holds when the stream ends early, and any bytes
// after the last member fail the whole stream with the last part of the
// data. Here every byte zlib could inflate is yielded first; then the damage
// is one error: the stream ends early (TRUNCATED_OBJECT), a member's CRC or
// length is wrong or its data cannot be inflated (CORRUPT_OBJECT), or bytes
// that are not another member follow the data (TRAILING_DATA). Zero bytes
// after the last member are padding, as gzip(1) accepts.

import { constants, crc32, createInflateRaw } from 'node:zlib';
import type { ByteReader } from './byte-reader.js';
import { ObjectReadError } from './records.js';
import { pump } from './zlib-pump.js';

const ID1 = 0x1f;
const ID2 = 0x8b;
const DEFLATE = 8;
const FHCRC = 0x02;
const FEXTRA = 0x04;
const FNAME = 0x08;
const FCOMMENT = 0x10;
const RESERVED = 0xe0;

export async function* gunzip(reader: ByteReader): AsyncGenerator<Uint8Array> {
  for (let member = 0; ; member++) {
    const start = reader.position;
    const magic = await reader.read(2);
    if (member > 0 && (magic.length === 0 || (magic[0] === 0 && (await zerosToTheEnd(reader, magic))))) return;
    if (magic.length < 2 || magic[0] !== ID1 || magic[1] !== ID2) {
      if (member > 0)
        throw new ObjectReadError(
          'TRAILING_DATA',
          `the GZIP data ends at byte ${start.toLocaleString('en-US')}, and the bytes after it are not GZIP: they were not read`,
        );
      if (magic.length === 0 || (magic.length === 1 && magic[0] === ID1)) throw truncated();
      throw new ObjectReadError('CORRUPT_OBJECT', 'the object is not GZIP data (it has no GZIP header)');
    }
    await readHeader(reader);
    let crc = 0;
    let size = 0;
    // Z_SYNC_FLUSH at the end: a cut stream gives all it holds instead of an error.
    const inflate = createInflateRaw({ chunkSize: 65536, finishFlush: constants.Z_SYNC_FLUSH });
    try {
      for await (const chunk of pump(inflate, reader)) {
        crc = crc32(chunk, crc);
        size += chunk.length;
        yield chunk;
      }
    } catch (error) {
      throw zlibError(error);
    }
    const trailer = Buffer.from(await reader.read(8));
    if (trailer.length < 8) throw truncated();
    if (trailer.readUInt32LE(0) !== crc >>> 0)
      throw corrupt(`member ${member + 1}'s CRC-32 does not match its data: the data is damaged`);
    if (trailer.readUInt32LE(4) !== size % 2 ** 32)
      throw corrupt(`member ${member + 1}'s length does not match its data: the data is damaged`);
  }
}

/** The rest of a member's header after ID1 ID2 (RFC 1952 2.3). */
async function readHeader(reader: ByteReader): Promise<void> {
  const fixed = await reader.read(8); // CM FLG MTIME(4) XFL OS
  if (fixed.length < 8) throw truncated();
  const flags = fixed[1] as number;
  if (fixed[0] !== DEFLATE || (flags & RESERVED) !== 0) throw corrupt('a member header is not one zlib can read');
  if ((flags & FEXTRA) !== 0) {
    const length = await reader.read(2);
    if (length.length < 2 || !(await reader.skip((length[0] as number) | ((length[1] as number) << 8))))
      throw truncated();
  }
  if ((flags & FNAME) !== 0 && !(await skipPastZero(reader))) throw truncated();
  if ((flags & FCOMMENT) !== 0 && !(await skipPastZero(reader))) throw truncated();
  if ((flags & FHCRC) !== 0 && !(await reader.skip(2))) throw truncated();
}

async function skipPastZero(reader: ByteReader): Promise<boolean> {
  for (let chunk = await reader.next(); chunk !== undefined; chunk = await reader.next()) {
    const zero = chunk.indexOf(0);
    if (zero !== -1) {
      reader.unread(chunk.subarray(zero + 1));
      return true;
    }
  }
  return false;
}

/** Whether `first` and every byte after it are zeros (padding). */
async function zerosToTheEnd(reader: ByteReader, first: Uint8Array): Promise<boolean> {
  if (first.some((byte) => byte !== 0)) return false;
  for (let chunk = await reader.next(); chunk !== undefined; chunk = await reader.next()) {
    if (chunk.some((byte) => byte !== 0)) return false;
  }
  return true;
}

function truncated(): ObjectReadError {
  return new ObjectReadError('TRUNCATED_OBJECT', 'the GZIP stream ends early: the object is truncated');
}

function corrupt(why: string): ObjectReadError {
  return new ObjectReadError('CORRUPT_OBJECT', `the GZIP stream is corrupt (${why})`);
}

function zlibError(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('Z_') ? corrupt((error as Error).message) : error;
}
