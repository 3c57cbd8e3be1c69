import { describe, expect, it } from 'vitest';
import { dynamoJsonLines } from '../../src/formats/ddb-json.js';
import { decode, fixture, wireJson } from './helpers.js';

const BOOK_103 = {
  Authors: { SS: ['Author1', 'Author2'] },
  Dimensions: { S: '8.5 x 11.0 x 1.5' },
  ISBN: { S: '333-3333333333' },
  Id: { N: '103' },
  InPublication: { BOOL: false },
  PageCount: { N: '600' },
  Price: { N: '2000' },
  ProductCategory: { S: 'Book' },
  Title: { S: 'Book 103 Title' },
};

describe('DynamoDB JSON decoding', () => {
  it("reads AWS's Book example attribute by attribute", async () => {
    const { items, errors, stats } = await decode(fixture('aws/books.json'));
    expect(errors).toEqual([]);
    expect(items.map((i) => i.item)).toHaveLength(3);
    expect(items[0]?.item).toEqual(BOOK_103);
    expect(items.map((i) => [i.item.ISBN, i.item.Id, i.line, i.itemIndex])).toEqual([
      [{ S: '333-3333333333' }, { N: '103' }, 1, 0],
      [{ S: '444-444444444' }, { N: '104' }, 2, 1],
      [{ S: '555-5555555555' }, { N: '105' }, 3, 2],
    ]);
    expect(stats).toMatchObject({ items: 3, errors: 0, lines: 3, bytes: fixture('aws/books.json').length });
  });

  it('reads the same items when every byte arrives in its own chunk', async () => {
    const text = `${fixture('aws/books.json').toString()}{"Item":{"u":{"S":"ü🎸"}}}\r\n`;
    const whole = await decode(text);
    const split = await decode(text, {}, 1);
    expect(split.items.map((i) => i.item)).toEqual(whole.items.map((i) => i.item));
    expect(split.items[3]?.item).toEqual({ u: { S: 'ü🎸' } });
  });

  it('skips blank lines and counts lines as the file has them', async () => {
    const { items } = await decode('\n{"Item":{"a":{"S":"x"}}}\n\n   \n{"Item":{"a":{"S":"y"}}}');
    expect(items.map((i) => [i.line, i.itemIndex])).toEqual([
      [2, 0],
      [5, 1],
    ]);
  });

  it('reports each bad line with its code and line, and decodes the lines around it', async () => {
    const lines = [
      '{"Item":{"id":{"S":"1"}}}',
      '{"Item":{"id":{"S":"2"}}', // malformed JSON
      '{"Item":{"id":{"X":"3"}}}', // wrong type tag
      '{"Item":{"id":{"S":"4"},"b":{"B":"%%%"}}}', // bad base64
      '{"id":{"S":"5"}}', // not an item
      '[1,2]',
      '{"Item":{"id":{"S":"6"},"m":{"M":{"l":{"L":[{"N":"1"},{"N":"1,5"}]}}}}}',
      '{"Item":{"id":{"S":"7"},"s":{"SS":["a","a"]}}}',
      '{"Item":{"id":{"S":"8"}}}',
    ].join('\n');
    const { items, errors, stats } = await decode(lines);
    expect(items.map((i) => i.item.id?.S)).toEqual(['1', '8']);
    expect(errors.map((e) => [e.code, e.line, e.itemIndex])).toEqual([
      ['MALFORMED_JSON', 2, 1],
      ['INVALID_TYPE', 3, 2],
      ['INVALID_BINARY', 4, 3],
      ['NOT_AN_ITEM', 5, 4],
      ['NOT_AN_ITEM', 6, 5],
      ['INVALID_NUMBER', 7, 6],
      ['INVALID_SET', 8, 7],
    ]);
    expect(errors[1]?.message).toBe('id: expected a type tag of S, N, B, BOOL, NULL, L, M, SS, NS, BS, not "X"');
    expect(errors[2]?.message).toBe('b: "%%%" is not valid base64');
    expect(errors[3]?.message).toBe('expected {"Item": {...}} on each line, found an object with id');
    expect(errors[5]?.message).toBe(
      'm.l[1]: "1,5" is not a valid DynamoDB number (expected digits with an optional sign, point and exponent)',
    );
    expect(errors[6]?.message).toBe('s: Input collection SS contains duplicates');
    expect(stats).toMatchObject({ items: 2, errors: 7, lines: 9 });
  });
});

describe('DynamoDB JSON encoding', () => {
  it('writes one compact {"Item":...} line per item, as AWS exports', async () => {
    const bytes = dynamoJsonLines(wireJson([BOOK_103, { b: { B: new Uint8Array([0, 255]) } }]));
    expect(bytes.toString()).toBe(
      `{"Item":{"Authors":{"SS":["Author1","Author2"]},"Dimensions":{"S":"8.5 x 11.0 x 1.5"},"ISBN":{"S":"333-3333333333"},"Id":{"N":"103"},"InPublication":{"BOOL":false},"PageCount":{"N":"600"},"Price":{"N":"2000"},"ProductCategory":{"S":"Book"},"Title":{"S":"Book 103 Title"}}}\n{"Item":{"b":{"B":"AP8="}}}\n`,
    );
  });

  it('keeps the bytes it is given, and makes an item spread over lines compact', () => {
    const sent = Buffer.from('{"s":{"S":"caf\\u00e9 \\n"},"n":{"N":"1.50"}}');
    const spread = Buffer.from('{\n  "id": {"S": "a\\nb"},\r\n  "n": {"N": "007"}\n}');
    expect(dynamoJsonLines([sent, spread]).toString()).toBe(
      `{"Item":${sent.toString()}}\n{"Item":{"id":{"S":"a\\nb"},"n":{"N":"007"}}}\n`,
    );
  });
});
