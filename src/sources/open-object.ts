// An object's bytes, ready to decode, never more than its listed size. Its
// items are used only once the object is known to be whole: an export's data
// file when its MD5 matches the manifest, a compressed object without an MD5
// when its whole GZIP or ZSTD stream checks out (each gzip member's CRC-32 and
// length, each zstd frame's checksum). A damaged object's items are never
// written: every one of them is rejected, counted.
//
// A stream that is cut short or followed by other bytes is not damaged data:
// it is handed on, and the decoder keeps every record before the cut and
// reports the cut as one located error.

import { checkIntegrity } from '../formats/integrity.js';
import { decompress, peekCompression } from '../formats/compression.js';
import { type DecodeOptions, decodeObject } from '../formats/decode.js';
import { ObjectReadError, newStats } from '../formats/records.js';
import type { Compression } from '../plan.js';
import type { Store } from '../storage/store.js';
import type { SourceObject } from './resolve.js';
import { type TempCopy, copyToTemp, verifiedCopy } from './verified-copy.js';

export type OpenedObject =
  | { chunks: AsyncIterable<Uint8Array>; remove: () => Promise<void> }
  | { damaged: { code: string; message: string; items: number } };

/**
 * `decode`, when given (the engine's decode options), says the compression
 * (`auto` by default) and lets a damaged object's records be counted as the
 * decoder reads them; without it, its lines are counted.
 */
export async function openObject(
  store: Store,
  object: SourceObject,
  tempDir: string,
  decode?: DecodeOptions,
  signal?: AbortSignal,
): Promise<OpenedObject> {
  if (object.md5 !== undefined) return checkedAgainstMd5(store, object, object.md5, tempDir, signal);
  const read = store.read(object.key, object.size);
  const given = decode?.compression ?? 'auto';
  const { compression, chunks } = given === 'auto' ? await peekCompression(read) : { compression: given, chunks: read };
  // Nothing to check an uncompressed object against: it is read as it comes.
  if (compression === 'NONE') return { chunks, remove: async () => undefined };
  const copy = await copyToTemp(chunks, tempDir, signal);
  try {
    const integrity = await checkIntegrity(copy.chunks(), compression);
    if (integrity.ok || integrity.code !== 'CORRUPT_OBJECT') return { chunks: copy.chunks(), remove: copy.remove };
    const items = await countRecords(copy, compression, decode);
    await copy.remove();
    return {
      damaged: {
        code: integrity.code,
        message: `${integrity.message}; with no MD5 to compare with, none of its data can be trusted, so none of the ${items} record(s) read from it (nor whatever its damaged part held) were imported`,
        items,
      },
    };
  } catch (error) {
    await copy.remove();
    throw error;
  }
}

async function checkedAgainstMd5(
  store: Store,
  object: SourceObject,
  md5: string,
  tempDir: string,
  signal: AbortSignal | undefined,
): Promise<OpenedObject> {
  const copy = await verifiedCopy(store, object.key, md5, tempDir, object.size, signal);
  if (copy.ok) return copy;
  await copy.remove();
  return {
    damaged: {
      code: 'CHECKSUM_MISMATCH',
      message: `the data file's MD5 is ${copy.actualMd5} but the manifest says ${md5}: the file is damaged or was changed, so none of its ${object.itemCount ?? 'unknown number of'} item(s) were imported`,
      // Each of the file's items counts as one not imported; the manifest says how many.
      items: Math.max(1, object.itemCount ?? 1),
    },
  };
}

/**
 * The records a damaged object gives before its damage (at least one: the
 * object is counted even when nothing could be read from it; how many items
 * its damaged part held is unknown and not guessed).
 */
async function countRecords(copy: TempCopy, compression: Compression, decode?: DecodeOptions): Promise<number> {
  let count = 0;
  if (decode !== undefined) {
    for await (const batch of decodeObject(copy.chunks(), { ...decode, compression }, newStats())) {
      // The decoder's own error for the damage is not a record.
      count += batch.filter((r) => !('error' in r && r.error.code === 'CORRUPT_OBJECT')).length;
    }
    return Math.max(1, count);
  }
  // Without the decoder: the complete lines (one record each in DynamoDB JSON and Ion).
  try {
    for await (const chunk of decompress(copy.chunks(), compression)) {
      for (const byte of chunk) if (byte === 0x0a) count += 1;
    }
  } catch (error) {
    if (!(error instanceof ObjectReadError)) throw error;
  }
  return Math.max(1, count);
}
