// DynamoDB JSON lines read as bytes for the pass-through import: each line
// the byte check accepts comes out as its item's bytes, checked; any other
// line goes to the full decoder, so an error has the code, message and
// location it always had, and a line only the full decoder can read (an
// escaped name, members beside Item) still comes out as an item.

import { decodeLine, isBlank } from './ddb-json.js';
import { checkItemLine } from './dynamodb-json-check.js';
import type { KeyCheck } from './item-checks.js';
import { splitLines } from './lines.js';
import type { DecodeStats, Decoded, DecodedRaw } from './records.js';

export async function* decodeDynamoJsonRaw(
  chunks: AsyncIterable<Uint8Array>,
  keys: readonly KeyCheck[],
  stats?: DecodeStats,
): AsyncGenerator<(Decoded | DecodedRaw)[]> {
  let itemIndex = 0;
  for await (const lines of splitLines(chunks, stats, undefined, true)) {
    const batch: (Decoded | DecodedRaw)[] = [];
    for (const line of lines) {
      const bytes = line.bytes;
      if (line.error !== undefined || bytes === undefined) {
        batch.push(decodeLine(line, itemIndex++));
        continue;
      }
      const raw = checkItemLine(bytes, keys);
      if (raw !== undefined) {
        batch.push({ raw, line: line.number, itemIndex: itemIndex++ });
        continue;
      }
      const text = bytes.toString('utf8');
      if (!isBlank(text)) batch.push(decodeLine({ text, number: line.number }, itemIndex++));
    }
    yield batch;
  }
}
