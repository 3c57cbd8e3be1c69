// Incremental export records: AWS's documented examples, the timestamp in
// both shapes AWS writes, and records that are not what they claim, each an
// error at its line while the lines around it are read.

import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type DecodedChangeRecord, decodeChangeRecords } from '../../src/formats/change-records.js';
import { type ChangeDirection, type DecodedWrite, decodeChangeWrites } from '../../src/formats/change-writes.js';
import { MESSAGE_CHARS } from '../../src/formats/excerpt.js';
import type { KeyCheck } from '../../src/formats/item-checks.js';
import { newStats } from '../../src/formats/records.js';
import { chunked, collect, fixture, plain } from './helpers.js';
import { nestedJsonLine } from './hostile-inputs.js';

const PK: KeyCheck[] = [{ name: 'PK', type: 'S' }];

async function records(text: string | Buffer, chunkSize?: number): Promise<DecodedChangeRecord[]> {
  return (await collect(decodeChangeRecords(chunked(text, chunkSize), newStats()))).flat();
}

async function writes(
  text: string | Buffer,
  direction: ChangeDirection = 'apply',
  keys: KeyCheck[] = PK,
): Promise<{ writes: DecodedWrite[]; stats: ReturnType<typeof newStats> }> {
  const stats = newStats();
  const all = (
    await collect(decodeChangeWrites(chunked(text), { compression: 'auto', keys, direction }, stats))
  ).flat();
  return { writes: all, stats };
}

const summary = (all: DecodedWrite[]) =>
  all.map((w) =>
    'error' in w ? `${w.error.code}@${w.error.line}` : `${w.kind} ${w.item.PK?.S} ${w.item.LastName?.S ?? ''}`.trim(),
  );

describe("AWS's documented records", () => {
  it('reads insert, update and delete, with the timestamp as a string', async () => {
    const read = await records(fixture('aws/incremental.json'));
    expect(plain(read)).toEqual([
      {
        change: {
          keys: { PK: { S: 'CUST#100' } },
          newImage: { PK: { S: 'CUST#100' }, FirstName: { S: 'John' }, LastName: { S: 'Don' } },
          writeTimestampMicros: '1680109764000000',
        },
        line: 1,
        itemIndex: 0,
        textLength: expect.any(Number),
      },
      {
        change: {
          keys: { PK: { S: 'CUST#200' } },
          newImage: { PK: { S: 'CUST#200' }, FirstName: { S: 'Mary' }, LastName: { S: 'Smith' } },
          oldImage: { PK: { S: 'CUST#200' }, FirstName: { S: 'Mary' }, LastName: { S: 'Grace' } },
          writeTimestampMicros: '1680109764000000',
        },
        line: 2,
        itemIndex: 1,
        textLength: expect.any(Number),
      },
      {
        change: {
          keys: { PK: { S: 'CUST#300' } },
          oldImage: { PK: { S: 'CUST#300' }, FirstName: { S: 'Jose' }, LastName: { S: 'Hernandez' } },
          writeTimestampMicros: '1680109764000000',
        },
        line: 3,
        itemIndex: 2,
        textLength: expect.any(Number),
      },
    ]);
  });

  it('applies them: NewImage put, no NewImage a delete of Keys', async () => {
    const { writes: all, stats } = await writes(gzipSync(fixture('aws/incremental.json')));
    expect(summary(all)).toEqual(['put CUST#100 Don', 'put CUST#200 Smith', 'delete CUST#300']);
    expect(stats).toMatchObject({ items: 3, errors: 0, lines: 3 });
  });

  it('reverts them: OldImage put back, no OldImage a delete of Keys', async () => {
    const { writes: all } = await writes(fixture('aws/incremental.json'), 'revert');
    expect(summary(all)).toEqual(['delete CUST#100', 'put CUST#200 Grace', 'put CUST#300 Hernandez']);
  });

  it('reads the timestamp as {"N": ...}, as AWS writes it today, and as a JSON integer', async () => {
    const read = await records(
      [
        '{"Metadata":{"WriteTimestampMicros":{"N":"1774379199746598"}},"Keys":{"PK":{"S":"a"}},"NewImage":{"PK":{"S":"a"}}}',
        '{"Metadata":{"WriteTimestampMicros":1774379199746599},"Keys":{"PK":{"S":"b"}}}',
      ].join('\n'),
    );
    expect(read.map((r) => ('change' in r ? r.change.writeTimestampMicros : r.error.code))).toEqual([
      '1774379199746598',
      '1774379199746599',
    ]);
  });

  it('takes "NewImage": null as a delete, and reads records split across any chunks', async () => {
    const text =
      '{"Metadata":{"WriteTimestampMicros":"1"},"Keys":{"PK":{"S":"é"}},"NewImage":null,"OldImage":{"PK":{"S":"é"},"v":{"B":"AAE="}}}\n';
    const { writes: all } = await writes(text);
    expect(summary(all)).toEqual(['delete é']);
    const oneByOne = await records(text, 1);
    expect(plain(oneByOne)).toEqual(plain(await records(text)));
  });
});

describe('records that are not what they claim', () => {
  const ok = '{"Metadata":{"WriteTimestampMicros":"1"},"Keys":{"PK":{"S":"ok"}},"NewImage":{"PK":{"S":"ok"}}}';
  it.each([
    ['not JSON', '{"Keys":', 'MALFORMED_JSON', /^the line is not valid JSON: /],
    ['an array', '[1,2]', 'NOT_A_CHANGE', /found an array$/],
    ['an item of a full export', '{"Item":{"PK":{"S":"x"}}}', 'NOT_A_CHANGE', /found an object with Item$/],
    ['no Metadata', '{"Keys":{"PK":{"S":"x"}}}', 'NOT_A_CHANGE', /^expected Metadata to be an object .*found nothing$/],
    [
      'a timestamp that is not microseconds',
      '{"Metadata":{"WriteTimestampMicros":"yesterday"},"Keys":{"PK":{"S":"x"}}}',
      'NOT_A_CHANGE',
      /WriteTimestampMicros to be microseconds.*found a string$/,
    ],
    [
      'a timestamp tagged other than N',
      '{"Metadata":{"WriteTimestampMicros":{"S":"1"}},"Keys":{"PK":{"S":"x"}}}',
      'NOT_A_CHANGE',
      /found an object with S$/,
    ],
    [
      'Keys that are a list',
      '{"Metadata":{"WriteTimestampMicros":"1"},"Keys":[]}',
      'NOT_A_CHANGE',
      /^expected Keys to be an object/,
    ],
    ['empty Keys', '{"Metadata":{"WriteTimestampMicros":"1"},"Keys":{}}', 'NOT_A_CHANGE', /^Keys is empty/],
    [
      'a bad value in an image',
      '{"Metadata":{"WriteTimestampMicros":"1"},"Keys":{"PK":{"S":"x"}},"NewImage":{"PK":{"S":"x"},"n":{"N":"1e999"}}}',
      'INVALID_NUMBER',
      /^NewImage\.n: "1e999" is not a valid DynamoDB number/,
    ],
    [
      'an image of another item',
      '{"Metadata":{"WriteTimestampMicros":"1"},"Keys":{"PK":{"S":"x"}},"NewImage":{"PK":{"S":"y"}}}',
      'IMAGE_KEY_MISMATCH',
      /^NewImage does not carry the record's key: its "PK" differs from Keys$/,
    ],
    [
      'an old image without the key',
      '{"Metadata":{"WriteTimestampMicros":"1"},"Keys":{"PK":{"S":"x"}},"OldImage":{"v":{"S":"y"}}}',
      'IMAGE_KEY_MISMATCH',
      /^OldImage does not carry the record's key: its "PK" is missing$/,
    ],
    [
      'a name twice',
      '{"Metadata":{"WriteTimestampMicros":"1"},"Keys":{"PK":{"S":"x"}},"NewImage":{"PK":{"S":"x"},"a":{"S":"1"},"a":{"S":"2"}}}',
      'DUPLICATE_ATTRIBUTE',
      /^the name "a" appears more than once/,
    ],
    [
      'NewImage twice',
      '{"Metadata":{"WriteTimestampMicros":"1"},"Keys":{"PK":{"S":"x"}},"NewImage":null,"NewImage":{"PK":{"S":"x"}}}',
      'DUPLICATE_ATTRIBUTE',
      /^the name "NewImage" appears more than once/,
    ],
  ])('%s is an error at its line', async (_what, bad, code, message) => {
    const read = await records(`${ok}\n${bad}\n${ok}`);
    expect(read.map((r) => ('error' in r ? r.error.code : 'ok'))).toEqual(['ok', code, 'ok']);
    const error = (read[1] as { error: { message: string; line: number; itemIndex: number } }).error;
    expect(error.message).toMatch(message);
    expect([error.line, error.itemIndex]).toEqual([2, 1]);
  });

  it('numbers in keys compare by value: 1 and 1.0 are one key', async () => {
    const read = await records(
      '{"Metadata":{"WriteTimestampMicros":"1"},"Keys":{"n":{"N":"1"}},"NewImage":{"n":{"N":"1.0"}}}',
    );
    expect('change' in (read[0] as DecodedChangeRecord)).toBe(true);
  });

  it("a line nested past DynamoDB's limit is one error, the run goes on", async () => {
    const deep = nestedJsonLine(10_000).replace(
      /^\{"Item":/,
      '{"Metadata":{"WriteTimestampMicros":"1"},"Keys":{"PK":{"S":"x"}},"NewImage":',
    );
    const read = await records(`${deep}\n{"Metadata":{"WriteTimestampMicros":"1"},"Keys":{"PK":{"S":"y"}}}`);
    expect(read.map((r) => ('error' in r ? r.error.code : 'ok'))).toEqual(['TOO_DEEPLY_NESTED', 'ok']);
  });

  it('never echoes a huge name or value whole', async () => {
    const name = 'x'.repeat(1_000_000);
    const read = await records(`{"${name}":1}`);
    const error = (read[0] as { error: { message: string } }).error;
    expect(error.message.length).toBeLessThan(MESSAGE_CHARS);
  });

  it('invalid UTF-8 is an error at its line', async () => {
    const bytes = Buffer.concat([Buffer.from(`${'{"Keys":'}`), Buffer.from([0xff, 0xfe]), Buffer.from('}\n')]);
    const read = await records(bytes);
    expect(read.map((r) => ('error' in r ? r.error.code : 'ok'))).toEqual(['INVALID_UTF8']);
  });
});

describe('the writes, checked against the table', () => {
  const rec = (keys: string, image = keys) =>
    `{"Metadata":{"WriteTimestampMicros":"1"},"Keys":${keys},"NewImage":${image}}`;

  it('refuses keys of another key schema, or of the wrong type, or empty', async () => {
    const { writes: all, stats } = await writes(
      [
        rec('{"PK":{"S":"a"},"SK":{"S":"b"}}'),
        rec('{"PK":{"N":"1"}}'),
        rec('{"PK":{"S":""}}'),
        rec('{"other":{"S":"a"}}'),
        rec('{"PK":{"S":"ok"}}'),
      ].join('\n'),
    );
    expect(summary(all)).toEqual([
      'KEY_SCHEMA_MISMATCH@1',
      'KEY_TYPE_MISMATCH@2',
      'EMPTY_KEY@3',
      'MISSING_KEY@4',
      'put ok',
    ]);
    expect(stats).toMatchObject({ items: 1, errors: 4 });
    const first = all[0] as { error: { message: string }; item: unknown };
    expect(first.error.message).toBe(
      'Keys holds "SK", which is not a key attribute of the table (PK): the export is of a table with another key schema',
    );
    expect(first.item).toEqual({ PK: { S: 'a' }, SK: { S: 'b' } });
  });

  it("checks the image put against the indexes' key types", async () => {
    const keys: KeyCheck[] = [...PK, { name: 'g', type: 'N', index: 'byG' }];
    const { writes: all } = await writes(rec('{"PK":{"S":"a"}}', '{"PK":{"S":"a"},"g":{"S":"x"}}'), 'apply', keys);
    expect(summary(all)).toEqual(['KEY_TYPE_MISMATCH@1']);
    expect((all[0] as { error: { message: string } }).error.message).toMatch(/^NewImage: One or more parameter values/);
  });

  it('a cut gzip stream keeps the records before the cut and ends with one error', async () => {
    const text = Array.from({ length: 200 }, (_, i) => rec(`{"PK":{"S":"k${i}"}}`)).join('\n');
    const gz = gzipSync(text);
    const { writes: all } = await writes(gz.subarray(0, Math.floor(gz.length * 0.9)));
    const errors = all.filter((w) => 'error' in w);
    expect(errors.map((e) => ('error' in e ? e.error.code : ''))).toEqual(['TRUNCATED_OBJECT']);
    expect(all.length - 1).toBeGreaterThan(100);
  });
});

describe("a record's timestamp against its export's window", () => {
  const from = new Date('2026-03-01T00:00:00.000Z');
  const to = new Date('2026-03-01T01:00:00.000Z');
  const micros = (ms: number): string => `${ms}000`;
  const line = (timestamp: string) =>
    `${JSON.stringify({ Metadata: { WriteTimestampMicros: timestamp }, Keys: { PK: { S: 'a' } }, NewImage: { PK: { S: 'a' } } })}\n`;

  it('is inside from its start (inclusive) to just before its end (exclusive); outside, OUTSIDE_WINDOW', async () => {
    const text = [
      micros(from.getTime()),
      String(BigInt(to.getTime()) * 1000n - 1n),
      micros(to.getTime()),
      String(BigInt(from.getTime()) * 1000n - 1n),
      '99999999999999999999',
    ]
      .map(line)
      .join('');
    const stats = newStats();
    const all = (
      await collect(
        decodeChangeWrites(
          chunked(text),
          { compression: 'auto', keys: PK, direction: 'apply', window: { from, to } },
          stats,
        ),
      )
    ).flat();
    expect(summary(all)).toEqual(['put a', 'put a', 'OUTSIDE_WINDOW@3', 'OUTSIDE_WINDOW@4', 'OUTSIDE_WINDOW@5']);
    const third = all[2] as { error: { message: string } };
    expect(third.error.message).toBe(
      "Metadata.WriteTimestampMicros 1772326800000000 (2026-03-01T01:00:00.000Z) is outside the export's window, 2026-03-01T00:00:00.000Z to 2026-03-01T01:00:00.000Z: an incremental export holds only writes made in its window, so this record is not one of them",
    );
    // A timestamp past what a date can show is named by its digits alone.
    expect((all[4] as { error: { message: string } }).error.message).toMatch(
      /^Metadata\.WriteTimestampMicros 99999999999999999999 is outside/,
    );
  });
});
