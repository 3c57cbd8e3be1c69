// Writes a stream of items into an export's data files: encoded, compressed,
// hashed on the way, streamed into the store, and rolled over to a new file
// at a size limit. Returns the manifest entry of each file.

import type { Item } from '../formats/attribute-value.js';
import { compress } from '../formats/compression.js';
import { encodeDynamoJson } from '../formats/ddb-json.js';
import { encodeIon } from '../formats/ion.js';
import { type DataFileEntry, type ExportPaths, Md5Tracker, dataFileKey } from '../formats/manifest.js';
import type { Compression } from '../plan.js';
import type { Store } from '../storage/store.js';

export interface DataFileOptions {
  store: Store;
  paths: ExportPaths;
  format: 'DYNAMODB_JSON' | 'ION';
  compression: Compression;
  /** Roll over to a new file after about this many uncompressed bytes. */
  maxBytes: number;
}

export interface DataFileTotals {
  items: number;
  /** Bytes stored, after compression. */
  bytes: number;
}

/** Writes every item the iterator gives; at least one file, even when there are no items (as AWS does). */
export async function writeDataFiles(
  items: AsyncIterator<Item>,
  options: DataFileOptions,
  totals: DataFileTotals,
): Promise<DataFileEntry[]> {
  const entries: DataFileEntry[] = [];
  let done = false;
  do {
    const key = dataFileKey(options.paths, options.format, options.compression);
    let count = 0;
    let size = 0;
    async function* slice(): AsyncGenerator<Item> {
      while (size < options.maxBytes) {
        const next = await items.next();
        if (next.done) {
          done = true;
          return;
        }
        count += 1;
        yield next.value;
      }
    }
    const encoded = (options.format === 'ION' ? encodeIon : encodeDynamoJson)(slice());
    async function* measured(): AsyncGenerator<Uint8Array> {
      for await (const chunk of encoded) {
        size += chunk.byteLength;
        yield chunk;
      }
    }
    const md5 = new Md5Tracker();
    const written = await options.store.write(key, md5.track(compress(measured(), options.compression)));
    totals.items += count;
    totals.bytes += written.bytes;
    entries.push({ itemCount: count, md5Checksum: md5.base64(), etag: written.etag, dataFileS3Key: key });
  } while (!done);
  return entries;
}
