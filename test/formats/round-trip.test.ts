// Encode then decode gives the same items, for every type and edge case.

import { describe, expect, it } from 'vitest';
import { compress } from '../../src/formats/compression.js';
import { dynamoJsonLines } from '../../src/formats/ddb-json.js';
import { ionLines } from '../../src/formats/ion.js';
import { generateItem, generateItems } from '../generate-items.js';
import { chunked, collect, decode, plain, wireJson } from './helpers.js';

const items = [...generateItems(300)];

async function encoded(
  encoder: typeof dynamoJsonLines,
  compression: 'NONE' | 'GZIP' | 'ZSTD' = 'NONE',
): Promise<Buffer> {
  return Buffer.concat(await collect(compress(chunked(encoder(wireJson(items)), 4093), compression)));
}

describe('round trips', () => {
  it('the generated items cover every type and edge case', () => {
    const item = generateItem(5);
    expect(
      Object.values(item)
        .map((v) => Object.keys(v)[0])
        .sort(),
    ).toEqual(expect.arrayContaining(['S', 'N', 'B', 'BOOL', 'NULL', 'L', 'M', 'SS', 'NS', 'BS']));
    expect(item.big?.N?.replace(/[-.]/g, '').length).toBeGreaterThanOrEqual(3);
    expect(generateItem(0).bytes?.B).toHaveLength(256);
    expect(new Set(generateItem(0).bytes?.B).size).toBe(256);
    expect(item.empty).toEqual({ S: '' });
  });

  it.each(['NONE', 'GZIP', 'ZSTD'] as const)(
    'DynamoDB JSON encode -> decode (%s) is identical',
    async (compression) => {
      const { items: decoded, errors } = await decode(
        await encoded(dynamoJsonLines, compression),
        { format: 'DYNAMODB_JSON' },
        4093,
      );
      expect(errors).toEqual([]);
      expect(plain(decoded.map((d) => d.item))).toEqual(plain(items));
    },
  );

  it.each(['NONE', 'GZIP', 'ZSTD'] as const)('Ion encode -> decode (%s) is identical', async (compression) => {
    const { items: decoded, errors } = await decode(await encoded(ionLines, compression), { format: 'ION' }, 4093);
    expect(errors).toEqual([]);
    expect(plain(decoded.map((d) => d.item))).toEqual(plain(items));
  });

  it('DynamoDB JSON -> Ion -> DynamoDB JSON is identical, byte for byte', async () => {
    const json = await encoded(dynamoJsonLines);
    const fromJson = await decode(json, { format: 'DYNAMODB_JSON' });
    const ion = ionLines(wireJson(fromJson.items.map((d) => d.item)));
    const fromIon = await decode(ion, { format: 'ION' });
    const back = dynamoJsonLines(wireJson(fromIon.items.map((d) => d.item)));
    expect(back.equals(json)).toBe(true);
  });

  it('keeps 38-digit numbers exact through both formats', async () => {
    const exact = {
      id: { S: 'n' },
      a: { N: '99999999999999999999999999999999999999' },
      b: { N: '-0.00000000000000000000000000000000000001' },
      c: { N: '1234567890.1234567890123456789012345678' },
    };
    for (const encoder of [dynamoJsonLines, ionLines]) {
      const bytes = encoder(wireJson([exact]));
      const { items: decoded } = await decode(bytes, { format: encoder === ionLines ? 'ION' : 'DYNAMODB_JSON' });
      expect(decoded[0]?.item).toEqual(exact);
    }
  });
});
