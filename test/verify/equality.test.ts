// DynamoDB's equality, as verify compares items: numbers by value, sets
// without order, binary by bytes, maps without key order, lists in order.

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { toDynamoJsonMap } from '../../src/formats/attribute-value.js';
import { differingAttributes, valuesEqual } from '../../src/verify/equality.js';
import { keyImage, keyText } from '../../src/verify/key.js';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('valuesEqual', () => {
  it.each<[string, AttributeValue, AttributeValue]>([
    ['1.0 and 1', { N: '1.0' }, { N: '1' }],
    ['1.50 and 1.5', { N: '1.50' }, { N: '1.5' }],
    ['1E2 and 100', { N: '1E2' }, { N: '100' }],
    ['-0 and 0', { N: '-0' }, { N: '0' }],
    ['0.00 and 0', { N: '0.00' }, { N: '0' }],
    [
      '38 digits by value',
      { N: '12345678901234567890123456789012345678' },
      { N: '1.2345678901234567890123456789012345678E37' },
    ],
    ['a string set in another order', { SS: ['a', 'b', 'c'] }, { SS: ['c', 'a', 'b'] }],
    ['a number set by value, in another order', { NS: ['1.0', '2'] }, { NS: ['2.00', '1'] }],
    ['a binary set in another order', { BS: [bytes(1), bytes(2, 3)] }, { BS: [bytes(2, 3), bytes(1)] }],
    ['binary by bytes', { B: bytes(0, 255) }, { B: bytes(0, 255) }],
    ['binary as bytes and as base64 text', { B: bytes(0, 1) }, { B: 'AAE=' as unknown as Uint8Array }],
    ['a map in another key order', { M: { a: { S: 'x' }, b: { N: '1' } } }, { M: { b: { N: '1.0' }, a: { S: 'x' } } }],
    ['lists of equal values', { L: [{ N: '1' }, { S: 'a' }] }, { L: [{ N: '1.0' }, { S: 'a' }] }],
    ['NULL', { NULL: true }, { NULL: true }],
    ['BOOL', { BOOL: false }, { BOOL: false }],
    ['an empty string', { S: '' }, { S: '' }],
    ['empty maps and lists', { M: { l: { L: [] }, m: { M: {} } } }, { M: { m: { M: {} }, l: { L: [] } } }],
  ])('%s are equal', (_, a, b) => {
    expect(valuesEqual(a, b)).toBe(true);
    expect(valuesEqual(b, a)).toBe(true);
  });

  it.each<[string, AttributeValue, AttributeValue]>([
    ['1 and 1.01', { N: '1' }, { N: '1.01' }],
    ['a number and its text', { N: '1' }, { S: '1' }],
    ['"1" and "1.0" as strings', { S: '1' }, { S: '1.0' }],
    ['lists in another order', { L: [{ N: '1' }, { N: '2' }] }, { L: [{ N: '2' }, { N: '1' }] }],
    ['a shorter list', { L: [{ N: '1' }] }, { L: [{ N: '1' }, { N: '1' }] }],
    ['sets of other members', { SS: ['a', 'b'] }, { SS: ['a', 'c'] }],
    ['a set with one more member', { NS: ['1'] }, { NS: ['1', '2'] }],
    ['other bytes', { B: bytes(1, 2) }, { B: bytes(1, 3) }],
    ['a string set and a list of the same strings', { SS: ['a'] }, { L: [{ S: 'a' }] }],
    ['a map with one more key', { M: { a: { S: 'x' } } }, { M: { a: { S: 'x' }, b: { S: 'y' } } }],
    ['maps that differ deep down', { M: { a: { M: { b: { N: '1' } } } } }, { M: { a: { M: { b: { N: '2' } } } } }],
    ['true and false', { BOOL: true }, { BOOL: false }],
    ['NULL and false', { NULL: true }, { BOOL: false }],
    ['case of a string', { S: 'a' }, { S: 'A' }],
  ])('%s differ', (_, a, b) => {
    expect(valuesEqual(a, b)).toBe(false);
    expect(valuesEqual(b, a)).toBe(false);
  });
});

describe('differingAttributes', () => {
  it('names the attributes on one side only and those with unequal values, sorted', () => {
    const source = { id: { S: 'a' }, price: { N: '1.50' }, name: { S: 'x' }, gone: { S: 'g' } };
    const table = { id: { S: 'a' }, price: { N: '1.5' }, name: { S: 'y' }, added: { BOOL: true } };
    expect(differingAttributes(source, table)).toEqual(['added', 'gone', 'name']);
  });

  it('is empty for equal items whatever the attribute order', () => {
    expect(
      differingAttributes({ a: { N: '1' }, b: { SS: ['x', 'y'] } }, { b: { SS: ['y', 'x'] }, a: { N: '1.0' } }),
    ).toEqual([]);
  });

  it('takes an attribute named __proto__ as an attribute', () => {
    const a = JSON.parse('{"id":{"S":"a"},"__proto__":{"S":"x"}}');
    const b = JSON.parse('{"id":{"S":"a"},"__proto__":{"S":"y"}}');
    expect(differingAttributes(a, b)).toEqual(['__proto__']);
    expect(differingAttributes(a, JSON.parse('{"id":{"S":"a"}}'))).toEqual(['__proto__']);
  });
});

describe('keyText', () => {
  const names = ['pk', 'sk'];
  it('is equal for keys DynamoDB takes as one: numbers by value', () => {
    expect(keyText({ pk: { S: 'a' }, sk: { N: '1.0' } }, names)).toBe(
      keyText({ pk: { S: 'a' }, sk: { N: '1' } }, names),
    );
  });

  it('differs for keys that a separator character would make look alike', () => {
    const one = keyText({ pk: { S: 'a\u0000Sb' }, sk: { S: 'c' } }, names);
    const two = keyText({ pk: { S: 'a' }, sk: { S: 'b\u0000Sc' } }, names);
    expect(one).not.toBe(two);
  });

  it('reads binary keys by their bytes', () => {
    const json = toDynamoJsonMap({ pk: { B: bytes(0, 1) } }) as never;
    expect(keyText(json, ['pk'])).toBe(keyText({ pk: { B: 'AAE=' } }, ['pk']));
  });

  it('gives the key attributes as DynamoDB JSON for the differences file', () => {
    expect(keyImage({ other: { S: 'o' }, sk: { N: '2' }, pk: { S: 'a' } }, names)).toBe(
      '{"pk":{"S":"a"},"sk":{"N":"2"}}',
    );
  });
});

describe('toDynamoJsonMap', () => {
  it('keeps an attribute named __proto__', () => {
    const item = JSON.parse('{"__proto__":{"S":"x"}}');
    expect(JSON.stringify(toDynamoJsonMap(item))).toBe('{"__proto__":{"S":"x"}}');
  });
});
