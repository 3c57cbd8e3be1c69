// Whether a whole compressed object is intact, read to its end before any of
// its items is used: for an object with no MD5 to check against, a damaged
// stream must reject the object, not write what it decodes to.

import type { Compression } from '../plan.js';
import { decompress } from './compression.js';
import { type ObjectErrorCode, ObjectReadError } from './records.js';
import type { FrameReport } from './zstd.js';

export type Integrity =
  | {
      ok: true;
      /**
       * Every part of the stream carried a checksum of its content and it
       * matched: always for GZIP (CRC-32 and length per member), for ZSTD
       * when every frame was written with a checksum, never for NONE.
       */
      checksummed: boolean;
    }
  | { ok: false; code: ObjectErrorCode; message: string };

/** Reads the whole stream; a read error of the source itself (the network) is thrown, not reported. */
export async function checkIntegrity(chunks: AsyncIterable<Uint8Array>, compression: Compression): Promise<Integrity> {
  const frames: FrameReport = { checksummed: 0, unchecked: 0 };
  try {
    for await (const chunk of decompress(chunks, compression, frames)) void chunk;
  } catch (error) {
    if (error instanceof ObjectReadError) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
  const checksummed = compression === 'GZIP' || (compression === 'ZSTD' && frames.unchecked === 0);
  return { ok: true, checksummed };
}
