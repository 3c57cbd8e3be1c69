import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../src/markdown.js';
import { formatBytes, renderStartFailure, renderSummary } from '../src/summary.js';
import type { TransferResult } from '../src/result.js';

const base: TransferResult = {
  mode: 'import',
  engine: 'direct',
  engineReason: 'endpoint-url is set',
  status: 'COMPLETED',
  tableName: 'Orders',
  source: 's3://backups/in/',
  processedItemCount: 1200,
  importedItemCount: 1198,
  errorCount: 2,
  processedSizeBytes: 3 * 1024 * 1024,
  durationSeconds: 4,
  errors: [
    { location: 's3://backups/in/a.json:17', code: 'MISSING_KEY', message: 'item has no id' },
    {
      location: 's3://backups/in/a.json:40',
      code: 'INVALID_NUMBER',
      message: 'price: "1,5" is not a valid DynamoDB number',
    },
  ],
  rejectedItems: '/tmp/rejected.jsonl',
};

describe('renderSummary', () => {
  it('counts changes applied as puts and deletes, not as items imported', () => {
    const summary = renderSummary(
      { ...base, processedItemCount: 10, importedItemCount: 10, errorCount: 0, putCount: 9, deleteCount: 1 },
      { ok: true, message: '' },
    );
    expect(summary).toContain('| **Items put** | 9 |');
    expect(summary).toContain('| **Items deleted** | 1 |');
    expect(summary).not.toContain('Items imported');
  });

  it('puts no ✅ over a comparison that found differences within max-errors', () => {
    const verification: NonNullable<TransferResult['verification']> = {
      status: 'COMPLETED',
      against: 'source',
      source: 's3://backups/in/',
      tableName: 'Orders',
      tableItems: 1_200,
      sourceRecords: 1_200,
      unreadable: 0,
      duplicateKeys: 0,
      matched: 1_198,
      missing: 2,
      extra: 0,
      different: 0,
      first: [],
      partitions: { done: 1, total: 1 },
      durationSeconds: 1,
    };
    const summary = renderSummary({ ...base, verification }, { ok: true, message: '' });
    expect(summary).toMatch(
      /^## ⚠️ Import of <code>Orders<\/code> completed, with 2 difference\(s\) within max-errors\n/,
    );
    expect(summary).toContain('### ❌ Verification: the table does not match the source');
    const matching = { ...verification, matched: 1_200, missing: 0 };
    expect(renderSummary({ ...base, verification: matching }, { ok: true, message: '' })).toMatch(/^## ✅ Import/);
  });

  it('shows the whole reason a step failed, what to do included, well past 500 characters', () => {
    const why = `CHAIN_GAP: ${'the exports leave a gap; '.repeat(30)}what to do: export the missing window.`;
    const summary = renderSummary(base, { ok: false, message: why });
    expect(summary).toContain('what to do: export the missing window.');
  });

  it('shows outcome, engine, counts, throughput and the first errors', () => {
    expect(renderSummary(base, { ok: true, message: '' })).toBe(
      [
        '## ✅ Import of <code>Orders</code> completed',
        '',
        '| **Mode** | import |',
        '| --- | --- |',
        '| **Engine** | direct (endpoint-url is set) |',
        '| **Table** | <code>Orders</code> |',
        '| **Source** | <code>s3://backups/in/</code> |',
        '| **Status** | COMPLETED |',
        '| **Items processed** | 1,200 |',
        '| **Items imported** | 1,198 |',
        '| **Errors** | 2 |',
        '| **Bytes read (decompressed)** | 3.0 MiB |',
        '| **Duration** | 4s |',
        '| **Throughput** | 300 items/s, 768.0 KiB/s |',
        '| **Rejected items** | <code>/tmp/rejected.jsonl</code> |',
        '',
        '### First errors (2 of 2)',
        '',
        '| Where | Code | Reason |',
        '| --- | --- | --- |',
        '| <code>s3://backups/in/a.json:17</code> | <code>MISSING_KEY</code> | item has no id |',
        '| <code>s3://backups/in/a.json:40</code> | <code>INVALID_NUMBER</code> | price: &quot;1,5&quot; is not a valid DynamoDB number |',
        '',
      ].join('\n'),
    );
  });

  it('says why a step failed and where the rest of the errors are', () => {
    const many = { ...base, errorCount: 25 };
    const markdown = renderSummary(many, {
      ok: false,
      message: '25 item(s) could not be imported, more than max-errors (0).',
    });
    expect(markdown).toContain('## ❌ Import of <code>Orders</code> failed');
    expect(markdown).toContain('**Why the step failed:** 25 item(s) could not be imported, more than max-errors (0).');
    expect(markdown).toContain('23 more not shown; all are in <code>/tmp/rejected.jsonl</code>.');
  });

  it('shows a job still running', () => {
    const markdown = renderSummary(
      { ...base, status: 'IN_PROGRESS', errors: [], jobArn: 'arn:aws:dynamodb:x:1:table/Orders/import/01' },
      { ok: true, message: '' },
    );
    expect(markdown.split('\n')[0]).toBe('## ⏳ Import of <code>Orders</code> is in progress');
  });

  it('escapes names and messages from the data', () => {
    const hostile = {
      ...base,
      tableName: 'a|b<script>',
      errors: [{ location: 'k`|x', code: 'C', message: '**bold** | <img src=x>\nnext' }],
    };
    const markdown = renderSummary(hostile, { ok: true, message: '' });
    expect(markdown).toContain('<code>a&#124;b&lt;script&gt;</code>');
    expect(markdown).toContain(
      '| <code>k&#96;&#124;x</code> | <code>C</code> | \\*\\*bold\\*\\* \\| &lt;img src=x&gt;<br>next |',
    );
    expect(markdown).not.toContain('<script>');
    expect(markdown).not.toContain('<img');
  });
});

describe('renderStartFailure', () => {
  it('says nothing was read or written', () => {
    expect(renderStartFailure('Input "mode" is "x"; expected one of export, import, validate.')).toBe(
      '## ❌ dynamodb-s3-transfer did not start\n\nInput &quot;mode&quot; is &quot;x&quot;; expected one of export, import, validate.\n\nNothing was read or written.\n',
    );
  });
});

describe('formatting helpers', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KiB'],
    [5 * 1024 ** 3, '5.0 GiB'],
  ])('formatBytes(%d) is %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));

  it('escapes Markdown punctuation and HTML', () => {
    expect(escapeMarkdown('a_b *c* [d](e) <f> & #g')).toBe('a\\_b \\*c\\* \\[d\\](e) &lt;f&gt; &amp; \\#g');
  });
});

describe('hostile content in the summary', () => {
  it('clips echoed item content and stays under GitHub’s 1 MiB limit whatever the input', () => {
    const huge = `1${'0'.repeat(400_000_000 / 1000)}`; // a number expanded from 1d400000 would be this and more
    const result: TransferResult = {
      ...base,
      errors: Array.from({ length: 10 }, (_, i) => ({
        location: `s3://backups/${'k'.repeat(5000)}:${i}`,
        code: 'INVALID_NUMBER',
        message: `n: "${huge}" is not a valid DynamoDB number`,
      })),
      warnings: Array.from({ length: 5000 }, (_, i) => `warning ${i}: ${huge}`),
      note: huge,
    };
    const summary = renderSummary(result, { ok: false, message: `TOO_MANY_ERRORS: ${huge}` });
    expect(Buffer.byteLength(summary)).toBeLessThan(1024 * 1024);
    expect(summary).toContain('more characters)');
    expect(summary).toContain('- and 4,980 more');
    expect(summary).not.toContain('0'.repeat(2000));
  });

  it('cuts a summary that is still too large and says so', () => {
    const result: TransferResult = { ...base, tableName: 'T'.repeat(600 * 1024) };
    const summary = renderSummary(result, { ok: true, message: '' });
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(512 * 1024);
    expect(summary).toMatch(/The summary was cut at 512\.0 KiB; the log has the rest\._\n$/);
  });
});

describe('labels', () => {
  it.each([
    ['direct', 'export', 'Bytes written (compressed)'],
    ['direct', 'import', 'Bytes read (decompressed)'],
    ['direct', 'validate', 'Bytes read (decompressed)'],
    ['managed', 'export', 'Billed size'],
    ['managed', 'import', 'Bytes processed by AWS'],
  ] as const)('%s %s says what its byte count measures: %s', (engine, mode, label) => {
    expect(renderSummary({ ...base, engine, mode }, { ok: true, message: '' })).toContain(`| **${label}** |`);
  });
});
