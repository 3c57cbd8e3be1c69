// The first records of a source, read before anything is created, emptied or
// started: a source that cannot be imported at all (wrong format, wrong
// compression, a CSV header without the table's key) is refused while the
// table is still as it was.

import { TransferError } from '../errors.js';
import { type DecodeOptions, decodeObject } from '../formats/decode.js';
import { Md5Tracker } from '../formats/manifest.js';
import { type DecodeError, type Decoded, newStats } from '../formats/records.js';
import type { Store } from '../storage/store.js';
import type { SourceObject } from './resolve.js';

const SAMPLE_BYTES = 1024 * 1024;
const SAMPLE_ITEMS = 100;

export interface Sample {
  records: Decoded[];
  errors: DecodeError[];
}

/**
 * Up to 100 records from the first MiB of an object; a record cut by the 1 MiB
 * limit proves nothing and is left out. Given the object as the source lists
 * it, no more than its size is read, and an export's data file none of whose
 * first records reads is checked against its MD5: a damaged file proves
 * nothing about the source (its items are rejected, counted, when it is
 * imported), so its sample is empty.
 */
export async function sampleObject(
  store: Store,
  object: string | SourceObject,
  options: DecodeOptions,
): Promise<Sample> {
  const { key, size, md5 } = typeof object === 'string' ? { key: object, size: undefined, md5: undefined } : object;
  const head = await readHead(store.read(key, size), SAMPLE_BYTES);
  const cut = head.length >= SAMPLE_BYTES;
  const records: Decoded[] = [];
  for await (const batch of decodeObject(once(head), options, newStats())) {
    records.push(...batch.filter((r) => !('error' in r && r.error.code === 'TRUNCATED_OBJECT' && cut)));
    if (records.length > SAMPLE_ITEMS) break;
  }
  const sample = records.slice(0, cut ? Math.min(SAMPLE_ITEMS, records.length - 1) : SAMPLE_ITEMS);
  const errors = sample.flatMap((r) => ('error' in r ? [r.error] : []));
  if (md5 !== undefined && errors.length > 0 && errors.length === sample.length) {
    const tracker = new Md5Tracker();
    for await (const chunk of tracker.track(store.read(key, size))) void chunk;
    if (tracker.base64() !== md5) return { records: [], errors: [] };
  }
  return { records: sample, errors };
}

/** Refuses a source none of whose first records can be imported. */
export function refuseUnreadable(sample: Sample, where: string, how: string, consequence: string): void {
  const first = sample.errors[0];
  if (first === undefined || sample.errors.length < sample.records.length) return;
  const line = first.line === undefined ? '' : `line ${first.line}: `;
  throw new TransferError(
    'SOURCE_SAMPLE_INVALID',
    `None of the first ${sample.records.length} record(s) of ${where} can be imported as ${how}: ${line}${first.message}. ${consequence} Check format, compression, csv-header and the key schema.`,
  );
}

async function readHead(chunks: AsyncIterable<Uint8Array>, limit: number): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    parts.push(chunk);
    size += chunk.byteLength;
    if (size >= limit) break;
  }
  return Buffer.concat(parts).subarray(0, limit);
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}
