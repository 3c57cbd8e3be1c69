// The verdict of a comparison in plain words, for each way it can end.

import { describe, expect, it } from 'vitest';
import type { VerificationResult } from '../src/result.js';
import { verdict, verificationSection } from '../src/summary-verify.js';

const base: VerificationResult = {
  status: 'COMPLETED',
  against: 'export',
  source: 's3://b/p/',
  tableName: 'T',
  tableItems: 1_000_000,
  sourceRecords: 1_000_000,
  unreadable: 0,
  duplicateKeys: 0,
  matched: 1_000_000,
  missing: 0,
  extra: 0,
  different: 0,
  first: [],
  partitions: { done: 53, total: 53 },
  durationSeconds: 300,
};

describe('verdict', () => {
  it.each<[string, Partial<VerificationResult>, string]>([
    ['a match', {}, 'The table matches the export: 1,000,000 item(s), 0 differences.'],
    [
      'differences',
      { against: 'source', matched: 990, missing: 3, extra: 2, different: 5 },
      'The table does not match the source: 3 missing, 2 extra, 5 different, 990 matched.',
    ],
    [
      'unreadable records',
      { unreadable: 4 },
      'The table matches the export: 1,000,000 item(s), 0 differences; 4 source record(s) could not be read as items and were not compared.',
    ],
    [
      'a cancel',
      { status: 'CANCELLED', partitions: { done: 3, total: 53 }, missing: 1 },
      'The comparison was cancelled after 3 of 53 partition(s): 1 difference(s) so far.',
    ],
    [
      'a failure',
      { status: 'FAILED', failure: 'READ_FAILED: Scan of T still failed' },
      'The comparison did not finish (READ_FAILED: Scan of T still failed): 0 difference(s) so far.',
    ],
  ])('says so for %s', (_, change, sentence) => {
    expect(verdict({ ...base, ...change })).toBe(sentence);
  });
});

describe('verificationSection', () => {
  it('clips a hostile key and escapes attribute names', () => {
    const markdown = verificationSection({
      ...base,
      different: 1,
      first: [{ kind: 'different', key: `{"pk":{"S":"${'x'.repeat(5000)}"}}`, attributes: ['<img src=x>', 'a|b'] }],
    });
    expect(markdown).not.toContain('x'.repeat(300));
    expect(markdown).toContain('&lt;img src=x&gt;');
    expect(markdown).toContain('a&#124;b');
    expect(markdown).toContain('### ❌ Verification: the table does not match the export');
  });
});
