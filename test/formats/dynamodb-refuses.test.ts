// Records DynamoDB refuses (issue 23 #13), measured against DynamoDB Local:
// binary set members that decode to the same bytes ("AA==" and "AB=="),
// number sets with one value twice ("1", "1.0"), an empty attribute name at
// any depth, and a number whose exponent DynamoDB cannot read (zero too:
// 0e2147483647 is read, 0e2147483648 is not). Each codec path refuses them
// with the same code, so validate accepts exactly what an import writes.

import { describe, expect, it } from 'vitest';
import { checkNumber } from '../../src/formats/attribute-value.js';
import { type DecodeOptions, decodeObject, decodeObjectRaw } from '../../src/formats/decode.js';
import { checkItemLine } from '../../src/formats/dynamodb-json-check.js';
import { type KeyCheck, keyChecksFrom } from '../../src/formats/item-checks.js';
import { type DecodeFailure, newStats } from '../../src/formats/records.js';
import { chunked, collect, decode } from './helpers.js';

const KEYS: KeyCheck[] = [{ name: 'id', type: 'S' }];
const line = (item: string) => `{"Item":{"id":{"S":"k"},${item}}}`;

/** DynamoDB JSON lines DynamoDB refuses, with the code each is refused with. */
const REFUSED: [string, string][] = [
  ['"b":{"BS":["AA==","AB=="]}', 'INVALID_SET'],
  ['"b":{"BS":["AAA=","AAB="]}', 'INVALID_SET'],
  ['"m":{"M":{"b":{"BS":["AQ==","AR==","Ag=="]}}}', 'INVALID_SET'],
  ['"n":{"NS":["1","1.0"]}', 'INVALID_SET'],
  ['"n":{"NS":["0","-0","2"]}', 'INVALID_SET'],
  ['"n":{"NS":["1E2","100"]}', 'INVALID_SET'],
  ['"":{"S":"x"}', 'EMPTY_ATTRIBUTE_NAME'],
  ['"m":{"M":{"":{"S":"x"}}}', 'EMPTY_ATTRIBUTE_NAME'],
  ['"l":{"L":[{"M":{"":{"N":"1"}}}]}', 'EMPTY_ATTRIBUTE_NAME'],
  ['"n":{"N":"0e99999999999999999999"}', 'INVALID_NUMBER'],
  ['"n":{"N":"0e2147483648"}', 'INVALID_NUMBER'],
  ['"n":{"N":"0.0e-2147483647"}', 'INVALID_NUMBER'],
  ['"n":{"N":"-0e-2147483648"}', 'INVALID_NUMBER'],
  ['"n":{"NS":["1","0e9999999999"]}', 'INVALID_NUMBER'],
];

/** What DynamoDB accepts, near the refused ones. */
const ACCEPTED = [
  '"b":{"BS":["AA==","AQ=="]}',
  '"b":{"B":"AB=="}',
  '"b":{"BS":["AB=="]}',
  '"n":{"N":"0e2147483647"}',
  '"n":{"N":"0.0e-2147483646"}',
  '"n":{"N":"0e000000000002147483647"}',
  '"n":{"N":"-0e5"}',
  '"m":{"M":{" ":{"S":"x"}}}',
];

async function rawDecode(text: string) {
  const options: DecodeOptions = { format: 'DYNAMODB_JSON', compression: 'NONE', keys: KEYS };
  return (await collect(decodeObjectRaw(chunked(text), options, newStats()))).flat();
}

describe('records DynamoDB refuses', () => {
  it('are refused by the full DynamoDB JSON decoder, each with its code', async () => {
    for (const [item, code] of REFUSED) {
      const { errors, items } = await decode(line(item), { keys: KEYS });
      expect({ item, codes: errors.map((e) => e.code), items: items.length }).toEqual({
        item,
        codes: [code],
        items: 0,
      });
    }
  });

  it('are never accepted by the pass-through byte check, and the decoder it hands them to refuses them', async () => {
    for (const [item, code] of REFUSED) {
      expect(checkItemLine(Buffer.from(line(item)), KEYS), item).toBeUndefined();
      const records = await rawDecode(line(item));
      expect(
        records.map((r) => ('error' in r ? r.error.code : 'item')),
        item,
      ).toEqual([code]);
    }
  });

  it('leave alone what DynamoDB accepts, on both DynamoDB JSON paths', async () => {
    for (const item of ACCEPTED) {
      const { errors, items } = await decode(line(item), { keys: KEYS });
      expect({ item, errors }).toEqual({ item, errors: [] });
      expect(items).toHaveLength(1);
      const records = await rawDecode(line(item));
      expect(
        records.map((r) => ('error' in r ? r.error.code : 'item')),
        item,
      ).toEqual(['item']);
    }
  });

  it('keep the source text of a refused DynamoDB JSON line for the rejected-items file', async () => {
    const text = line('"b":{"BS":["AA==","AB=="]}');
    const [record] = await rawDecode(text);
    expect((record as DecodeFailure).text).toBe(text);
  });

  it('are refused in Ion: an empty field name at any depth, blobs of the same bytes in a set', async () => {
    const ion = (text: string) => decode(`$ion_1_0 {Item:{id:"k",${text}}}`, { format: 'ION', keys: KEYS });
    for (const [text, code] of [
      ['\'\':"x"', 'EMPTY_ATTRIBUTE_NAME'],
      ["m:{'':1.}", 'EMPTY_ATTRIBUTE_NAME'],
      ['b:$dynamodb_BS::[{{AA==}},{{AB==}}]', 'INVALID_SET'],
      ['n:$dynamodb_NS::[1., 1.0]', 'INVALID_SET'],
    ]) {
      const { errors } = await ion(text as string);
      expect({ text, codes: errors.map((e) => e.code) }).toEqual({ text, codes: [code] });
    }
    // Written as 0 (a decimal's text never reaches DynamoDB): accepted, as an import writes it.
    const zero = await ion('n:0d99999999999999999999');
    expect(zero.errors).toEqual([]);
    expect(zero.items[0]?.item.n).toEqual({ N: '0' });
    const refused = await decode(`$ion_1_0 {Item:{id:"k",'':"x"}}`, { format: 'ION', keys: KEYS });
    expect(refused.errors[0]?.code).toBe('EMPTY_ATTRIBUTE_NAME');
  });

  it('are refused in CSV: a value under an empty column name, a key number DynamoDB cannot read', async () => {
    const csv = (text: string) =>
      decode(text, { format: 'CSV', keys: [{ name: 'id', type: 'N' }], csv: { delimiter: ',' } });
    const { errors, items } = await csv('id,,note\n1,,a\n2,x,b\n0e99999999999999999999,,c\n0e5,,d\n');
    const failures = (
      await collect(
        decodeObject(
          chunked('id,,note\n2,"x,""y""",b\n'),
          { format: 'CSV', compression: 'NONE', keys: [{ name: 'id', type: 'N' }], csv: { delimiter: ',' } },
          newStats(),
        ),
      )
    ).flat();
    expect(failures).toMatchObject([{ error: { code: 'EMPTY_ATTRIBUTE_NAME' }, text: '2,"x,""y""",b' }]);
    expect(errors.map((e) => [e.code, e.line])).toEqual([
      ['EMPTY_ATTRIBUTE_NAME', 3],
      ['INVALID_NUMBER', 4],
    ]);
    expect(items.map((i) => i.item.id)).toEqual([{ N: '1' }, { N: '0e5' }]);
  });

  it('refuse a key value over 2048 bytes (partition) or 1024 bytes (sort), an index key too, on both JSON paths', async () => {
    const keys = keyChecksFrom({
      KeySchema: [
        { AttributeName: 'id', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'id', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'B' },
        { AttributeName: 'g', AttributeType: 'S' },
        { AttributeName: 'gs', AttributeType: 'S' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'by-g',
          KeySchema: [
            { AttributeName: 'g', KeyType: 'HASH' },
            { AttributeName: 'gs', KeyType: 'RANGE' },
          ],
        },
      ],
    });
    const b64 = (bytes: number) => Buffer.alloc(bytes, 1).toString('base64');
    /** `id` as written inside the JSON string's quotes. */
    const item = (id: string, sk: number, more = '') => `{"Item":{"id":{"S":"${id}"},"sk":{"B":"${b64(sk)}"}${more}}}`;
    const cases: [string, string | undefined][] = [
      [item('a'.repeat(2048), 1024), undefined],
      [item('a'.repeat(2049), 1), 'KEY_TOO_LARGE'],
      [item('é'.repeat(1025), 1), 'KEY_TOO_LARGE'], // 2,050 bytes in 1,025 characters
      [item('\\u00e9'.repeat(1025), 1), 'KEY_TOO_LARGE'], // the same, escaped
      [item('a', 1025), 'KEY_TOO_LARGE'],
      [item('a', 1, `,"g":{"S":"${'g'.repeat(2048)}"},"gs":{"S":"${'s'.repeat(1024)}"}`), undefined],
      [item('a', 1, `,"g":{"S":"${'g'.repeat(2049)}"}`), 'KEY_TOO_LARGE'],
      [item('a', 1, `,"gs":{"S":"${'s'.repeat(1025)}"}`), 'KEY_TOO_LARGE'],
    ];
    const options: DecodeOptions = { format: 'DYNAMODB_JSON', compression: 'NONE', keys };
    for (const [text, code] of cases) {
      const full = await decode(text, { keys });
      const raw = (await collect(decodeObjectRaw(chunked(text), options, newStats()))).flat();
      const expected = code ?? 'item';
      const fullCodes: string[] = [...full.errors.map((e) => e.code), ...full.items.map(() => 'item')];
      expect(fullCodes, text.slice(0, 40)).toEqual([expected]);
      expect(
        raw.map((r) => ('error' in r ? r.error.code : 'item')),
        text.slice(0, 40),
      ).toEqual([expected]);
    }
  });

  it('checks numbers as DynamoDB reads them: the exponent and the scale within 32 bits', () => {
    for (const good of ['0e2147483647', '0.0e-2147483646', '-0e-2147483647', '0e+0000000000002147483647', '1E-130'])
      expect(checkNumber(good)).toBe(good);
    for (const bad of ['0e2147483648', '0.0e2147483648', '0e-2147483648', '0.00e-2147483646', '0e99999999999999999999'])
      expect(() => checkNumber(bad), bad).toThrow(/not a valid DynamoDB number/);
  });
});
