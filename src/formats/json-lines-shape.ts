// DynamoDB JSON is one item a line. The fixtures people write first are a
// JSON array of items or an item pretty-printed over several lines; read as
// lines, every one of them is "not valid JSON". Seen in the object's first
// line, either is one error for the object that says what to write instead.

import { ObjectReadError } from './records.js';

/** How far the first line is looked for; a longer first line is an item's, not a `[` or a `{` alone. */
const PEEK_BYTES = 64 * 1024;

export async function* refuseNonLineJson(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const held: Uint8Array[] = [];
  let bytes = 0;
  let first: string | undefined;
  let ended = false;
  // A refusal, or a consumer that stops early, lets go of the source (an S3 body, a decompressor) too.
  let finished = false;
  try {
    while (first === undefined && !ended && bytes < PEEK_BYTES) {
      const next = await iterator.next();
      ended = next.done === true;
      const chunk = next.value as Uint8Array | undefined;
      if (chunk !== undefined) {
        held.push(chunk);
        bytes += chunk.length;
      }
      // Only a line break (or the end, after which the last line is whole) can complete the first line.
      if (ended || chunk?.includes(0x0a) === true)
        first = firstLine(`${Buffer.concat(held).toString('utf8')}${ended ? '\n' : ''}`);
    }
    if (first !== undefined) refuse(first);
    yield* held;
    if (!ended) yield* { [Symbol.asyncIterator]: () => iterator };
    finished = true;
  } finally {
    if (!finished && !ended) await iterator.return?.();
  }
}

/** The first line that holds more than white space, once its end is in `text`. */
function firstLine(text: string): string | undefined {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  lines.pop(); // not known to be whole yet
  return lines.map((line) => line.trim()).find((line) => line !== '');
}

function refuse(line: string): void {
  const write =
    'DynamoDB JSON is one item a line, such as {"Item": {"id": {"S": "a1"}, "n": {"N": "5"}}}, with no [ ], commas or line breaks between items (jq -c ".[]" turns an array into lines)';
  // A line that is a whole array on its own is one bad line among others, reported as such.
  if (line.startsWith('[') && !line.endsWith(']'))
    throw new ObjectReadError(
      'NOT_JSON_LINES',
      `the object is a JSON array (its first line starts with [ and the array goes on past it): ${write}`,
    );
  if (line === '{' || line === '{"Item": {' || line === '{"Item":{')
    throw new ObjectReadError(
      'NOT_JSON_LINES',
      `an item spans several lines (the first line is ${JSON.stringify(line)}): ${write}`,
    );
}
