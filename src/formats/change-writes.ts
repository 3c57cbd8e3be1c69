// One data file of an incremental export to the writes it makes on a table:
// decompress, read each change record, and turn it into a put or a delete
// checked against the table's keys. Applying: NewImage is put, no NewImage
// deletes Keys. Reverting: OldImage is put back, no OldImage (the item was
// created in the window) deletes Keys. A record written outside its export's
// window is refused (OUTSIDE_WINDOW): its timestamp could otherwise win over
// the true record of its key (src/direct/change-order.ts). A damaged stream
// ends with one located error after the records read before it, as decode.ts
// does for items.

import type { ChangeDirection, Compression } from '../plan.js';
import type { Item } from './attribute-value.js';
import { decodeChangeRecords, type DecodedChange } from './change-records.js';
import { decodeIonChangeRecords } from './change-records-ion.js';
import { decompress, peekCompression } from './compression.js';
import { type KeyCheck, checkItem } from './item-checks.js';
import { type DecodeFailure, type DecodeStats, ObjectReadError } from './records.js';

export type { ChangeDirection };

export interface ChangeWrite {
  kind: 'put' | 'delete';
  /** The image put, or the key deleted. */
  item: Item;
  line: number;
  itemIndex: number;
  /** The record's Metadata.WriteTimestampMicros, as digits. */
  micros: string;
}

export type DecodedWrite = ChangeWrite | DecodeFailure;

export interface ChangeOptions {
  /** The export's outputFormat; DynamoDB JSON when not given. */
  format?: 'DYNAMODB_JSON' | 'ION';
  compression: Compression | 'auto';
  /** The table's and its indexes' keys. */
  keys: readonly KeyCheck[];
  direction: ChangeDirection;
  /** The export's window: from inclusive, to exclusive. A record written outside it is refused. */
  window?: { from: Date; to: Date };
}

export async function* decodeChangeWrites(
  bytes: AsyncIterable<Uint8Array>,
  options: ChangeOptions,
  stats: DecodeStats,
): AsyncGenerator<DecodedWrite[]> {
  let source = bytes;
  let compression = options.compression;
  if (compression === 'auto') ({ compression, chunks: source } = await peekCompression(bytes));
  const after: { error?: ObjectReadError } = {};
  let records = 0;
  try {
    const chunks = untilTrailingData(decompress(source, compression), after);
    const decoded =
      options.format === 'ION' ? decodeIonChangeRecords(chunks, stats) : decodeChangeRecords(chunks, stats);
    for await (const batch of decoded) {
      records += batch.length;
      yield batch.map((record) => {
        const write = 'error' in record ? record : writeOf(record, options);
        if ('error' in write) stats.errors += 1;
        else stats.items += 1;
        return write;
      });
    }
  } catch (error) {
    if (!(error instanceof ObjectReadError)) throw error;
    yield [objectError(error, stats, records)];
    return;
  }
  if (after.error !== undefined) yield [objectError(after.error, stats, records)];
}

/** The write one record makes, checked: the key against the table's, the image put as DynamoDB would check it. */
export function writeOf(
  record: DecodedChange,
  options: Pick<ChangeOptions, 'keys' | 'direction' | 'window'>,
): DecodedWrite {
  const { change, line, itemIndex } = record;
  const fail = (code: DecodeFailure['error']['code'], message: string, item: Item): DecodeFailure => ({
    error: { code, message, line, itemIndex },
    item,
  });
  const primary = options.keys.filter((k) => k.index === undefined);
  const keyProblem = checkItem(change.keys, primary, 0);
  if (keyProblem !== undefined) return fail(keyProblem.code, `Keys: ${keyProblem.message}`, change.keys);
  const extra =
    primary.length === 0 ? undefined : Object.keys(change.keys).find((n) => !primary.some((k) => k.name === n));
  if (extra !== undefined)
    return fail(
      'KEY_SCHEMA_MISMATCH',
      `Keys holds ${JSON.stringify(extra.slice(0, 100))}, which is not a key attribute of the table (${primary.map((k) => k.name).join(', ')}): the export is of a table with another key schema`,
      change.keys,
    );
  const micros = change.writeTimestampMicros;
  const outside = options.window === undefined ? undefined : outsideWindow(micros, options.window);
  if (outside !== undefined) return fail('OUTSIDE_WINDOW', outside, change.keys);
  const image = options.direction === 'apply' ? change.newImage : change.oldImage;
  if (image === undefined) return { kind: 'delete', item: change.keys, line, itemIndex, micros };
  const problem = checkItem(image, options.keys, record.textLength);
  if (problem !== undefined)
    return fail(problem.code, `${options.direction === 'apply' ? 'NewImage' : 'OldImage'}: ${problem.message}`, image);
  return { kind: 'put', item: image, line, itemIndex, micros };
}

/** Why a timestamp lies outside the window, or undefined when it lies inside. */
function outsideWindow(micros: string, window: { from: Date; to: Date }): string | undefined {
  const time = BigInt(micros);
  const [from, to] = [window.from, window.to].map((d) => BigInt(d.getTime()) * 1000n) as [bigint, bigint];
  if (time >= from && time < to) return undefined;
  const ms = time / 1000n;
  const shown = ms <= 8_640_000_000_000_000n ? ` (${new Date(Number(ms)).toISOString()})` : '';
  return `Metadata.WriteTimestampMicros ${micros}${shown} is outside the export's window, ${window.from.toISOString()} to ${window.to.toISOString()}: an incremental export holds only writes made in its window, so this record is not one of them`;
}

function objectError(error: ObjectReadError, stats: DecodeStats, records: number): DecodeFailure {
  stats.errors += 1;
  const message = `${error.message}; the ${stats.items} record(s) before this point were read`;
  return { error: { code: error.code, message, line: stats.lines + 1, itemIndex: records } };
}

/** Data after the end of the compressed stream: the records before it are whole, then one error follows. */
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
