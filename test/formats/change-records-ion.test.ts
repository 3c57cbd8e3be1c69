// Incremental export records in Amazon Ion: AWS's documented example (a
// decimal timestamp, set annotations, decimals with exponents), and records
// that are not what they claim.

import { describe, expect, it } from 'vitest';
import { decodeIonChangeRecords } from '../../src/formats/change-records-ion.js';
import type { DecodedChangeRecord } from '../../src/formats/change-records.js';
import { decodeChangeWrites } from '../../src/formats/change-writes.js';
import { newStats } from '../../src/formats/records.js';
import { chunked, collect, fixture, plain } from './helpers.js';

async function records(text: string | Buffer): Promise<DecodedChangeRecord[]> {
  return (await collect(decodeIonChangeRecords(chunked(text), newStats()))).flat();
}

describe("AWS's Ion records", () => {
  it('reads the documented update, a delete and an insert, the timestamp as a decimal, an int or a string', async () => {
    const read = await records(fixture('aws/incremental.ion'));
    expect(plain(read[0])).toEqual({
      change: {
        keys: { ISBN: { S: '333-3333333333' } },
        oldImage: {
          Authors: { SS: ['Author1', 'Author2'] },
          ISBN: { S: '333-3333333333' },
          Id: { N: '103' },
          InPublication: { BOOL: false },
          ProductCategory: { S: 'Book' },
          Title: { S: 'Book 103 Title' },
        },
        newImage: {
          Authors: { SS: ['Author1', 'Author2'] },
          Dimensions: { S: '8.5 x 11.0 x 1.5' },
          ISBN: { S: '333-3333333333' },
          Id: { N: '103' },
          InPublication: { BOOL: true },
          PageCount: { N: '600' },
          Price: { N: '2000' },
          ProductCategory: { S: 'Book' },
          Title: { S: 'Book 103 Title' },
        },
        writeTimestampMicros: '1684374845117899',
      },
      line: 1,
      itemIndex: 0,
      textLength: expect.any(Number),
    });
    expect(read.map((r) => ('change' in r ? r.change.writeTimestampMicros : r.error.code))).toEqual([
      '1684374845117899',
      '1684374845117900',
      '1684374845117901',
    ]);
  });

  it('applies them as puts and deletes', async () => {
    const all = (
      await collect(
        decodeChangeWrites(
          chunked(fixture('aws/incremental.ion')),
          { format: 'ION', compression: 'auto', keys: [{ name: 'ISBN', type: 'S' }], direction: 'apply' },
          newStats(),
        ),
      )
    ).flat();
    expect(all.map((w) => ('error' in w ? w.error.code : `${w.kind} ${w.item.ISBN?.S}`))).toEqual([
      'put 333-3333333333',
      'delete 444-4444444444',
      'put 555-5555555555',
    ]);
  });
});

describe('Ion records that are not what they claim', () => {
  const ok = '$ion_1_0 {Record:{Keys:{k:"a"},Metadata:{WriteTimestampMicros:1.},NewImage:{k:"a"}}}';
  it.each([
    ['not Ion', '{Record:{Keys:', 'MALFORMED_ION'],
    ['an item of a full export', '$ion_1_0 {Item:{k:"a"}}', 'NOT_A_CHANGE'],
    ['no Keys', '$ion_1_0 {Record:{Metadata:{WriteTimestampMicros:1.}}}', 'NOT_A_CHANGE'],
    ['no timestamp', '$ion_1_0 {Record:{Keys:{k:"a"}}}', 'NOT_A_CHANGE'],
    ['a fractional timestamp', '$ion_1_0 {Record:{Keys:{k:"a"},Metadata:{WriteTimestampMicros:1.5}}}', 'NOT_A_CHANGE'],
    [
      'NewImage twice',
      '$ion_1_0 {Record:{Keys:{k:"a"},Metadata:{WriteTimestampMicros:1.},NewImage:null,NewImage:{k:"a"}}}',
      'DUPLICATE_ATTRIBUTE',
    ],
    [
      'an image of another item',
      '$ion_1_0 {Record:{Keys:{k:"a"},Metadata:{WriteTimestampMicros:1.},NewImage:{k:"b"}}}',
      'IMAGE_KEY_MISMATCH',
    ],
    [
      'a bad set',
      '$ion_1_0 {Record:{Keys:{k:"a"},Metadata:{WriteTimestampMicros:1.},NewImage:{k:"a",s:$dynamodb_SS::"x"}}}',
      'INVALID_SET',
    ],
  ])('%s is an error at its line', async (_what, bad, code) => {
    const read = await records(`${ok}\n${bad}\n${ok}\n`);
    expect(read.map((r) => ('error' in r ? `${r.error.code}@${r.error.line}` : 'ok'))).toEqual([
      'ok',
      `${code}@2`,
      'ok',
    ]);
  });
});
