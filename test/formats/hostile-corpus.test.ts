// The corpus of hostile and damaged inputs: the small files under
// test/fixtures/hostile/ and the large ones made on the fly. Each decodes to
// exactly the items and the located errors below, and no message is long.

import { describe, expect, it } from 'vitest';
import type { DecodeOptions } from '../../src/formats/decode.js';
import { MESSAGE_CHARS } from '../../src/formats/excerpt.js';
import { decode, fixture } from './helpers.js';
import { itemLines, nestedIonLine, nestedJsonLine, oneLongLine, truncatedGzip } from './hostile-inputs.js';

interface Case {
  input: () => Buffer | string;
  options?: Partial<DecodeOptions>;
  /** Lines of the items read. */
  items: number[];
  /** Code and line of each error, in order. */
  errors: [string, number][];
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const file = (name: string) => () => fixture(`hostile/${name}`);
const ION = { format: 'ION' } as const;
const CSV = { format: 'CSV', csv: { delimiter: ',' } } as const;

const CORPUS: Record<string, Case> = {
  'truncated.json.gz (cut at 90%)': {
    input: file('truncated.json.gz'),
    items: range(1, 179),
    errors: [['TRUNCATED_OBJECT', 180]],
  },
  'trailing-garbage.json.gz (17 bytes after the member)': {
    input: file('trailing-garbage.json.gz'),
    items: range(1, 100),
    errors: [['TRAILING_DATA', 101]],
  },
  'two-members.json.gz': { input: file('two-members.json.gz'), items: range(1, 60), errors: [] },
  'two-frames.json.zst': { input: file('two-frames.json.zst'), items: range(1, 60), errors: [] },
  'trailing-garbage.json.zst': {
    input: file('trailing-garbage.json.zst'),
    items: range(1, 100),
    errors: [['TRAILING_DATA', 101]],
  },
  'truncated.json.zst (its one block cut)': {
    input: file('truncated.json.zst'),
    items: [],
    errors: [['TRUNCATED_OBJECT', 1]],
  },
  'invalid-utf8.json': {
    input: file('invalid-utf8.json'),
    items: [1, 4],
    errors: [
      ['INVALID_UTF8', 2],
      ['INVALID_UTF8', 3],
      ['INVALID_UTF8', 5],
    ],
  },
  'invalid-utf8.ion': { input: file('invalid-utf8.ion'), options: ION, items: [1, 3], errors: [['INVALID_UTF8', 2]] },
  'invalid-utf8.csv': { input: file('invalid-utf8.csv'), options: CSV, items: [2, 4], errors: [['INVALID_UTF8', 3]] },
  'duplicate-names.json': {
    input: file('duplicate-names.json'),
    items: [1, 7],
    errors: [2, 3, 4, 5, 6].map((line) => ['DUPLICATE_ATTRIBUTE', line]),
  },
  'duplicate-fields.ion': {
    input: file('duplicate-fields.ion'),
    options: ION,
    items: [1, 5],
    errors: [2, 3, 4].map((line) => ['DUPLICATE_ATTRIBUTE', line]),
  },
  'duplicate-header.csv': {
    input: file('duplicate-header.csv'),
    options: CSV,
    items: [],
    errors: [['DUPLICATE_ATTRIBUTE', 1]],
  },
  'set-annotations.ion': {
    input: file('set-annotations.ion'),
    options: ION,
    items: [1, 6],
    errors: [
      ['INVALID_SET', 2],
      ['INVALID_SET', 3],
      ['INVALID_TYPE', 4],
      ['INVALID_SET', 5],
    ],
  },
  'huge-exponents.ion': {
    input: file('huge-exponents.ion'),
    options: ION,
    items: [1, 5],
    errors: [2, 3, 4].map((line) => ['INVALID_NUMBER', line]),
  },
  'huge-exponents.json': {
    input: file('huge-exponents.json'),
    items: [1, 5],
    errors: [2, 3, 4].map((line) => ['INVALID_NUMBER', line]),
  },
  'deep.json (3,000 levels)': { input: file('deep.json'), items: [2], errors: [['TOO_DEEPLY_NESTED', 1]] },
  'deep.ion (3,000 levels)': { input: file('deep.ion'), options: ION, items: [2], errors: [['TOO_DEEPLY_NESTED', 1]] },
  'proto.json': { input: file('proto.json'), items: [1], errors: [] },
  'a 50 MB line with no newline': {
    input: () => oneLongLine(50 * 1024 * 1024),
    items: [],
    errors: [['ITEM_TOO_LARGE', 1]],
  },
  'JSON nested 10,000 levels between good lines': {
    input: () => `${itemLines(1)}${nestedJsonLine(10_000)}\n${nestedJsonLine(10_000, 'L')}\n${itemLines(1)}`,
    items: [1, 4],
    errors: [
      ['TOO_DEEPLY_NESTED', 2],
      ['TOO_DEEPLY_NESTED', 3],
    ],
  },
  'Ion nested 10,000 levels between good lines': {
    input: () =>
      `$ion_1_0 {Item:{id:"a"}}\n${nestedIonLine(10_000)}\n${nestedIonLine(10_000, 'list')}\n$ion_1_0 {Item:{id:"b"}}`,
    options: ION,
    items: [1, 4],
    errors: [
      ['TOO_DEEPLY_NESTED', 2],
      ['TOO_DEEPLY_NESTED', 3],
    ],
  },
  'a gzip of 3,000 lines cut at 90%': (() => {
    const { bytes, wholeLines } = truncatedGzip(itemLines(3000));
    return { input: () => bytes, items: range(1, wholeLines), errors: [['TRUNCATED_OBJECT', wholeLines + 1]] };
  })(),
};

describe('the hostile corpus', () => {
  it.each(Object.entries(CORPUS))('%s', async (_name, { input, options, items, errors }) => {
    const decoded = await decode(input(), { compression: 'auto', ...options });
    expect(decoded.items.map((i) => i.line)).toEqual(items);
    expect(decoded.errors.map((e) => [e.code, e.line])).toEqual(errors);
    for (const error of decoded.errors) expect(error.message.length).toBeLessThan(MESSAGE_CHARS);
    expect(decoded.stats).toMatchObject({ items: items.length, errors: errors.length });
  });
});
