// CSV as AWS imports it: a header from the first line or given, one of
// `, ; : | \t` or space as delimiter, `""` escaping a quote, empty columns
// omitted, key columns typed from the key schema and every other column a
// string. A bad row (one that is not UTF-8 included) is an error for that
// row; the rows after it still decode. A header that names a column twice,
// or is not UTF-8, leaves no row readable: one error for the object.

import type { ScalarAttributeType } from '@aws-sdk/client-dynamodb';
import { Readable } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';
import {
  AttributeValueError,
  type Item,
  checkName,
  checkNumber,
  decodeBase64,
  setAttribute,
} from './attribute-value.js';
import { EXCERPT_CHARS, excerpt } from './excerpt.js';
import { type DecodeStats, type Decoded, ObjectReadError } from './records.js';
import { Utf8LineCheck } from './utf8-lines.js';

export interface CsvOptions {
  delimiter: string;
  /** Column names; when absent the first line is the header. */
  header?: readonly string[];
  /** Types of the table's and indexes' key attributes; other columns are strings. */
  keyTypes?: Readonly<Record<string, ScalarAttributeType>>;
}

export async function* decodeCsv(
  chunks: AsyncIterable<Uint8Array>,
  options: CsvOptions,
  stats?: DecodeStats,
): AsyncGenerator<Decoded[]> {
  let batch: Decoded[] = [];
  try {
    for await (const decoded of decodeCsvRecords(chunks, options, stats)) {
      batch.push(decoded);
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    // A truncated or corrupt object: the rows read before it still count.
    if (batch.length > 0) yield batch;
    throw error;
  }
  if (batch.length > 0) yield batch;
}

/** Batches of this many records: csv-parse hands records over one at a time. */
const BATCH = 512;

async function* decodeCsvRecords(
  chunks: AsyncIterable<Uint8Array>,
  options: CsvOptions,
  stats?: DecodeStats,
): AsyncGenerator<Decoded> {
  // The parser runs ahead of the records read so far: bad rows are queued by
  // line and numbered as they are reported, in line order with the good ones.
  const skipped: { message: string; line: number }[] = [];
  let itemIndex = 0;
  const utf8 = new Utf8LineCheck();
  let badLine = 0; // the next of utf8.bad to consider
  /** Whether a line up to `line` that no earlier record took is not UTF-8 (rows end at their last line). */
  const notUtf8 = (line: number): boolean => {
    let found = false;
    while (badLine < utf8.bad.length && (utf8.bad[badLine] as number) <= line) {
      found = true;
      badLine += 1;
    }
    return found;
  };
  function* drain(beforeLine = Infinity): Generator<Decoded> {
    while (skipped.length > 0 && (skipped[0]?.line ?? 0) < beforeLine) {
      const { message, line } = skipped.shift() as { message: string; line: number };
      notUtf8(line);
      yield { error: { code: 'MALFORMED_CSV', message, line, itemIndex: itemIndex++ } };
    }
  }
  const parser = parse({
    delimiter: options.delimiter,
    bom: true,
    info: true,
    skip_empty_lines: true,
    relax_column_count: true, // counted here, so the message can name both counts
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      const line = Number(error?.lines ?? 0);
      // One bad row can raise several errors; report it once.
      if (error !== undefined && skipped.at(-1)?.line !== line) skipped.push({ message: csvMessage(error), line });
      return undefined;
    },
  });
  let header = options.header;
  if (header !== undefined) checkHeader(header);
  const source = Readable.from(counted(chunks, utf8, stats), { objectMode: false });
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);

  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield* drain(info.lines);
      if (header === undefined) {
        if (notUtf8(info.lines))
          throw new ObjectReadError('INVALID_UTF8', 'the header line is not valid UTF-8, so no row can be read');
        header = checkDelimiter(
          checkHeader(record.map((name) => name.trim())),
          options.delimiter,
          options.keyTypes ?? {},
        );
        if (stats) stats.lines = info.lines;
        continue;
      }
      if (stats) stats.lines = info.lines; // where a truncated object is reported
      const index = itemIndex++;
      if (notUtf8(info.lines)) {
        yield {
          error: { code: 'INVALID_UTF8', message: 'the row is not valid UTF-8', line: info.lines, itemIndex: index },
        };
        continue;
      }
      if (record.length !== header.length) {
        yield {
          error: {
            code: 'CSV_COLUMN_COUNT',
            message: `the row has ${record.length} columns but the header has ${header.length}`,
            line: info.lines,
            itemIndex: index,
          },
        };
        continue;
      }
      try {
        const textLength = record.reduce((sum, field) => sum + field.length, header.length);
        yield { item: toItem(header, record, options.keyTypes ?? {}), line: info.lines, itemIndex: index, textLength };
      } catch (error) {
        if (!(error instanceof AttributeValueError)) throw error;
        yield {
          error: { code: error.code, message: error.message, line: info.lines, itemIndex: index },
          text: csvRow(record, options.delimiter),
        };
      }
    }
  } catch (error) {
    yield* drain();
    if (!isCsvError(error)) throw error;
    yield {
      error: {
        code: 'MALFORMED_CSV',
        message: csvMessage(error),
        line: Number(error.lines ?? 0) || parser.info.lines,
        itemIndex: itemIndex++,
      },
    };
  } finally {
    source.destroy();
  }
  yield* drain();
  if (stats) stats.lines = parser.info.lines;
}

/** The delimiters AWS's CSV import takes but space, which column names often hold. */
const OTHER_DELIMITERS = [',', ';', ':', '|', '\t'];

/**
 * A header line read as one column that holds another delimiter: the file's
 * delimiter is not csv-delimiter, and every row would be "missing" its key.
 * A one-column file of the key itself is left alone.
 */
function checkDelimiter(
  header: readonly string[],
  delimiter: string,
  keyTypes: Readonly<Record<string, unknown>>,
): readonly string[] {
  const only = header.length === 1 ? (header[0] as string) : undefined;
  if (only === undefined || keyTypes[only] !== undefined) return header;
  const seen = OTHER_DELIMITERS.filter((d) => d !== delimiter && only.includes(d)).sort(
    (a, b) => only.split(b).length - only.split(a).length,
  );
  const likely = seen[0];
  if (likely === undefined) return header;
  throw new ObjectReadError(
    'WRONG_CSV_DELIMITER',
    `the header line is one column, "${excerpt(only)}", which holds ${JSON.stringify(likely)} but not csv-delimiter ${JSON.stringify(delimiter)}, so no row can be read: set csv-delimiter: ${JSON.stringify(likely)}`,
  );
}

/** A header that names a column twice would put two columns in one attribute. */
function checkHeader(header: readonly string[]): readonly string[] {
  const seen = new Map<string, number>();
  header.forEach((name, column) => {
    const first = seen.get(name);
    if (first !== undefined)
      throw new ObjectReadError(
        'DUPLICATE_ATTRIBUTE',
        `the header names the column "${excerpt(name)}" twice (columns ${first + 1} and ${column + 1}), so no row can be read`,
      );
    seen.set(name, column);
  });
  return header;
}

function toItem(
  header: readonly string[],
  record: string[],
  keyTypes: Readonly<Record<string, ScalarAttributeType>>,
): Item {
  const item: Item = {};
  for (let i = 0; i < header.length; i++) {
    const value = record[i] as string;
    if (value === '') continue; // empty columns are omitted, as AWS does
    const name = header[i] as string;
    checkName(name); // a value under a column without a name
    try {
      switch (keyTypes[name]) {
        case 'N':
          setAttribute(item, name, { N: checkNumber(value) });
          break;
        case 'B':
          setAttribute(item, name, { B: decodeBase64(value) });
          break;
        default:
          setAttribute(item, name, { S: value });
      }
    } catch (error) {
      throw error instanceof AttributeValueError ? error.within(name) : error;
    }
  }
  return item;
}

/** A row's fields as a CSV line again, quoted where they must be: the text a refused row is kept as. */
function csvRow(fields: readonly string[], delimiter: string): string {
  const quoted = (field: string) =>
    field.includes('"') || field.includes(delimiter) || /[\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
  return fields.map(quoted).join(delimiter);
}

/** The bytes as they are, counted and checked for UTF-8 before the parser sees them. */
async function* counted(
  chunks: AsyncIterable<Uint8Array>,
  utf8: Utf8LineCheck,
  stats?: DecodeStats,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    if (stats) stats.bytes += chunk.byteLength;
    utf8.push(chunk);
    yield chunk;
  }
  utf8.end();
}

function isCsvError(error: unknown): error is CsvError {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('CSV_') || code === 'INVALID_OPENING_QUOTE');
}

/** csv-parse's message without its option dump, in words about the row. */
function csvMessage(error: CsvError): string {
  switch (error.code) {
    case 'INVALID_OPENING_QUOTE':
      return 'a quote inside an unquoted field must be escaped: quote the whole field and double the quote ("")';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quote inside a quoted field must be doubled ("")';
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed';
    default:
      return excerpt(error.message.replace(/^Invalid Record Length: /, ''), 2 * EXCERPT_CHARS);
  }
}
