// Ion that ion-js reads into something DynamoDB would not take, or that would
// crash or flood the run: exponents written out, nesting past DynamoDB's
// limit, duplicate fields, set annotations on the wrong values.

import { describe, expect, it } from 'vitest';
import { MAX_NESTING } from '../../src/formats/attribute-value.js';
import { MESSAGE_CHARS } from '../../src/formats/excerpt.js';
import { decode } from './helpers.js';
import { nestedIonLine } from './hostile-inputs.js';

const ion = (text: string | Buffer, chunkSize?: number) => decode(text, { format: 'ION' }, chunkSize);
const item = (fields: string): string => `$ion_1_0 {Item:{id:"x", ${fields}}}`;

describe('Ion numbers', () => {
  it.each([
    ['1d400000000', 'larger than 9.9999999999999999999999999999999999999E+125'],
    ['-7d400000000', 'larger than 9.9999999999999999999999999999999999999E+125'],
    ['1d-400000000', 'smaller than 1E-130'],
    ['1d126', 'larger than 9.9999999999999999999999999999999999999E+125'],
    ['1d-131', 'smaller than 1E-130'],
    ['12345678901234567890123456789012345678.9', 'more than 38 significant digits'],
  ])('refuses the decimal %s without writing it out', async (decimal, why) => {
    const { items, errors } = await ion(item(`n:${decimal}`));
    expect(items).toEqual([]);
    expect(errors).toEqual([expect.objectContaining({ code: 'INVALID_NUMBER', line: 1 })]);
    expect(errors[0]?.message).toMatch(
      new RegExp(`^n: ".*" is not a valid DynamoDB number \\(${why.replace(/[.+]/g, '\\$&')}\\)$`),
    );
    expect(errors[0]?.message.length).toBeLessThan(200);
  });

  it('accepts the largest and smallest magnitudes DynamoDB takes', async () => {
    const { items, errors } = await ion(
      item('a:9.9999999999999999999999999999999999999d125, b:1d-130, c:-1d-130, z:0d400000000'),
    );
    expect(errors).toEqual([]);
    expect(items[0]?.item.a?.N).toBe(`99999999999999999999999999999999999999${'0'.repeat(88)}`);
    expect(items[0]?.item.b?.N).toBe(`0.${'0'.repeat(129)}1`);
    expect(items[0]?.item.z?.N).toBe('0');
  });

  it('quotes at most 100 digits of a huge int', async () => {
    const { errors } = await ion(item(`n:${'7'.repeat(200_000)}`));
    expect(errors[0]?.message).toBe(
      `n: "${'7'.repeat(100)}…" is not a valid DynamoDB number (more than 38 significant digits)`,
    );
  });
});

describe('Ion nesting', () => {
  it(`accepts structs and lists nested up to DynamoDB's ${MAX_NESTING} levels, and a set at the last`, async () => {
    const set = `$ion_1_0 {Item:{id:"s",deep:${'{a:'.repeat(31)}$dynamodb_SS::["x"]${'}'.repeat(31)}}}`;
    const text = [nestedIonLine(MAX_NESTING, 'struct', 'm'), nestedIonLine(MAX_NESTING, 'list', 'l'), set].join('\n');
    const { items, errors } = await ion(text);
    expect(errors).toEqual([]);
    expect(items.map((i) => i.item.id?.S)).toEqual(['m', 'l', 's']);
  });

  it.each(['struct', 'list'] as const)('refuses a %s one level deeper', async (kind) => {
    const { errors } = await ion(nestedIonLine(MAX_NESTING + 1, kind));
    expect(errors.map((e) => e.code)).toEqual(['TOO_DEEPLY_NESTED']);
  });

  it('reports lines nested 10,000 levels deep at their lines, and goes on', async () => {
    const text = [item(''), nestedIonLine(10_000, 'struct'), nestedIonLine(10_000, 'list'), item('n:1.')].join('\n');
    const { items, errors } = await ion(text);
    expect(items.map((i) => i.line)).toEqual([1, 4]);
    expect(errors.map((e) => [e.code, e.line])).toEqual([
      ['TOO_DEEPLY_NESTED', 2],
      ['TOO_DEEPLY_NESTED', 3],
    ]);
    expect(errors[0]?.message.length).toBeLessThan(MESSAGE_CHARS);
  });
});

describe('Ion fields and annotations DynamoDB would not keep', () => {
  it.each([
    [
      'a duplicate field of the item',
      'a:1., b:2., a:3.',
      'DUPLICATE_ATTRIBUTE',
      'a: the field "a" appears more than once in the same struct',
    ],
    [
      'a duplicate field of a struct',
      'm:{k:"1", k:"2"}',
      'DUPLICATE_ATTRIBUTE',
      'm.k: the field "k" appears more than once in the same struct',
    ],
    [
      'a set annotation on a string',
      's:$dynamodb_SS::"a"',
      'INVALID_SET',
      's: $dynamodb_SS annotates a string; a set must be a list',
    ],
    [
      'a set annotation on a struct',
      's:$dynamodb_NS::{a:1}',
      'INVALID_SET',
      's: $dynamodb_NS annotates a struct; a set must be a list',
    ],
    ['a set annotation on null', 's:$dynamodb_BS::null', 'INVALID_SET', 's: a $dynamodb_BS set cannot be null'],
    [
      'two set annotations',
      's:$dynamodb_SS::$dynamodb_NS::["a"]',
      'INVALID_SET',
      's: a value has more than one set annotation',
    ],
    [
      'an unknown $dynamodb_ annotation',
      's:$dynamodb_XS::["a"]',
      'INVALID_TYPE',
      "s: unknown annotation $dynamodb_XS (DynamoDB's are $dynamodb_SS, $dynamodb_NS and $dynamodb_BS)",
    ],
  ])('refuses %s', async (_what, fields, code, message) => {
    const { items, errors } = await ion(`${item(fields)}\n${item('ok:true')}`);
    expect(items.map((i) => i.line)).toEqual([2]);
    expect(errors).toEqual([{ code, message, line: 1, itemIndex: 0 }]);
  });

  it('refuses a second Item field', async () => {
    const { errors } = await ion('$ion_1_0 {Item:{id:"a"}, Item:{id:"b"}}');
    expect(errors.map((e) => e.code)).toEqual(['DUPLICATE_ATTRIBUTE']);
  });

  it('drops annotations that mean nothing to DynamoDB, and counts them for the summary', async () => {
    const { items, errors, stats } = await ion(item('s:note::"a", l:mine::[1.], t:mine::$dynamodb_SS::["a"]'));
    expect(errors).toEqual([]);
    expect(items[0]?.item).toMatchObject({ s: { S: 'a' }, l: { L: [{ N: '1' }] }, t: { SS: ['a'] } });
    expect(stats.annotationsDropped).toBe(3);
    // On the item's own structs and inside sets too; a refused item's are not counted.
    const more = await ion(
      `top::{Item:{id:"x", m:{a:b::c::1.}}}\n{Item:outer::{id:"y", s:$dynamodb_SS::[x::"a"]}}\n{Item:{id:"z", n:k::"1", '':v::1.}}`,
    );
    expect(more.errors.map((e) => e.code)).toEqual(['EMPTY_ATTRIBUTE_NAME']);
    expect(more.stats.annotationsDropped).toBe(5);
  });

  it('keeps a field named __proto__ as an attribute', async () => {
    const { items } = await ion(item("'__proto__':{{AAE=}}"));
    expect(Object.keys(items[0]?.item ?? {})).toEqual(['id', '__proto__']);
  });
});

describe('Ion lines that cannot be read', () => {
  it('makes a line that is not UTF-8 an error at its line, and reads the lines around it', async () => {
    const text = Buffer.concat([
      Buffer.from(`${item('a:1.')}\n$ion_1_0 {Item:{id:"`),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`"}}\n${item('c:3.')}\n`),
    ]);
    for (const size of [1, 5, 1000]) {
      const { items, errors } = await ion(text, size);
      expect(
        items.map((i) => i.line),
        `chunks of ${size}`,
      ).toEqual([1, 3]);
      expect(errors).toEqual([
        {
          code: 'INVALID_UTF8',
          message: 'the line is not valid UTF-8 (byte 0xff at byte 21 of the line)',
          line: 2,
          itemIndex: 1,
        },
      ]);
    }
  });

  it('breaks a value spread over lines at its first line when a later one is not UTF-8', async () => {
    const text = Buffer.concat([
      Buffer.from('$ion_1_0\n{\n  Item: {\n    id: "'),
      Buffer.from([0xc3]),
      Buffer.from('"\n  }\n}\n$ion_1_0 {Item:{id:"after"}}\n'),
    ]);
    const { items, errors } = await ion(text);
    expect(items.map((i) => [i.item.id?.S, i.line])).toEqual([['after', 7]]);
    expect(errors[0]).toEqual({
      code: 'INVALID_UTF8',
      message: 'line 4: the line is not valid UTF-8 (byte 0xc3 at byte 10 of the line)',
      line: 2,
      itemIndex: 0,
    });
  });
});
