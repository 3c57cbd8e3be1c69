// The pass-through decoder (ddb-json-raw.ts with dynamodb-json-check.ts)
// against the full decoder on the same bytes: the same errors with the same
// codes, messages and locations, and the same items, whether the byte check
// accepted a line or handed it to the full decoder.

import { describe, expect, it } from 'vitest';
import { fromDynamoJsonMap } from '../../src/formats/attribute-value.js';
import { type DecodeOptions, decodeObjectRaw } from '../../src/formats/decode.js';
import { checkItemLine } from '../../src/formats/dynamodb-json-check.js';
import type { KeyCheck } from '../../src/formats/item-checks.js';
import { itemSize } from '../../src/formats/item-checks.js';
import { type DecodedRaw, newStats } from '../../src/formats/records.js';
import { generateItems } from '../generate-items.js';
import { chunked, collect, decode, fixture, plain, wireJson } from './helpers.js';
import { itemLines, nestedJsonLine, oneLongLine, truncatedGzip } from './hostile-inputs.js';

const KEYS: KeyCheck[] = [
  { name: 'id', type: 'S' },
  { name: 'gsi', type: 'N', index: 'by-gsi' },
];

/** Both decoders over `bytes`; the raw one's items parsed back from their bytes. */
async function both(bytes: Buffer | string, chunkSize?: number, keys = KEYS) {
  const options: DecodeOptions = { format: 'DYNAMODB_JSON', compression: 'auto', keys };
  const full = await decode(bytes, { keys }, chunkSize);
  const stats = newStats();
  const records = (await collect(decodeObjectRaw(chunked(bytes, chunkSize), options, stats))).flat();
  const raw = records.filter((r): r is DecodedRaw => 'raw' in r);
  const items = records.flatMap((r) =>
    'raw' in r
      ? [{ line: r.line, itemIndex: r.itemIndex, item: fromDynamoJsonMap(JSON.parse(r.raw.bytes.toString())) }]
      : 'item' in r && !('error' in r)
        ? [{ line: r.line, itemIndex: r.itemIndex, item: r.item }]
        : [],
  );
  const errors = records.flatMap((r) => ('error' in r ? [r.error] : []));
  return { full, raw, items, errors, stats };
}

async function expectSame(bytes: Buffer | string, chunkSize?: number, keys = KEYS) {
  const { full, raw, items, errors, stats } = await both(bytes, chunkSize, keys);
  expect(errors).toEqual(full.errors);
  expect(plain(items)).toEqual(plain(full.items.map(({ line, itemIndex, item }) => ({ line, itemIndex, item }))));
  expect(stats).toEqual(full.stats);
  return { raw, items, errors };
}

const line = (item: string) => `{"Item":${item}}`;
const big = (padBytes: number) => line(`{"id":{"S":"a"},"pad":{"S":"${'x'.repeat(padBytes)}"}}`);

/** Hostile lines, each beside good ones; what each must come to is what the full decoder says. */
const HOSTILE: Record<string, string[]> = {
  truncated: ['{"Item":{"id":{"S":"a"},"n":{"N":"1"', '{"Item":{"id":{"S":"a"}', '{"Item":', '{'],
  padded: [
    '   {"Item" : { "id" : {"S":"a"} , "n":{ "N" : "1" } } }   ',
    '\t{"Item":{"id":{"S":"b"}}}\r',
    '{"Item":{"id":{"S":"c"}}} x',
    '  \t ',
  ],
  'huge numbers': [
    '1e126',
    '9.9999999999999999999999999999999999999E+125',
    '1e-131',
    '1E-130',
    '1'.repeat(39),
    '1'.repeat(38),
    `0.${'0'.repeat(90)}1`,
    `${'0'.repeat(90)}1`,
    '-0',
    '+1',
    '1.',
    '.5',
    '-',
    '',
    '0x10',
    ' 1',
    '1e',
    '--1',
    '1.2.3',
    `1${'0'.repeat(37)}`,
    `1${'0'.repeat(38)}`,
    `${'1'.repeat(38)}e-10`,
    '1'.repeat(3000),
  ].map((n) => line(`{"id":{"S":"n${n.length}"},"n":{"N":${JSON.stringify(n)}}}`)),
  'deep nesting': [30, 31, 32, 33, 40].flatMap((levels) => [nestedJsonLine(levels), nestedJsonLine(levels, 'L')]),
  'sets at depth': [line(`{"id":{"S":"s"},"d":${'{"M":{"a":'.repeat(31)}{"SS":["x"]}${'}}'.repeat(31)}}`)],
  'duplicate attributes': [
    line('{"id":{"S":"a"},"id":{"S":"b"}}'),
    line('{"id":{"S":"a"},"m":{"M":{"x":{"S":"1"},"x":{"N":"2"}}}}'),
    line('{"id":{"S":"a"},"\\u0069d":{"S":"b"}}'),
    '{"Item":{"id":{"S":"a"}},"Item":{"id":{"S":"b"}}}',
    line('{"id":{"S":"a","S":"b"}}'),
    line(`{"id":{"S":"a"},${Array.from({ length: 40 }, (_, i) => `"a${i % 39}":{"N":"1"}`).join(',')}}`),
  ],
  'wrong key types': [
    line('{"id":{"N":"1"}}'),
    line('{"id":{"M":{}}}'),
    line('{"id":{"SS":["a"]}}'),
    line('{"id":{"S":"a"},"gsi":{"S":"1"}}'),
    line('{"id":{"S":"a"},"gsi":{"NULL":true}}'),
    line('{"gsi":{"N":"1"}}'),
    line('{"id":{"S":"a"},"gsi":{"N":"1"}}'),
  ],
  'empty keys': [line('{"id":{"S":""}}'), line('{"id":{"S":"a"},"gsi":{"N":""}}')],
  '400 KB': [big(409_594), big(409_595), big(300_000).replace('"x', '"\\n\\u00e9x')],
  sets: [
    line('{"id":{"S":"a"},"s":{"SS":[]}}'),
    line('{"id":{"S":"a"},"s":{"SS":["x","x"]}}'),
    line('{"id":{"S":"a"},"s":{"SS":["a","\\u0061"]}}'),
    line('{"id":{"S":"a"},"s":{"NS":["1","1.0"]}}'),
    line('{"id":{"S":"a"},"s":{"NS":["1","10","-1","0"]}}'),
    line('{"id":{"S":"a"},"s":{"NS":["0","-0"]}}'),
    line('{"id":{"S":"a"},"s":{"BS":["AQ==","AQ=="]}}'),
    line('{"id":{"S":"a"},"s":{"BS":["AQ==","AQI="]}}'),
    line('{"id":{"S":"a"},"s":{"BS":["AQ"]}}'),
    line('{"id":{"S":"a"},"s":{"SS":["x",1]}}'),
    line(`{"id":{"S":"a"},"s":{"SS":[${Array.from({ length: 40 }, (_, i) => `"m${i}"`).join(',')}]}}`),
  ],
  binary: [
    line('{"id":{"S":"a"},"b":{"B":"AQID"}}'),
    line('{"id":{"S":"a"},"b":{"B":"AQI"}}'),
    line('{"id":{"S":"a"},"b":{"B":"AQ=I"}}'),
    line('{"id":{"S":"a"},"b":{"B":"AQ-_"}}'),
    line('{"id":{"S":"a"},"b":{"B":"A==="}}'),
    line('{"id":{"S":"a"},"b":{"B":""}}'),
    line('{"id":{"S":"a"},"b":{"B":"QR=="}}'),
  ],
  'refused by DynamoDB': [
    line('{"id":{"S":"a"},"s":{"BS":["AA==","AB=="]}}'),
    line('{"id":{"S":"a"},"s":{"BS":["AQ==","AR==","Ag=="]}}'),
    line('{"id":{"S":"a"},"b":{"B":"AB=="}}'),
    line('{"id":{"S":"a"},"":{"S":"x"}}'),
    line('{"id":{"S":"a"},"m":{"M":{"":{"N":"1"}}}}'),
    line('{"id":{"S":"a"},"n":{"N":"0e99999999999999999999"}}'),
    line('{"id":{"S":"a"},"n":{"N":"0e2147483647"}}'),
    line(`{"id":{"S":"${'a'.repeat(2049)}"}}`),
    line(`{"id":{"S":"${'\\u00e9'.repeat(1025)}"}}`),
    line(`{"id":{"S":"a"},"gsi":{"N":"1"}}`),
  ],
  types: [
    line('{"id":{"S":1}}'),
    line('{"id":{"S":"a"},"b":{"BOOL":"true"}}'),
    line('{"id":{"S":"a"},"b":{"BOOL":false}}'),
    line('{"id":{"S":"a"},"b":{"NULL":false}}'),
    line('{"id":{"S":"a"},"b":{"X":"1"}}'),
    line('{"id":{"S":"a"},"b":{}}'),
    line('{"id":{"S":"a"},"b":{"L":{}}}'),
    line('{"id":{"S":"a"},"b":{"M":[]}}'),
    line('{"id":{"S":"a"},"b":{"L":[{"S":"x"},{"N":"1"},{"L":[]},{"M":{}}]}}'),
    '{"Item":[]}',
    '[]',
    'null',
    '"x"',
    '{"item":{"id":{"S":"a"}}}',
    '{}',
    '{"Item":{"id":{"S":"a"}},"x":1}',
    '{"x":1,"Item":{"id":{"S":"a"}}}',
  ],
  strings: [
    line('{"id":{"S":"a\\"b\\n\\u00e9 ü 😀"},"t":{"S":"\\ud83d\\ude00"}}'),
    line('{"id":{"S":"a\tb"}}'),
    line('{"id":{"S":"a\\xb"}}'),
    line('{"id":{"S":"ü"},"名前":{"S":"値"}}'),
    line('{"id":{"S":"a"},"__proto__":{"B":"AQ=="}}'),
    line('{"id":{"S":"a"},"":{"S":""}}'),
    '\ufeff{"Item":{"id":{"S":"bom"}}}',
  ],
};

describe('the pass-through decoder', () => {
  it('accepts every generated item without the full decoder, with the same key and size', async () => {
    const items = [...generateItems(500)];
    const keys: KeyCheck[] = [
      { name: 'id', type: 'S' },
      { name: 'sort', type: 'N' },
    ];
    for (const [n, json] of wireJson(items).entries()) {
      const checked = checkItemLine(Buffer.from(line(json.toString())), keys);
      const item = items[n] ?? {};
      expect(checked?.size).toBe(itemSize(item));
      expect(checked?.key).toEqual({ id: item.id, sort: item.sort });
      expect(plain(fromDynamoJsonMap(JSON.parse(checked?.bytes.toString() ?? '')))).toEqual(plain(item));
    }
    const text = wireJson(items)
      .map((json) => `${line(json.toString())}\n`)
      .join('');
    const { raw } = await expectSame(text, undefined, keys);
    expect(raw).toHaveLength(500);
  });

  for (const [name, lines] of Object.entries(HOSTILE)) {
    it(`gives what the full decoder gives for ${name}, between good lines`, async () => {
      const text = `${itemLines(1)}${lines.join(`\n${itemLines(1, 1)}`)}\n${itemLines(1, 2)}`;
      const { items, errors } = await expectSame(text);
      expect(items.length + errors.length).toBeGreaterThanOrEqual(lines.length + 2);
      // In chunks of 7 bytes too: lines and characters cut across chunks.
      if (text.length < 100_000) await expectSame(text, 7);
    });
  }

  it('gives what the full decoder gives for the hostile files and damaged streams', async () => {
    for (const name of ['duplicate-names.json', 'huge-exponents.json', 'deep.json', 'proto.json', 'invalid-utf8.json'])
      await expectSame(fixture(`hostile/${name}`));
    for (const name of ['truncated.json.gz', 'trailing-garbage.json.gz', 'two-members.json.gz', 'truncated.json.zst'])
      await expectSame(fixture(`hostile/${name}`));
    await expectSame(truncatedGzip(itemLines(3000)).bytes);
    await expectSame(
      Buffer.concat([Buffer.from(itemLines(2)), oneLongLine(5 * 1024 * 1024), Buffer.from(`\n${itemLines(1)}`)]),
    );
  });

  it('checks a line as it is: an item of exactly 400 KB passes, one byte more is refused with its size', async () => {
    const { raw, errors } = await expectSame(`${big(409_594)}\n${big(409_595)}\n`);
    expect(raw.map((r) => r.raw.size)).toEqual([409_600]);
    expect(errors).toMatchObject([{ code: 'ITEM_TOO_LARGE', line: 2, itemIndex: 1 }]);
    expect(errors[0]?.message).toContain('409601 bytes');
  });

  it('checks each line on its own: nothing found in one line is kept for the next', () => {
    // One scanner is used line after line (no allocation a line): a key, or a name, seen on one line is forgotten.
    const line = (json: string) => checkItemLine(Buffer.from(json), KEYS);
    expect(line('{"Item":{"id":{"S":"a"},"m":{"M":{"x":{"N":"1"}}},"x":{"N":"2"}}}')?.key).toEqual({ id: { S: 'a' } });
    expect(line('{"Item":{"other":{"S":"b"}}}')).toBeUndefined(); // no id: only the full decoder words it
    expect(line('{"Item":{"id":{"S":"c"},"gsi":{"S":"not a number"}}}')).toBeUndefined();
    expect(line('{"Item":{"id":{"S":"d"}}}')?.key).toEqual({ id: { S: 'd' } }); // gsi is not carried over
    // A name in one object is not a duplicate of the same name in the object before it at the same depth.
    expect(line('{"Item":{"id":{"S":"e"},"a":{"M":{"x":{"N":"1"}}},"b":{"M":{"x":{"N":"1"}}}}}')?.size).toBeGreaterThan(
      0,
    );
    expect(line('{"Item":{"id":{"S":"f"},"a":{"M":{"x":{"N":"1"},"x":{"N":"2"}}}}}')).toBeUndefined();
    // A line refused half-way (bad JSON) leaves nothing behind either.
    expect(line('{"Item":{"id":{"S":"g"},"n":{"N":"1"')).toBeUndefined();
    expect(line('{"Item":{"id":{"S":"h"},"n":{"N":"1"}}}')?.key).toEqual({ id: { S: 'h' } });
  });
});
