// One object's bytes to checked items: decompress, decode the format, check
// each item against the key schema. Counts everything; a truncated or
// corrupt object ends with one error after the items read before it, and so
// does data after the end of a compressed stream, after all the items.

import type { Compression, Format } from '../plan.js';
import { decompress, peekCompression } from './compression.js';
import { MESSAGE_CHARS, excerpt } from './excerpt.js';
import { decodeCsv } from './csv.js';
import { decodeDynamoJson } from './ddb-json.js';
import { decodeDynamoJsonRaw } from './ddb-json-raw.js';
import { decodeIon } from './ion.js';
import { refuseNonLineJson } from './json-lines-shape.js';
import { type KeyCheck, checkItem } from './item-checks.js';
import { type DecodeStats, type Decoded, type DecodedRaw, ObjectReadError } from './records.js';

export interface DecodeOptions {
  format: Format;
  /** `auto` detects it from the object's first bytes. */
  compression: Compression | 'auto';
  csv?: { delimiter: string; header?: readonly string[] };
  /** The table's and indexes' keys; items are checked against them. */
  keys: readonly KeyCheck[];
}

/** Batches of decoded and checked records, in source order. */
export function decodeObject(
  bytes: AsyncIterable<Uint8Array>,
  options: DecodeOptions,
  stats: DecodeStats,
): AsyncGenerator<Decoded[]> {
  return decodeRecords(bytes, options, stats, false) as AsyncGenerator<Decoded[]>;
}

/** The same, with DynamoDB JSON items kept as their checked bytes (other formats are decoded as ever). */
export function decodeObjectRaw(
  bytes: AsyncIterable<Uint8Array>,
  options: DecodeOptions,
  stats: DecodeStats,
): AsyncGenerator<(Decoded | DecodedRaw)[]> {
  return decodeRecords(bytes, options, stats, true);
}

async function* decodeRecords(
  bytes: AsyncIterable<Uint8Array>,
  options: DecodeOptions,
  stats: DecodeStats,
  raw: boolean,
): AsyncGenerator<(Decoded | DecodedRaw)[]> {
  let source = bytes;
  let compression = options.compression;
  if (compression === 'auto') ({ compression, chunks: source } = await peekCompression(bytes));
  // Data after the end of the compressed stream leaves the data before it whole:
  // the decoder reads it to the end (its last line included), then the error follows.
  const after: { error?: ObjectReadError } = {};
  const chunks = untilTrailingData(decompress(source, compression), after);
  const keyTypes = Object.fromEntries(options.keys.map((k) => [k.name, k.type]));
  const batches =
    options.format === 'CSV'
      ? decodeCsv(
          chunks,
          {
            delimiter: options.csv?.delimiter ?? ',',
            ...(options.csv?.header && { header: options.csv.header }),
            keyTypes,
          },
          stats,
        )
      : options.format === 'ION'
        ? decodeIon(chunks, stats)
        : raw
          ? decodeDynamoJsonRaw(refuseNonLineJson(chunks), options.keys, stats)
          : decodeDynamoJson(refuseNonLineJson(chunks), stats);
  let records = 0;
  try {
    for await (const batch of batches) {
      records += batch.length;
      yield checked(batch, options.keys, stats);
    }
  } catch (error) {
    if (!(error instanceof ObjectReadError)) throw error;
    yield [objectError(error, stats, records)];
    return;
  }
  if (after.error !== undefined) yield [objectError(after.error, stats, records)];
}

/** One error for the rest of the object, at the line where reading stopped; how many items that lost is unknown. */
function objectError(error: ObjectReadError, stats: DecodeStats, records: number): Decoded {
  stats.errors += 1;
  const message = `${error.message}; the ${stats.items} item(s) before this point were read`;
  return { error: { code: error.code, message, line: stats.lines + 1, itemIndex: records } };
}

async function* untilTrailingData(
  chunks: AsyncIterable<Uint8Array>,
  found: { error?: ObjectReadError },
): AsyncGenerator<Uint8Array> {
  try {
    yield* chunks;
  } catch (error) {
    if (!(error instanceof ObjectReadError) || error.code !== 'TRAILING_DATA') throw error;
    found.error = error;
  }
}

/** Each item checked against the keys and its size (raw items were, as they were read); a failing item becomes an error in its place. */
function checked<T extends Decoded | DecodedRaw>(batch: T[], keys: readonly KeyCheck[], stats: DecodeStats): T[] {
  for (let i = 0; i < batch.length; i++) {
    const record = batch[i] as Decoded | DecodedRaw;
    if ('raw' in record) {
      stats.items += 1;
      continue;
    }
    if ('error' in record) {
      stats.errors += 1;
      // Decoders cut what they quote; this bounds whatever else a message holds.
      if (record.error.message.length > MESSAGE_CHARS)
        record.error.message = excerpt(record.error.message, MESSAGE_CHARS);
      continue;
    }
    const problem = checkItem(record.item, keys, record.textLength);
    if (problem === undefined) {
      stats.items += 1;
    } else {
      stats.errors += 1;
      batch[i] = { error: { ...problem, line: record.line, itemIndex: record.itemIndex }, item: record.item } as T;
    }
  }
  return batch;
}
