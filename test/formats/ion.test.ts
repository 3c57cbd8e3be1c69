import { Decimal } from 'ion-js';
import { describe, expect, it } from 'vitest';
import { decimalToString, ionDecimal, ionLines } from '../../src/formats/ion.js';
import { decode, fixture, wireJson } from './helpers.js';

const ion = (text: string | Buffer, chunkSize?: number) => decode(text, { format: 'ION' }, chunkSize);

describe('Ion decoding', () => {
  it("reads AWS's pretty-printed import example (a list of structs) as the DynamoDB JSON example", async () => {
    const pretty = await ion(fixture('aws/books-pretty.ion'));
    const json = await decode(fixture('aws/books.json'));
    expect(pretty.errors).toEqual([]);
    expect(pretty.items.map((i) => i.item.Id)).toEqual([{ N: '103' }, { N: '104' }, { N: '105' }]);
    expect(pretty.items[0]?.item).toEqual(json.items[0]?.item);
    expect(pretty.items.map((i) => i.line)).toEqual([3, 16, 29]);
  });

  it('reads the line-per-item export form, also split into one-byte chunks', async () => {
    const lines = await ion(fixture('aws/books-lines.ion'), 1);
    const pretty = await ion(fixture('aws/books-pretty.ion'));
    expect(lines.items.map((i) => i.item)).toEqual(pretty.items.map((i) => i.item));
    expect(lines.items.map((i) => i.line)).toEqual([1, 2, 3]);
  });

  it('keeps every digit of decimals and maps ints and floats to numbers', async () => {
    const { items } = await ion(
      '$ion_1_0 {Item:{a:6d2, b:103., c:2d3, d:1.50, e:-0.0001, f:12, g:1.5e0, h:12345678901234567890123456789012345678., i:-7d-3, z:0.}}',
    );
    expect(items[0]?.item).toEqual({
      a: { N: '600' },
      b: { N: '103' },
      c: { N: '2000' },
      d: { N: '1.50' },
      e: { N: '-0.0001' },
      f: { N: '12' },
      g: { N: '1.5' },
      h: { N: '12345678901234567890123456789012345678' },
      i: { N: '-0.007' },
      z: { N: '0' },
    });
  });

  it('maps blobs, sets, lists, structs, nulls, bools and symbols', async () => {
    const { items, errors } = await ion(
      `$ion_1_0 {Item:{b:{{AAH/}}, ss:$dynamodb_SS::["x","y"], ns:$dynamodb_NS::[1., 2.5], bs:$dynamodb_BS::[{{AQ==}}], l:[1., "two", {deep: true}], n:null, ns2: null.string, t:true, sym: abc, 'odd name': "v"}}`,
    );
    expect(errors).toEqual([]);
    const item = items[0]?.item ?? {};
    expect(Array.from(item.b?.B ?? [])).toEqual([0, 1, 255]);
    expect(item.ss).toEqual({ SS: ['x', 'y'] });
    expect(item.ns).toEqual({ NS: ['1', '2.5'] });
    expect(Array.from(item.bs?.BS?.[0] ?? [])).toEqual([1]);
    expect(item.l).toEqual({ L: [{ N: '1' }, { S: 'two' }, { M: { deep: { BOOL: true } } }] });
    expect([item.n, item.ns2, item.t, item.sym, item['odd name']]).toEqual([
      { NULL: true },
      { NULL: true },
      { BOOL: true },
      { S: 'abc' },
      { S: 'v' },
    ]);
  });

  it('reports each bad value with its code and line and reads the values around it', async () => {
    const text = [
      '$ion_1_0 {Item:{id:"1"}}',
      '$ion_1_0 {Item:{id:"2", bad: 1 2}}',
      '$ion_1_0 "not a struct"',
      '$ion_1_0 {Record:{id:"4"}}',
      '$ion_1_0 {Item:{id:"5", when: 2026-01-01T}}',
      '$ion_1_0 {Item:{id:"6", s:$dynamodb_SS::["a","a"]}}',
      '$ion_1_0 {Item:{id:"7", s:"unclosed}}',
      '$ion_1_0 {Item:{id:"8", m:{open: [1}}',
      '$ion_1_0 {Item:{id:"9"}}',
    ].join('\n');
    const { items, errors } = await ion(text);
    expect(items.map((i) => i.item.id?.S)).toEqual(['1', '9']);
    expect(errors.map((e) => [e.code, e.line])).toEqual([
      ['MALFORMED_ION', 2],
      ['NOT_AN_ITEM', 3],
      ['NOT_AN_ITEM', 4],
      ['INVALID_TYPE', 5],
      ['INVALID_SET', 6],
      ['MALFORMED_ION', 7],
      ['MALFORMED_ION', 8],
    ]);
    expect(errors[1]?.message).toBe('expected a struct {Item: {...}}, found string');
    expect(errors[2]?.message).toBe('expected a struct {Item: {...}}, found one with Record');
    expect(errors[3]?.message).toBe(
      'when: Ion timestamp has no DynamoDB type (expected string, bool, decimal, int, float, blob, list, struct or null)',
    );
    expect(errors[5]?.message).toBe('a string is not closed on its line');
  });

  it('says where an unterminated value starts', async () => {
    const { errors } = await ion('$ion_1_0 {Item:{id:"1"}}\n$ion_1_0 {Item:{id:"2", l:[1,\n2,\n3');
    expect(errors).toEqual([
      { code: 'MALFORMED_ION', message: 'the Ion text ends before its brackets close', line: 2, itemIndex: 1 },
    ]);
  });
});

describe('Ion encoding', () => {
  it('writes $ion_1_0 {Item:{...}} lines with decimals, annotated sets and blobs, as AWS exports', () => {
    const bytes = ionLines(
      wireJson([
        {
          Authors: { SS: ['Author1', 'Author2'] },
          Id: { N: '103' },
          Price: { N: '1e5' },
          Ratio: { N: '-0.50' },
          InPublication: { BOOL: false },
          Cover: { B: new Uint8Array([0, 255]) },
          Scores: { NS: ['1', '2.5'] },
          'odd name': { S: 'it\'s "quoted"' },
          null: { NULL: true },
          Tags: { L: [{ M: { a: { BS: [new Uint8Array([1])] } } }] },
        },
      ]),
    );
    expect(bytes.toString()).toBe(
      `$ion_1_0 {Item:{Authors:$dynamodb_SS::["Author1","Author2"],Id:103.,Price:1.d5,Ratio:-0.50,InPublication:false,Cover:{{AP8=}},Scores:$dynamodb_NS::[1.,2.5],'odd name':"it's \\"quoted\\"",'null':null,Tags:[{a:$dynamodb_BS::[{{AQ==}}]}]}}\n`,
    );
  });

  it.each([
    ['0', '0.'],
    ['007', '7.'],
    ['-12.340', '-12.340'],
    ['.5', '0.5'],
    ['5.', '5.'],
    ['1E-130', '1.d-130'],
    ['+3', '3.'],
  ])('writes the number %s as the Ion decimal %s', (n, text) => expect(ionDecimal(n)).toBe(text));

  it.each([
    ['6d2', '600'],
    ['103.', '103'],
    ['2d3', '2000'],
    ['1.50', '1.50'],
    ['-0.0', '0'],
    ['123d-5', '0.00123'],
    ['-45d-1', '-4.5'],
  ])('reads the Ion decimal %s as %s', (text, n) => expect(decimalToString(new Decimal(text))).toBe(n));
});

describe('Ion chunk boundaries', () => {
  it('reads blobs with // in their base64, long strings and comments split at every position', async () => {
    const text =
      "$ion_1_0 {Item:{b:{{//8A//8=}}, s:'''long ''' '''string''', c:\"x\" /* note */, d:1.}} // trailing\n$ion_1_0 {Item:{b:{{////}}}}\n";
    const whole = await ion(text);
    expect(whole.errors).toEqual([]);
    expect(whole.items).toHaveLength(2);
    for (const size of [1, 2, 3, 5, 7]) {
      const split = await ion(text, size);
      expect(split.errors, `chunks of ${size}`).toEqual([]);
      expect(split.items.map((i) => i.item)).toEqual(whole.items.map((i) => i.item));
    }
  });
});
