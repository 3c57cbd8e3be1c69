import { describe, expect, it } from 'vitest';
import { MAX_ITEM_BYTES, checkItem, itemSize, keyChecksFrom } from '../../src/formats/item-checks.js';

const keys = keyChecksFrom({
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'N' },
    { AttributeName: 'email', AttributeType: 'S' },
  ],
  GlobalSecondaryIndexes: [{ IndexName: 'byEmail', KeySchema: [{ AttributeName: 'email', KeyType: 'HASH' }] }],
});

describe('keyChecksFrom', () => {
  it('lists table keys, then index keys with their index', () => {
    expect(keys).toEqual([
      { name: 'pk', type: 'S' },
      { name: 'sk', type: 'N', maxBytes: 1024 },
      { name: 'email', type: 'S', index: 'byEmail' },
    ]);
  });
});

describe('checkItem', () => {
  const good = { pk: { S: 'a' }, sk: { N: '1' } };

  it('accepts an item with its keys, with or without index keys', () => {
    expect(checkItem(good, keys, 10)).toBeUndefined();
    expect(checkItem({ ...good, email: { S: 'x@y' } }, keys, 10)).toBeUndefined();
  });

  it.each([
    [{ sk: { N: '1' } }, 'MISSING_KEY', 'One or more parameter values were invalid: Missing the key pk in the item'],
    [
      { pk: { N: '1' }, sk: { N: '1' } },
      'KEY_TYPE_MISMATCH',
      'One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N',
    ],
    [
      { ...good, email: { N: '5' } },
      'KEY_TYPE_MISMATCH',
      'One or more parameter values were invalid: Type mismatch for Index Key email Expected: S Actual: N IndexName: byEmail',
    ],
    [
      { pk: { S: '' }, sk: { N: '1' } },
      'EMPTY_KEY',
      'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk',
    ],
    [
      { ...good, email: { S: '' } },
      'EMPTY_KEY',
      'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: email',
    ],
  ])('refuses %j with %s', (item, code, message) => {
    expect(checkItem(item, keys, 10)).toEqual({ code, message });
  });

  it('refuses an item over 400 KB in AWS words', () => {
    const big = { ...good, blob: { B: new Uint8Array(MAX_ITEM_BYTES) } };
    expect(checkItem(big, keys, MAX_ITEM_BYTES)).toEqual({
      code: 'ITEM_TOO_LARGE',
      message: `Item size has exceeded the maximum allowed size (${itemSize(big)} bytes; the limit is 409600)`,
    });
    const fits = { ...good, blob: { B: new Uint8Array(MAX_ITEM_BYTES - 100) } };
    expect(checkItem(fits, keys, MAX_ITEM_BYTES)).toBeUndefined();
  });
});

describe('itemSize', () => {
  it('counts names, values and container overheads as DynamoDB does', () => {
    expect(itemSize({ a: { S: 'hello' } })).toBe(6);
    expect(itemSize({ ü: { S: '🎸' } })).toBe(2 + 4);
    expect(itemSize({ n: { N: '12345' } })).toBe(1 + 4);
    expect(itemSize({ n: { N: '0.00100' } })).toBe(1 + 2);
    expect(itemSize({ b: { B: new Uint8Array(10) }, t: { BOOL: true }, z: { NULL: true } })).toBe(11 + 2 + 2);
    expect(itemSize({ l: { L: [{ S: 'ab' }, { N: '1' }] } })).toBe(1 + 3 + (1 + 2) + (1 + 2));
    expect(itemSize({ m: { M: { k: { S: 'v' } } } })).toBe(1 + 3 + (1 + 1 + 1));
    expect(itemSize({ s: { SS: ['a', 'bc'] } })).toBe(1 + 3);
  });
});
