import { describe, expect, it } from 'vitest';
import {
  InvalidValue,
  formatDuration,
  parseBoolean,
  parseDuration,
  parseEnum,
  parseInteger,
  parseTime,
} from '../../src/parsing/values.js';

const NOW = new Date('2026-01-15T12:00:00Z');

describe('parseEnum', () => {
  it.each([
    ['dynamodb-json', 'DYNAMODB_JSON'],
    ['DynamoDB_Json', 'DYNAMODB_JSON'],
    [' ion ', 'ION'],
    ['Csv', 'CSV'],
  ])('%j is %s', (raw, expected) => {
    expect(parseEnum(raw, ['DYNAMODB_JSON', 'ION', 'CSV'])).toBe(expected);
  });

  it('names what is accepted', () => {
    expect(() => parseEnum('xml', ['DYNAMODB_JSON', 'ION'])).toThrow(new InvalidValue('one of DYNAMODB_JSON, ION'));
  });
});

describe('parseInteger', () => {
  it('accepts the range inclusive', () => {
    expect(parseInteger('1', 1, 256)).toBe(1);
    expect(parseInteger('256', 1, 256)).toBe(256);
  });
  it.each(['0', '257', '-1', '1.5', '1e2', 'ten', ''])('refuses %j', (raw) => {
    expect(() => parseInteger(raw, 1, 256)).toThrow('a whole number from 1 to 256');
  });
});

describe('parseBoolean', () => {
  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
  ])('%j is %s', (raw, expected) => expect(parseBoolean(raw)).toBe(expected));
  it.each(['yes', '1', 'on', 'tru'])('refuses %j', (raw) => expect(() => parseBoolean(raw)).toThrow('true or false'));
});

describe('parseDuration', () => {
  const any = (raw: string): number => parseDuration(raw, 0, Number.MAX_SAFE_INTEGER, 'any');
  it.each([
    ['10s', 10_000],
    ['90m', 5_400_000],
    ['6h', 21_600_000],
    ['1h30m', 5_400_000],
    ['1d', 86_400_000],
    ['500ms', 500],
    ['1.5h', 5_400_000],
    ['45', 45_000],
    ['2H', 7_200_000],
  ])('%j is %d ms', (raw, ms) => expect(any(raw)).toBe(ms));

  it.each(['', 'h', '10 minutes', '-5s', '5x', '1h-30m'])('refuses %j', (raw) => {
    expect(() => any(raw)).toThrow(InvalidValue);
  });

  it('checks the range and says it', () => {
    expect(() => parseDuration('61s', 1000, 60_000, 'from 1s to 60s')).toThrow(
      'a duration such as 10s, 90m, 2h or 1h30m, from 1s to 60s',
    );
  });
});

describe('parseTime', () => {
  it.each([
    ['now', '2026-01-15T12:00:00.000Z'],
    ['NOW', '2026-01-15T12:00:00.000Z'],
    ['-24h', '2026-01-14T12:00:00.000Z'],
    ['-1h30m', '2026-01-15T10:30:00.000Z'],
    ['1767225600', '2026-01-01T00:00:00.000Z'],
    ['1767225600.5', '2026-01-01T00:00:00.500Z'],
    ['2026-01-10', '2026-01-10T00:00:00.000Z'],
    ['2026-01-10T08:30:00Z', '2026-01-10T08:30:00.000Z'],
    ['2026-01-10T08:30:00', '2026-01-10T08:30:00.000Z'],
    ['2026-01-10T08:30', '2026-01-10T08:30:00.000Z'],
    ['2026-01-10T08:30:00+02:00', '2026-01-10T06:30:00.000Z'],
    ['2026-01-10T08:30:00.250-0500', '2026-01-10T13:30:00.250Z'],
    ['2026-01-10 08:30:00Z', '2026-01-10T08:30:00.000Z'],
  ])('%j is %s', (raw, iso) => expect(parseTime(raw, NOW).toISOString()).toBe(iso));

  it.each(['yesterday', '2026-13-01', '2026-01-10T25:00:00Z', '+1h', '10/01/2026', ''])('refuses %j', (raw) => {
    expect(() => parseTime(raw, NOW)).toThrow(InvalidValue);
  });

  it('refuses epoch milliseconds and says why', () => {
    expect(() => parseTime('1767225600000', NOW)).toThrow('this looks like milliseconds');
  });
});

describe('formatDuration', () => {
  it.each([
    [500, '500ms'],
    [1000, '1s'],
    [5_400_000, '1h30m'],
    [90_061_000, '1d1h1m1s'],
  ])('%d ms is %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
