// DynamoDB JSON as people first write fixtures: a JSON array of items, or an
// item pretty-printed over several lines. One error for the object, saying
// what to write instead, rather than "not valid JSON" on every line.

import { describe, expect, it } from 'vitest';
import { decode } from './helpers.js';

const json = (text: string, chunkSize?: number) =>
  decode(text, { format: 'DYNAMODB_JSON', keys: [{ name: 'id', type: 'S' }] }, chunkSize);

describe('DynamoDB JSON that is not one item a line', () => {
  it('a JSON array of items is one NOT_JSON_LINES error at line 1, naming the line format', async () => {
    const { items, errors } = await json('[\n  {"Item": {"id": {"S": "a"}}},\n  {"Item": {"id": {"S": "b"}}}\n]\n');
    expect(items).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'NOT_JSON_LINES', line: 1 });
    expect(errors[0]?.message).toContain(
      'the object is a JSON array (its first line starts with [ and the array goes on past it)',
    );
    expect(errors[0]?.message).toContain('DynamoDB JSON is one item a line, such as {"Item": {"id": {"S": "a1"}');
  });

  it('an array whose first item shares its line, after blank lines and a byte order mark, read a byte at a time, is the same', async () => {
    const { errors } = await json('\uFEFF\n\n[{"Item": {"id": {"S": "a"}}},\n{"Item": {"id": {"S": "b"}}}]', 1);
    expect(errors.map((e) => e.code)).toEqual(['NOT_JSON_LINES']);
  });

  it('a whole array on one line is one bad line among others, as before', async () => {
    const { items, errors } = await json('[{"Item": {"id": {"S": "a"}}}]\n{"Item": {"id": {"S": "b"}}}\n');
    expect(errors.map((e) => [e.code, e.line])).toEqual([['NOT_AN_ITEM', 1]]);
    expect(items).toHaveLength(1);
  });

  it('an item pretty-printed over several lines is NOT_JSON_LINES, naming its first line', async () => {
    const { errors } = await json('{\n  "Item": {\n    "id": {"S": "a"}\n  }\n}\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('an item spans several lines (the first line is "{")');
  });

  it('lines of items, and a first line that is an item, are read as ever', async () => {
    const { items, errors } = await json('{"Item": {"id": {"S": "a"}}}\n{"Item": {"id": {"S": "b"}}}\n');
    expect(errors).toEqual([]);
    expect(items).toHaveLength(2);
  });
});
