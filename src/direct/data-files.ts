// Writes a stream of Scan or Query pages into an export's data files: encoded,
// compressed, hashed on the way, streamed into the store, and rolled over to a
// new file at a size limit. Returns the manifest entry of each file.

import { compress } from '../formats/compression.js';
import { dynamoJsonLines } from '../formats/ddb-json.js';
import { ionLines } from '../formats/ion.js';
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
  /** Awaited after each file is complete and stored (an export's checkpoint is written here). */
  onFile?: (entry: DataFileEntry) => Promise<void>;
  /** Write one empty file when there are no items, as AWS does; false for a resumed segment. Default true. */
  emptyFile?: boolean;
}

/** Running totals over every file, kept up to date as pages are written, for progress lines. */
export interface DataFileTotals {
  items: number;
  /** Bytes stored, after compression. */
  bytes: number;
}

/**
 * Items are encoded this many bytes at a time: the compressor reads one chunk
 * ahead, and a chunk the size of a whole page would hold two pages per segment.
 */
const CHUNK_BYTES = 64 * 1024;

/**
 * Writes every page the iterator gives (each item's DynamoDB JSON, as
 * DynamoDB sent it); at least one file, even when there are no items (as AWS
 * does). A file rolls over between pages.
 */
export async function writeDataFiles(
  pages: AsyncIterator<Buffer[]>,
  options: DataFileOptions,
  totals: DataFileTotals,
): Promise<DataFileEntry[]> {
  const encode = options.format === 'ION' ? ionLines : dynamoJsonLines;
  const entries: DataFileEntry[] = [];
  // A file is started only once its first page is in hand, so none ends up empty but the one AWS writes.
  let ahead: IteratorResult<Buffer[]> | undefined = await pages.next();
  let done = ahead.done === true;
  if (done && options.emptyFile === false) return entries;
  do {
    const key = dataFileKey(options.paths, options.format, options.compression);
    let count = 0;
    async function* encoded(): AsyncGenerator<Uint8Array> {
      let size = 0;
      while (size < options.maxBytes) {
        const next = ahead ?? (await pages.next());
        ahead = undefined;
        if (next.done) {
          done = true;
          return;
        }
        for (const group of groups(next.value)) {
          const chunk = encode(group);
          size += chunk.byteLength;
          yield chunk;
        }
        count += next.value.length;
        totals.items += next.value.length;
      }
    }
    async function* counted(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
      for await (const chunk of chunks) {
        totals.bytes += chunk.byteLength;
        yield chunk;
      }
    }
    const md5 = new Md5Tracker();
    const written = await options.store.write(key, counted(md5.track(compress(encoded(), options.compression))));
    const entry = { itemCount: count, md5Checksum: md5.base64(), etag: written.etag, dataFileS3Key: key };
    entries.push(entry);
    await options.onFile?.(entry);
    if (!done) {
      ahead = await pages.next();
      done = ahead.done === true;
    }
  } while (!done);
  return entries;
}

/** Consecutive runs of items of about CHUNK_BYTES each. */
function* groups(items: Buffer[]): Generator<Buffer[]> {
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < items.length; i++) {
    bytes += (items[i] as Buffer).length;
    if (bytes >= CHUNK_BYTES) {
      yield items.slice(start, i + 1);
      start = i + 1;
      bytes = 0;
    }
  }
  if (start < items.length) yield items.slice(start);
}
