// The restore part of the job summary: the timeline table, the gantt chart
// with a gap marked, text from manifests escaped, and a long chain cut short.

import { describe, expect, it } from 'vitest';
import type { ChainReport, ChainRow } from '../src/restore/chain-report.js';
import type { TransferResult } from '../src/result.js';
import { renderSummary } from '../src/summary.js';
import { gantt, renderChain } from '../src/summary-chain.js';

const row = (id: string, from: string, to: string, extra: Partial<ChainRow> = {}): ChainRow => ({
  id,
  type: 'INCREMENTAL_EXPORT',
  folder: `s3://b/p/AWSDynamoDB/${id}/`,
  from,
  to,
  view: 'NEW_AND_OLD_IMAGES',
  action: 'apply',
  state: 'applied',
  engine: 'direct',
  counts: { processed: 3, puts: 2, deletes: 1, errors: 0 },
  ...extra,
});

const FULL = row('01772323200000-aaaaaaaa', '2026-03-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z', {
  type: 'FULL_EXPORT',
  action: 'import',
  counts: { processed: 30, puts: 30, deletes: 0, errors: 0 },
});
const W1 = row('01772326800000-bbbbbbbb', '2026-03-01T00:00:00.000Z', '2026-03-01T01:00:00.000Z');
const W3 = row('01772334000000-cccccccc', '2026-03-01T02:00:00.000Z', '2026-03-01T03:00:00.000Z', {
  state: 'not applied',
});
delete W3.counts;
delete W3.engine;

const chain: ChainReport = {
  direction: 'apply',
  tableArn: 'arn:aws:dynamodb:eu-west-1:1:table/Orders|<script>',
  rows: [FULL, W1, W3],
  leftOut: [
    {
      id: '01772330400000-dddddddd',
      folder: 's3://b/p/AWSDynamoDB/01772330400000-dddddddd/',
      type: 'INCREMENTAL_EXPORT',
      from: '2026-03-01T01:00:00.000Z',
      to: '2026-03-01T02:00:00.000Z',
      why: 'an export of another table (arn:aws:dynamodb:eu-west-1:1:table/x|`y`)',
    },
  ],
  unfinished: ['s3://b/p/AWSDynamoDB/01772340000000-eeeeeeee/'],
  restoredTo: '2026-03-01T01:00:00.000Z',
  notes: [],
  gap: {
    after: W1.id,
    before: W3.id,
    from: '2026-03-01T01:00:00.000Z',
    to: '2026-03-01T02:00:00.000Z',
  },
};

const result: TransferResult = {
  mode: 'import',
  engine: 'direct',
  engineReason: 'r',
  status: 'FAILED',
  durationSeconds: 1,
  errors: [],
  processedItemCount: 33,
  importedItemCount: 33,
  errorCount: 0,
  putCount: 32,
  deleteCount: 1,
  chain,
};

describe('the restore chain in the summary', () => {
  it('shows the timeline, what was left out, and the gap', () => {
    const markdown = renderChain(result) ?? '';
    expect(markdown).toContain(
      'Not restored: **2026-03-01T01:00:00.000Z** (restore-to: latest), exports of <code>arn:aws:dynamodb:eu-west-1:1:table/Orders&#124;&lt;script&gt;</code>. **32** put, **1** deleted, **0** error(s) of 33 record(s).',
    );
    expect(markdown).toContain(
      '| 1 | <code>01772323200000-aaaaaaaa</code> | full | as of 2026-03-01T00:00:00.000Z | import | direct | 30 | 0 | 0 | applied |',
    );
    expect(markdown).toContain(
      '| 3 | <code>01772334000000-cccccccc</code> | incremental (NEW_AND_OLD_IMAGES) | 2026-03-01T02:00:00.000Z → 2026-03-01T03:00:00.000Z | apply |  |  |  |  | not applied |',
    );
    expect(markdown).toContain(
      '**Gap:** no export covers 2026-03-01T01:00:00.000Z → 2026-03-01T02:00:00.000Z, between <code>01772326800000-bbbbbbbb</code> and <code>01772334000000-cccccccc</code>.',
    );
    expect(markdown).toContain('an export of another table (arn:aws:dynamodb:eu-west-1:1:table/x\\|\\`y\\`)');
    expect(markdown).toContain('an export that has not finished');
    expect(markdown).not.toContain('<script>');
  });

  it('draws the windows as a gantt chart, the full export as a milestone and the gap as a critical bar', () => {
    expect(gantt(chain)).toBe(
      [
        '```mermaid',
        'gantt',
        '    title Exports applied (UTC)',
        '    dateFormat YYYY-MM-DD HH:mm:ss',
        '    axisFormat %m-%d %H:%M',
        '    section Exports',
        '    full 01772323200000-aaaaaaaa :milestone, done, e0, 2026-03-01 00:00:00, 0d',
        '    01772326800000-bbbbbbbb :done, e1, 2026-03-01 00:00:00, 2026-03-01 01:00:00',
        '    01772334000000-cccccccc :e2, 2026-03-01 02:00:00, 2026-03-01 03:00:00',
        '    section Gap',
        '    no export :crit, gap, 2026-03-01 01:00:00, 2026-03-01 02:00:00',
        '```',
      ].join('\n'),
    );
  });

  it('cuts a chain of a year of hourly exports short, and the summary stays small', () => {
    const hours = Array.from({ length: 24 * 365 }, (_, h) => {
      const from = new Date(Date.UTC(2026, 0, 1, h)).toISOString();
      const to = new Date(Date.UTC(2026, 0, 1, h + 1)).toISOString();
      return row(`0${String(1767225600000 + h * 3_600_000).padStart(13, '0')}-0000abcd`, from, to);
    });
    const long = {
      ...result,
      status: 'COMPLETED' as const,
      chain: { ...chain, rows: hours, leftOut: [], unfinished: [] },
    };
    const markdown = renderSummary(long, { ok: true, message: '' });
    expect(markdown).toContain(`The first ${(hours.length - 200).toLocaleString('en-US')} export(s) are not shown`);
    expect(markdown.match(/ :done, e\d+, /g)).toHaveLength(100);
    expect(Buffer.byteLength(markdown)).toBeLessThan(100_000);
  });

  it('is absent for an ordinary import', () => {
    expect(renderChain({ ...result, chain: undefined } as unknown as TransferResult)).toBeUndefined();
  });
});
