// DynamoDB JSON that JSON.parse would read into something else, or that
// would crash or flood the run: duplicate names, nesting past DynamoDB's
// limit, numbers whose exponent would be written out, content echoed back.

import { describe, expect, it } from 'vitest';
import { MAX_NESTING } from '../../src/formats/attribute-value.js';
import { MESSAGE_CHARS } from '../../src/formats/excerpt.js';
import { decode } from './helpers.js';
import { nestedJsonLine } from './hostile-inputs.js';

const line = (item: string): string => `{"Item":${item}}`;

describe('duplicate names in a line', () => {
  it.each([
    ['an attribute of the item', '{"id":{"S":"a"},"n":{"N":"1"},"id":{"S":"b"}}', 'id'],
    [
      'an attribute of a nested map',
      '{"id":{"S":"a"},"m":{"M":{"x":{"S":"1"},"y":{"M":{"z":{"N":"1"},"z":{"N":"2"}}}}}}',
      'z',
    ],
    ['a type tag', '{"id":{"S":"a","S":"b"}}', 'S'],
    ['a map inside a list', '{"id":{"S":"a"},"l":{"L":[{"M":{"k":{"S":"1"},"k":{"S":"1"}}}]}}', 'k'],
    ['a name spelled with escapes', '{"id":{"S":"a"},"\\u0069d":{"S":"b"}}', 'id'],
    ['names with spaces around the colon', '{"a" : {"S":"x"}, "b" :{"S":"y"}, "a": {"S":"z"}}', 'a'],
    ['a name with colons and quotes in it', '{"id":{"S":"a"},"x\\":y":{"S":"1"},"x\\":y":{"S":"2"}}', 'x":y'],
  ])('is an error in %s', async (_where, item, name) => {
    const { items, errors } = await decode(
      `${line('{"id":{"S":"ok"}}')}\n${line(item)}\n${line('{"id":{"S":"ok2"}}')}`,
    );
    expect(items.map((i) => i.item.id?.S)).toEqual(['ok', 'ok2']);
    expect(errors).toEqual([
      {
        code: 'DUPLICATE_ATTRIBUTE',
        message: `the name "${name}" appears more than once in the same object; JSON would keep only the last`,
        line: 2,
        itemIndex: 1,
      },
    ]);
  });

  it('is an error for the Item itself', async () => {
    const { errors } = await decode('{"Item":{"id":{"S":"a"}},"Item":{"id":{"S":"b"}}}');
    expect(errors.map((e) => [e.code, e.message])).toEqual([
      [
        'DUPLICATE_ATTRIBUTE',
        'the name "Item" appears more than once in the same object; JSON would keep only the last',
      ],
    ]);
  });

  it.each([
    ['colons in values', '{"id":{"S":"12:30:00"},"url":{"S":"http://x:80/a"},"sym":{"SS":[":",": ","\\":"]}}'],
    ['escaped quotes before colons', '{"id":{"S":"a\\": b"},"j":{"S":"{\\"k\\":1,\\"k\\":2}"}}'],
    ['spaces and tabs', ' { "id" :\t{ "S" : "a" } , "m" : { "M" : { "id" : { "N" : "1" } } } } '],
    ['escapes in names and values', '{"\\u0069d":{"S":"\\u00e9\\n\\t\\\\"},"i\\u0064x":{"S":"\\ud83c\\udfb8"}}'],
    ['the same name in different maps', '{"id":{"S":"a"},"m":{"M":{"id":{"S":"b"},"n":{"M":{"id":{"S":"c"}}}}}}'],
    ['empty maps, lists and sets members', '{"id":{"S":"a"},"m":{"M":{}},"l":{"L":[]},"s":{"SS":["",":"]}}'],
  ])('is not found where there is none: %s', async (_what, item) => {
    const { items, errors } = await decode(line(item));
    expect(errors).toEqual([]);
    expect(items).toHaveLength(1);
  });

  it('is not found in other members of the line than Item', async () => {
    const { items, errors } = await decode('{"Item":{"id":{"S":"a"}},"meta":{"k":1,"l":[{"k":2}]}}');
    expect([items.length, errors]).toEqual([1, []]);
    const twice = await decode('{"Item":{"id":{"S":"a"}},"meta":{"k":1,"k":2}}');
    expect(twice.errors.map((e) => e.code)).toEqual(['DUPLICATE_ATTRIBUTE']);
  });
});

describe('nesting', () => {
  it(`accepts maps and lists nested up to DynamoDB's ${MAX_NESTING} levels`, async () => {
    const { items, errors } = await decode(
      `${nestedJsonLine(MAX_NESTING, 'M', 'm')}\n${nestedJsonLine(MAX_NESTING, 'L', 'l')}`,
    );
    expect(errors).toEqual([]);
    expect(items.map((i) => i.item.id?.S)).toEqual(['m', 'l']);
  });

  it.each(['M', 'L'] as const)('refuses %s one level deeper, as DynamoDB does', async (kind) => {
    const { errors } = await decode(nestedJsonLine(MAX_NESTING + 1, kind));
    expect(errors.map((e) => e.code)).toEqual(['TOO_DEEPLY_NESTED']);
  });

  it('refuses an empty map at level 32 too (DynamoDB Local does), and accepts a set there', async () => {
    const wrap = (inner: string): string =>
      line(`{"id":{"S":"x"},"d":${'{"M":{"a":'.repeat(31)}${inner}${'}}'.repeat(31)}}`);
    expect((await decode(wrap('{"M":{}}'))).errors.map((e) => e.code)).toEqual(['TOO_DEEPLY_NESTED']);
    expect((await decode(wrap('{"SS":["a"]}'))).errors).toEqual([]);
  });

  it('reports a line nested 10,000 levels deep at its line, briefly, and goes on', async () => {
    const text = [
      line('{"id":{"S":"1"}}'),
      nestedJsonLine(10_000, 'M'),
      nestedJsonLine(10_000, 'L'),
      line('{"id":{"S":"4"}}'),
    ];
    const { items, errors } = await decode(text.join('\n'));
    expect(items.map((i) => i.item.id?.S)).toEqual(['1', '4']);
    expect(errors.map((e) => [e.code, e.line])).toEqual([
      ['TOO_DEEPLY_NESTED', 2],
      ['TOO_DEEPLY_NESTED', 3],
    ]);
    expect(errors[0]?.message).toMatch(/^deep\.a\.a\.a.*: maps and lists are nested more than 32 levels deep/);
    expect(errors[0]?.message.length).toBeLessThan(MESSAGE_CHARS);
  });

  it('does not crash on a line that is only brackets', async () => {
    const { errors } = await decode(
      `${'['.repeat(100_000)}${']'.repeat(100_000)}\n${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`,
    );
    expect(errors.map((e) => e.code)).toEqual(['NOT_AN_ITEM', 'NOT_AN_ITEM']);
  });
});

describe('content echoed into messages', () => {
  it('refuses a 3 MB exponent without writing it out, and quotes 100 characters of it', async () => {
    const number = `1e${'9'.repeat(3_000_000)}`;
    const { errors } = await decode(line(`{"id":{"S":"x"},"n":{"N":"${number}"}}`));
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'INVALID_NUMBER',
        message: `n: "${number.slice(0, 100)}…" is not a valid DynamoDB number (larger than 9.9999999999999999999999999999999999999E+125)`,
      }),
    ]);
  });

  it('makes a line with a 10 MB exponent too long to read', async () => {
    const { errors } = await decode(line(`{"n":{"N":"1e${'9'.repeat(10_000_000)}"}}`));
    expect(errors.map((e) => e.code)).toEqual(['ITEM_TOO_LARGE']);
  });

  it.each([
    ['a long attribute name', `{"${'n'.repeat(100_000)}":{"N":"x"}}`],
    ['a long type tag', `{"a":{"${'T'.repeat(100_000)}":"x"}}`],
    ['a long bad number', `{"a":{"N":"${'1'.repeat(100_000)}x"}}`],
    ['a long bad binary', `{"a":{"B":"${'%'.repeat(100_000)}"}}`],
    ['a long path', `{"${'a'.repeat(1000)}":${'{"M":{"b":'.repeat(20)}{"N":"x"}${'}}'.repeat(20)}}`],
  ])('caps %s', async (_what, item) => {
    const { errors } = await decode(line(item));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message.length).toBeLessThan(MESSAGE_CHARS / 2);
    expect(errors[0]?.message).toContain('…');
  });

  it('caps what a line that is not an item holds', async () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => `"key${i}":1`).join(',');
    const { errors } = await decode(`{${keys}}\n"${'s'.repeat(100_000)}"\n${'['.repeat(10_000)}`);
    expect(errors.map((e) => e.code)).toEqual(['NOT_AN_ITEM', 'NOT_AN_ITEM', 'MALFORMED_JSON']);
    expect(errors[1]?.message).toBe('expected {"Item": {...}} on each line, found a string');
    for (const error of errors) expect(error.message.length).toBeLessThan(MESSAGE_CHARS / 2);
  });
});

describe('an attribute named __proto__', () => {
  it('is kept as an attribute, binary included', async () => {
    const { items } = await decode(line('{"id":{"S":"a"},"__proto__":{"B":"AAE="}}'));
    const item = items[0]?.item ?? {};
    expect(Object.keys(item)).toEqual(['id', '__proto__']);
    expect(Array.from(Object.getOwnPropertyDescriptor(item, '__proto__')?.value.B ?? [])).toEqual([0, 1]);
  });
});
