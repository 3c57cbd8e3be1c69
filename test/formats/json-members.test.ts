import { describe, expect, it } from 'vitest';
import { JsonCutError, cutArrayMember } from '../../src/formats/json-members.js';

function cut(json: string): { elements: string[]; rest: unknown } {
  const { elements, rest } = cutArrayMember(Buffer.from(json), 'Items');
  return { elements: elements.map((e) => e.toString()), rest: JSON.parse(rest.toString()) };
}

describe('cutArrayMember', () => {
  it('gives each element as sent and the other members as an object of their own', () => {
    const page = {
      Count: 3,
      Items: [
        { pk: { S: 'a "quoted" }] string \\ with a backslash' } },
        { l: { L: [{ M: { x: { N: '-1.5e3' } } }, { NULL: true }, { BOOL: false }] } },
        { u: { S: 'Ünïcödé ✓ 😀' } },
      ],
      LastEvaluatedKey: { pk: { S: 'a' } },
      ScannedCount: 4,
    };
    const { elements, rest } = cut(JSON.stringify(page));
    expect(elements).toEqual(page.Items.map((item) => JSON.stringify(item)));
    expect(rest).toEqual({ Count: 3, LastEvaluatedKey: { pk: { S: 'a' } }, ScannedCount: 4 });
  });

  it('reads JSON laid out with spaces and newlines, the array anywhere in the object', () => {
    const json = '{ "ScannedCount" : 2 ,\n "Items" : [ {"a":{"S":"x"}} ,\r\n\t{ "b" : { "N" : "1" } } ] ,"Count":2 }';
    expect(cut(json)).toEqual({
      elements: ['{"a":{"S":"x"}}', '{ "b" : { "N" : "1" } }'],
      rest: { ScannedCount: 2, Count: 2 },
    });
  });

  it('handles an empty array, a missing array and escaped quotes before a closing brace', () => {
    expect(cut('{"Count":0,"Items":[],"ScannedCount":7}')).toEqual({
      elements: [],
      rest: { Count: 0, ScannedCount: 7 },
    });
    expect(cut('{"Count":0}')).toEqual({ elements: [], rest: { Count: 0 } });
    expect(cut('{"Items":[{"s":{"S":"\\\\"}},{"s":{"S":"\\"}"}}]}').elements).toEqual([
      '{"s":{"S":"\\\\"}}',
      '{"s":{"S":"\\"}"}}',
    ]);
  });

  it.each([
    ['', 'expected an object at byte 0'],
    ['{"Items":[{"a":1}', 'unterminated object or array at byte 9'],
    ['{"Items":[{"a":"x}]}', 'unterminated string at byte 15'],
    ['{"Items":{}}', 'expected "Items" to be an array at byte 9'],
    ['{"Count":1 "Items":[]}', 'expected "," or "}" at byte 11'],
  ])('fails on %j: %s', (json, message) => {
    const attempt = () => cutArrayMember(Buffer.from(json), 'Items');
    expect(attempt).toThrow(JsonCutError);
    expect(attempt).toThrow(message);
  });
});
