import { describe, expect, it } from 'vitest';
import {
  checkNumber,
  fromDynamoJson,
  fromDynamoJsonMap,
  numberValue,
  toDynamoJsonMap,
} from '../../src/formats/attribute-value.js';

describe('fromDynamoJson', () => {
  it('reads every type, binary as bytes and numbers as strings', () => {
    const item = fromDynamoJsonMap({
      s: { S: 'text' },
      n: { N: '12345678901234567890123456789012345678' },
      b: { B: 'AAEC/w==' },
      t: { BOOL: true },
      z: { NULL: true },
      l: { L: [{ S: 'a' }, { N: '1' }] },
      m: { M: { inner: { BS: ['AQ=='] } } },
      ss: { SS: ['a', 'b'] },
      ns: { NS: ['1', '2.5'] },
    });
    expect(item.n).toEqual({ N: '12345678901234567890123456789012345678' });
    expect(Array.from(item.b?.B ?? [])).toEqual([0, 1, 2, 255]);
    expect(item.b?.B).toBeInstanceOf(Uint8Array);
    expect(Array.from(item.m?.M?.inner?.BS?.[0] ?? [])).toEqual([1]);
    expect(item.l).toEqual({ L: [{ S: 'a' }, { N: '1' }] });
  });

  it('round-trips through toDynamoJsonMap', () => {
    const json = { a: { M: { b: { L: [{ B: '/w==' }, { NS: ['1e5'] }, { NULL: true }] } } } };
    expect(toDynamoJsonMap(fromDynamoJsonMap(structuredClone(json)))).toEqual(json);
  });

  it.each([
    [{ X: '1' }, 'INVALID_TYPE', 'expected a type tag of S, N, B, BOOL, NULL, L, M, SS, NS, BS, not "X"'],
    [
      { S: 'a', N: '1' },
      'INVALID_TYPE',
      'expected exactly one type tag (S, N, B, BOOL, NULL, L, M, SS, NS, BS), not 2',
    ],
    [{}, 'INVALID_TYPE', 'expected exactly one type tag (S, N, B, BOOL, NULL, L, M, SS, NS, BS), not 0'],
    ['text', 'INVALID_TYPE', 'expected a type-tagged object such as {"S": "text"}'],
    [{ N: 12 }, 'INVALID_TYPE', 'expected N to hold a string'],
    [
      { N: 'abc' },
      'INVALID_NUMBER',
      '"abc" is not a valid DynamoDB number (expected digits with an optional sign, point and exponent)',
    ],
    [{ B: 'not base64!' }, 'INVALID_BINARY', '"not base64!" is not valid base64'],
    [{ SS: [] }, 'INVALID_SET', 'One or more parameter values were invalid: An SS set may not be empty'],
    [{ SS: ['a', 'a'] }, 'INVALID_SET', 'Input collection SS contains duplicates'],
    [{ NS: ['1', '1.0'] }, 'INVALID_SET', 'Input collection NS contains duplicates'],
    [{ NS: ['2', '3', '-0.5', '-5E-1'] }, 'INVALID_SET', 'Input collection NS contains duplicates'],
    [{ NS: ['1', 2] }, 'INVALID_TYPE', 'expected NS to hold a list of strings'],
  ])('refuses %j with %s', (value, code, message) => {
    expect(() => fromDynamoJson(value)).toThrow(expect.objectContaining({ code, message }));
  });

  it('names the path of a bad nested value', () => {
    const bad = { Credits: { M: { Takes: { L: [{ N: '1' }, { S: 'two' }, { M: { deep: { N: 'x' } } }] } } } };
    expect(() => fromDynamoJsonMap(bad)).toThrow(
      expect.objectContaining({
        code: 'INVALID_NUMBER',
        path: 'Credits.Takes[2].deep',
        message:
          'Credits.Takes[2].deep: "x" is not a valid DynamoDB number (expected digits with an optional sign, point and exponent)',
      }),
    );
  });
});

describe('numberValue', () => {
  it.each([
    ['1', '1e0'],
    ['1.0', '1e0'],
    ['001.500', '15e0'],
    ['1E0', '1e0'],
    ['0.01', '1e-2'],
    ['1e-2', '1e-2'],
    ['-12.5e3', '-125e4'],
    ['+120', '12e2'],
    ['0.000', '0'],
    ['-0', '0'],
  ])('%s has the value %s', (text, value) => expect(numberValue(text)).toBe(value));

  it('keeps numbers that differ in the 38th digit apart', () => {
    expect(numberValue('1234567890123456789012345678901234567.8')).not.toBe(
      numberValue('1234567890123456789012345678901234567.9'),
    );
  });

  it('accepts different numbers in a set', () => {
    expect(fromDynamoJson({ NS: ['1', '10', '0.1', '-1'] })).toEqual({ NS: ['1', '10', '0.1', '-1'] });
  });
});

describe('checkNumber', () => {
  it.each([
    '0',
    '-0',
    '0.000',
    '1e125',
    '9.9999999999999999999999999999999999999E+125',
    '1E-130',
    '-1.5e-3',
    '.5',
    '5.',
    '12345678901234567890123456789012345678',
    '1234567890123456789012345678901234567800000',
  ])('accepts %s', (n) => expect(checkNumber(n)).toBe(n));

  it.each([
    ['123456789012345678901234567890123456789', 'more than 38 significant digits'],
    ['1e126', 'larger than'],
    ['1e-131', 'smaller than 1E-130'],
    [`0.${'0'.repeat(130)}1`, 'smaller than 1E-130'],
    ['NaN', 'expected digits'],
    ['Infinity', 'expected digits'],
    ['1,5', 'expected digits'],
    ['', 'expected digits'],
  ])('refuses %s', (n, why) => expect(() => checkNumber(n)).toThrow(why));
});
