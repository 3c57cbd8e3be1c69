// The input reader on its own: action.yml's defaults filled in by the reader,
// a bad value reported once and replaced by the parsed default.

import { describe, expect, it } from 'vitest';
import { InputDefault } from '../src/constants.js';
import { InputError } from '../src/errors.js';
import { InputReader } from '../src/inputs/reader.js';
import { InvalidValue, parseInteger } from '../src/parsing/values.js';

const concurrency = (v: string): number => parseInteger(v, 1, 256);

function problemsOf(r: InputReader): string[] {
  try {
    r.throwIfAny();
    return [];
  } catch (error) {
    return (error as InputError).problems.map((p) => p.message);
  }
}

describe('parseDefaulted', () => {
  it('parses the value given', () => {
    const r = new InputReader({ INPUT_CONCURRENCY: ' 64 ' });
    expect(r.parseDefaulted('concurrency', concurrency)).toBe(64);
    expect(problemsOf(r)).toEqual([]);
  });

  it.each([
    ['unset', {}],
    ['empty', { INPUT_CONCURRENCY: '' }],
    ['blank', { INPUT_CONCURRENCY: '   ' }],
  ])('parses action.yml default when the input is %s', (_, env) => {
    const r = new InputReader(env);
    expect(r.parseDefaulted('concurrency', concurrency)).toBe(Number(InputDefault.concurrency));
    expect(problemsOf(r)).toEqual([]);
  });

  it('reports a bad value and gives the parsed default in its place', () => {
    const r = new InputReader({ INPUT_CONCURRENCY: '0' });
    expect(r.parseDefaulted('concurrency', concurrency)).toBe(16);
    expect(problemsOf(r)).toEqual(['Input "concurrency" is "0"; expected a whole number from 1 to 256.']);
    expect(r.hasProblem('concurrency')).toBe(true);
    expect(r.hasProblem('wait')).toBe(false);
  });

  it('keeps spaces when asked, for the CSV delimiter', () => {
    const r = new InputReader({ 'INPUT_CSV-DELIMITER': ' ' });
    expect(r.parseDefaulted('csv-delimiter', (v) => v, { untrimmed: true })).toBe(' ');
    expect(r.untrimmedChangedFromDefault('csv-delimiter')).toBe(true);
    expect(new InputReader({}).untrimmedChangedFromDefault('csv-delimiter')).toBe(false);
  });

  it('fails loudly when a parser refuses its own default, which would be a bug', () => {
    const r = new InputReader({ INPUT_WAIT: 'maybe' });
    expect(() =>
      r.parseDefaulted('wait', () => {
        throw new InvalidValue('yes or no');
      }),
    ).toThrow('The default of input wait, "true", does not parse: expected yes or no');
  });
});

describe('parse', () => {
  it('is undefined for an input without a value, and reports a bad one', () => {
    const r = new InputReader({ 'INPUT_TABLE-NAME': 'x' });
    expect(r.parse('bucket', (v) => v)).toBeUndefined();
    expect(
      r.parse('table-name', () => {
        throw new InvalidValue('a longer name');
      }),
    ).toBeUndefined();
    expect(problemsOf(r)).toEqual(['Input "table-name" is "x"; expected a longer name.']);
  });
});
