// Incremental export records in Amazon Ion, as AWS's documentation shows
// them: `$ion_1_0 {Record:{Keys:{...},Metadata:{WriteTimestampMicros:
// 1684374845117899.},OldImage:{...},NewImage:{...}}}`, one per line. The
// images are read as ion.ts reads items (every digit kept, sets from their
// annotations, duplicate fields refused); a bad record is an error at its line.

import { type Decimal, type IonType, type Reader, makeReader } from 'ion-js';
import { AttributeValueError, type Item } from './attribute-value.js';
import { type DecodedChangeRecord, MICROS, NotAChange, checkedChange } from './change-records.js';
import { EXCERPT_CHARS, excerpt } from './excerpt.js';
import { decimalToString, readStruct } from './ion.js';
import { type IonText, splitIonValues } from './ion-values.js';
import { splitLines } from './lines.js';
import type { DecodeError, DecodeStats } from './records.js';

export async function* decodeIonChangeRecords(
  chunks: AsyncIterable<Uint8Array>,
  stats?: DecodeStats,
): AsyncGenerator<DecodedChangeRecord[]> {
  const counter = { next: 0 };
  for await (const values of splitIonValues(splitLines(chunks, stats))) {
    const batch: DecodedChangeRecord[] = [];
    for (const value of values) decodeValue(value, counter, batch);
    yield batch;
  }
}

function decodeValue(value: IonText, counter: { next: number }, batch: DecodedChangeRecord[]): void {
  const fail = (message: string, code: DecodeError['code'] = 'MALFORMED_ION'): void => {
    batch.push({ error: { code, message, line: value.line, itemIndex: counter.next++ } });
  };
  if (value.broken !== undefined) return fail(value.broken, value.code);
  let reader: Reader;
  try {
    reader = makeReader(value.text);
  } catch (error) {
    return fail(notIon(error));
  }
  for (;;) {
    let type: IonType | null;
    try {
      type = reader.next();
    } catch (error) {
      return fail(notIon(error));
    }
    if (type === null) return;
    const itemIndex = counter.next++;
    try {
      const change = readRecord(reader, type);
      batch.push({ change, line: value.line, itemIndex, textLength: value.text.length });
    } catch (error) {
      batch.push({ error: toDecodeError(error, value.line, itemIndex) });
      return; // the reader's position inside a bad value is unknown
    }
  }
}

const SHAPE =
  'expected an incremental export record {Record:{Keys:{...},Metadata:{...},NewImage:{...},OldImage:{...}}}';

/** `{Record:{...}}`: the wrapper, then the record's own fields, each at most once. */
function readRecord(reader: Reader, type: IonType): ReturnType<typeof checkedChange> {
  if (type.name !== 'struct' || reader.isNull())
    throw new NotAChange(`${SHAPE}, found ${reader.isNull() ? 'null' : type.name}`);
  reader.stepIn();
  let parts: Parts | undefined;
  const fields: string[] = [];
  try {
    for (let t = reader.next(); t !== null; t = reader.next()) {
      const name = reader.fieldName() ?? '';
      fields.push(name);
      if (name !== 'Record') continue;
      if (parts !== undefined) throw duplicate('Record');
      if (t.name !== 'struct' || reader.isNull())
        throw new NotAChange(`expected Record to be a struct, found ${t.name}`);
      parts = readParts(reader);
    }
  } finally {
    reader.stepOut();
  }
  if (parts === undefined)
    throw new NotAChange(`${SHAPE}, found a struct with ${excerpt(fields.join(', ')) || 'no fields'}`);
  if (parts.keys === undefined) throw new NotAChange(`${SHAPE}, found a Record with no Keys`);
  if (parts.timestamp === undefined)
    throw new NotAChange('expected Metadata to be a struct holding WriteTimestampMicros, found none');
  return checkedChange(parts.keys, parts.newImage, parts.oldImage, parts.timestamp);
}

interface Parts {
  keys?: Item;
  newImage?: Item;
  oldImage?: Item;
  timestamp?: string;
}

function readParts(reader: Reader): Parts {
  const parts: Parts = {};
  const seen = new Set<string>();
  reader.stepIn();
  for (let t = reader.next(); t !== null; t = reader.next()) {
    const name = reader.fieldName() ?? '';
    if (seen.has(name)) throw duplicate(name);
    seen.add(name);
    if (name === 'Metadata') parts.timestamp = readTimestamp(reader, t);
    else if (name === 'Keys') parts.keys = readImage(reader, t, name) ?? {};
    else if (name === 'NewImage' || name === 'OldImage') {
      const image = readImage(reader, t, name);
      if (image !== undefined) parts[name === 'NewImage' ? 'newImage' : 'oldImage'] = image;
    }
  }
  reader.stepOut();
  return parts;
}

/** A struct of attributes, or undefined for null (a delete writes no NewImage). */
function readImage(reader: Reader, type: IonType, name: string): Item | undefined {
  if (reader.isNull()) return undefined;
  if (type.name !== 'struct') throw new NotAChange(`expected ${name} to be a struct of attributes, found ${type.name}`);
  try {
    return readStruct(reader, 0);
  } catch (error) {
    throw error instanceof AttributeValueError ? error.within(name) : error;
  }
}

/** `WriteTimestampMicros: 1684374845117899.` (a decimal, as AWS writes it), an int, or a string of digits. */
function readTimestamp(reader: Reader, type: IonType): string {
  if (type.name !== 'struct' || reader.isNull())
    throw new NotAChange(`expected Metadata to be a struct holding WriteTimestampMicros, found ${type.name}`);
  let text: string | undefined;
  reader.stepIn();
  for (let t = reader.next(); t !== null; t = reader.next()) {
    if (reader.fieldName() !== 'WriteTimestampMicros' || reader.isNull()) continue;
    if (t.name === 'int') text = (reader.bigIntValue() ?? 0n).toString();
    else if (t.name === 'decimal') text = decimalToString(reader.decimalValue() as Decimal);
    else if (t.name === 'string') text = reader.stringValue() ?? '';
    else text = t.name;
  }
  reader.stepOut();
  if (text === undefined || !MICROS.test(text))
    throw new NotAChange(
      `expected Metadata.WriteTimestampMicros to be microseconds since the epoch (1684374845117899.), found ${text === undefined ? 'none' : excerpt(text, 40)}`,
    );
  return text;
}

function duplicate(name: string): AttributeValueError {
  return new AttributeValueError(
    'DUPLICATE_ATTRIBUTE',
    `the field "${excerpt(name)}" appears more than once in the same struct`,
  );
}

function notIon(error: unknown): string {
  return `not valid Ion: ${excerpt((error as Error).message, 2 * EXCERPT_CHARS)}`;
}

function toDecodeError(error: unknown, line: number, itemIndex: number): DecodeError {
  if (error instanceof AttributeValueError || error instanceof NotAChange)
    return { code: error.code, message: error.message, line, itemIndex };
  return { code: 'MALFORMED_ION', message: notIon(error), line, itemIndex };
}
