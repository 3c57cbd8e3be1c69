// Records DynamoDB refuses, through the built action (issue 23 #13, #17,
// #18): validate refuses exactly what an import refuses, with the same codes
// and lines, on each codec path (DynamoDB JSON passed through as bytes or
// decoded, Ion, CSV); the import writes the rest; the rejected-items file
// keeps the source's text; the first errors are in the log whatever the
// source; Ion annotations an item has no place for are counted and named.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { newBucket, runLocal, s3, scanAll } from '../direct/helpers.js';
import { uniqueName, useLocalCredentials } from '../local-aws.js';
import type { ActionRun } from '../run-action.js';

interface Rejected {
  Item?: unknown;
  error: { code: string; message: string };
  source: { object: string; line?: number; itemIndex?: number; text?: string };
}

function readRejects(file: string): Rejected[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Rejected);
}

/** The same source validated, then imported into a new table; both with their rejected items. */
async function validateAndImport(source: Record<string, string>) {
  const folder = mkdtempSync(join(tmpdir(), 'trust-records-'));
  const table = uniqueName('trust');
  const common = { 'table-name': table, 'max-errors': '100', ...source };
  const validate = await runLocal({ mode: 'validate', 'rejected-items': join(folder, 'validate.jsonl'), ...common });
  const imported = await runLocal({ mode: 'import', 'rejected-items': join(folder, 'import.jsonl'), ...common });
  return {
    validate,
    imported,
    table,
    rejected: {
      validate: readRejects(join(folder, 'validate.jsonl')),
      import: readRejects(join(folder, 'import.jsonl')),
    },
  };
}

const counts = (run: ActionRun) => [
  run.outputs['processed-item-count'],
  run.outputs['imported-item-count'],
  run.outputs['error-count'],
];
const where = (rejected: Rejected[]) => rejected.map((r) => [r.source.line, r.error.code]);

/** The log's lines, as the runner splits them. */
const logLines = (run: ActionRun) => run.log.split(/\r?\n/);

beforeAll(() => useLocalCredentials());

/** Beside Item, a member the byte check leaves to the full decoder: the same record, decoded. */
const decoded = (line: string) => `${line.slice(0, -1)},"via":"decoder"}`;

const JSON_LINES: [string, string | undefined][] = [
  ['{"Item":{"id":{"S":"good-1"}}}', undefined],
  ['{"Item":{"id":{"S":"bs"},"b":{"BS":["AA==","AB=="]}}}', 'INVALID_SET'],
  ['{"Item":{"id":{"S":"empty"},"":{"S":"x"}}}', 'EMPTY_ATTRIBUTE_NAME'],
  ['{"Item":{"id":{"S":"zero"},"n":{"N":"0e99999999999999999999"}}}', 'INVALID_NUMBER'],
  ['{"Item":{"id":{"S":"ns"},"n":{"NS":["1","1.0"]}}}', 'INVALID_SET'],
  [decoded('{"Item":{"id":{"S":"bs"},"b":{"BS":["AA==","AB=="]}}}'), 'INVALID_SET'],
  [decoded('{"Item":{"id":{"S":"empty"},"":{"S":"x"}}}'), 'EMPTY_ATTRIBUTE_NAME'],
  [decoded('{"Item":{"id":{"S":"zero"},"n":{"N":"0e99999999999999999999"}}}'), 'INVALID_NUMBER'],
  ['{"Item":{"id":{"S":"nested"},"m":{"M":{"":{"S":"x"}}}}}', 'EMPTY_ATTRIBUTE_NAME'],
  ['{"Item":{"id":{"S":"good-b"},"b":{"B":"AB=="},"z":{"N":"0e2147483647"}}}', undefined],
  ['{"Item":{"id":{"S":"good-bs"},"b":{"BS":["AA==","AQ=="]},"n":{"NS":["0","1"]}}}', undefined],
  ['{"Item":{"id":{"S":"inject"},"x\\n::warning::injected":{"N":"0e2147483648"}}}', 'INVALID_NUMBER'],
];

describe('records DynamoDB refuses', () => {
  let bucket: string;
  beforeAll(async () => {
    bucket = await newBucket();
    const body = JSON_LINES.map(([line]) => line).join('\n');
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: 'refused/items.json', Body: body }));
  });

  it('DynamoDB JSON from S3: validate refuses what an import refuses, on both paths; the import writes the rest', async () => {
    const { validate, imported, table, rejected } = await validateAndImport({
      bucket,
      prefix: 'refused/',
      'partition-key': 'id:S',
      engine: 'direct',
    });
    const expected = JSON_LINES.flatMap(([, code], i) => (code === undefined ? [] : [[i + 1, code]]));
    expect(validate.exitCode, validate.log).toBe(0);
    expect(imported.exitCode, imported.log).toBe(0);
    expect(counts(validate)).toEqual(['12', '3', '9']);
    expect(counts(imported)).toEqual(['12', '3', '9']);
    expect(where(rejected.validate)).toEqual(expected);
    expect(where(rejected.import)).toEqual(expected);
    // Each keeps the record as the source wrote it.
    for (const r of rejected.import) expect(r.source.text).toBe(JSON_LINES[(r.source.line ?? 0) - 1]?.[0]);
    const items = await scanAll(table);
    expect(items.map((i) => i.id?.S)).toEqual(['good-1', 'good-b', 'good-bs']);
    expect(Array.from(items[1]?.b?.B ?? [])).toEqual([0]);
    expect(items[1]?.z).toEqual({ N: '0' });

    // The log says what the summary says: code, object, line and reason, for an S3 source too.
    const object = `s3://${bucket}/refused/items.json`;
    for (const run of [validate, imported]) {
      expect(run.log).toContain('First errors (9 of 9):');
      expect(run.log).toContain(`- ${object}:2 INVALID_SET: b: Input collection BS contains duplicates`);
      expect(run.log).toContain(`- ${object}:3 EMPTY_ATTRIBUTE_NAME: an attribute name is empty`);
      expect(run.log).toMatch(new RegExp(`- ${object}:4 INVALID_NUMBER: n: "0e9+" is not a valid DynamoDB number`));
      // A name from the source never starts a line of its own, where it would be a workflow command.
      expect(logLines(run).filter((line) => line.includes('injected'))).toEqual([
        expect.stringMatching(/^- .*:12 INVALID_NUMBER: x\\u000a::warning::injected: /),
      ]);
    }
  });

  it('the log lists the first 10 errors of many, with how many more and where they all are', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'trust-many-'));
    const lines = Array.from({ length: 25 }, (_, i) => `{"Item":{"id":{"S":"k${i}"},"":{"S":"x"}}}`);
    writeFileSync(join(folder, 'items.json'), lines.join('\n'));
    const rejects = join(mkdtempSync(join(tmpdir(), 'trust-many-rejects-')), 'rejected.jsonl');
    const run = await runLocal({
      mode: 'validate',
      path: folder,
      'table-name': uniqueName('never'),
      'partition-key': 'id:S',
      'rejected-items': rejects,
      'max-errors': '100',
    });
    expect(run.exitCode, run.log).toBe(0);
    expect(run.log).toContain('First errors (10 of 25):');
    expect(logLines(run).filter((line) => line.includes(' EMPTY_ATTRIBUTE_NAME: '))).toHaveLength(10);
    expect(run.log).toContain(`15 more not shown; all are in ${rejects}.`);
    expect(run.summary).toContain('### First errors (10 of 25)');
  });

  it('Ion outside the workspace: the same refusals both ways, and dropped annotations counted and named', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'trust-ion-'));
    const ion = [
      '$ion_1_0 {Item:{id:"good-1", tag:note::"x", n:units::5.}}',
      `$ion_1_0 {Item:{id:"empty", '':"x"}}`,
      '$ion_1_0 {Item:{id:"bs", b:$dynamodb_BS::[{{AA==}},{{AB==}}]}}',
      '$ion_1_0 {Item:{id:"zero", n:0d99999999999999999999}}',
      '$ion_1_0 top::{Item:{id:"annotated", m:{a:x::y::1.}}}',
      `$ion_1_0 {Item:{id:"nested", m:{'':1.}}}`,
    ];
    writeFileSync(join(folder, 'items.ion'), ion.join('\n'));
    const { validate, imported, table, rejected } = await validateAndImport({
      path: folder,
      format: 'ION',
      'partition-key': 'id:S',
    });
    const expected = [
      [2, 'EMPTY_ATTRIBUTE_NAME'],
      [3, 'INVALID_SET'],
      [6, 'EMPTY_ATTRIBUTE_NAME'],
    ];
    for (const run of [validate, imported]) {
      expect(run.exitCode, run.log).toBe(0);
      expect(counts(run)).toEqual(['6', '3', '3']);
      const dropped =
        '5 Ion annotation(s) other than $dynamodb_SS, $dynamodb_NS and $dynamodb_BS were dropped: an item has no place for them';
      expect(run.summary.replaceAll('\\_', '_')).toContain(dropped); // the summary escapes Markdown
      expect(run.log).toContain(`::warning::${dropped}`);
      expect(run.log).toContain(`- ${join(folder, 'items.ion')}:2 EMPTY_ATTRIBUTE_NAME: `);
    }
    expect(where(rejected.validate)).toEqual(expected);
    expect(where(rejected.import)).toEqual(expected);
    expect(rejected.import.map((r) => r.source.text)).toEqual([ion[1], ion[2], ion[5]]);
    const items = await scanAll(table);
    expect(items.map((i) => [i.id?.S, i.n])).toEqual([
      ['annotated', undefined],
      ['good-1', { N: '5' }],
      ['zero', { N: '0' }],
    ]);
  });

  it('a key value over 2048 bytes, or 1024 for a sort key, refused both ways on both JSON paths', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'trust-keys-'));
    const line = (id: string, sort: string) => `{"Item":{"id":{"S":"${id}"},"s":{"S":"${sort}"}}}`;
    const lines = [
      line('a'.repeat(2048), 'b'.repeat(1024)),
      line('a'.repeat(2049), 'b'),
      line('a', 'b'.repeat(1025)),
      decoded(line('a'.repeat(2049), 'c')),
      line('é'.repeat(1025), 'd'), // 2,050 bytes
    ];
    writeFileSync(join(folder, 'items.json'), lines.join('\n'));
    const { validate, imported, table, rejected } = await validateAndImport({
      path: folder,
      'partition-key': 'id:S',
      'sort-key': 's:S',
    });
    const expected = [2, 3, 4, 5].map((n) => [n, 'KEY_TOO_LARGE']);
    for (const run of [validate, imported]) {
      expect(run.exitCode, run.log).toBe(0);
      expect(counts(run)).toEqual(['5', '1', '4']);
    }
    expect(where(rejected.validate)).toEqual(expected);
    expect(where(rejected.import)).toEqual(expected);
    expect(rejected.import[0]?.error.message).toContain("is 2049 bytes, over DynamoDB's limit of 2048 bytes");
    expect(await scanAll(table)).toHaveLength(1);
  });

  it('CSV: a value under a column without a name, and a key number DynamoDB cannot read, refused both ways', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'trust-csv-'));
    writeFileSync(join(folder, 'items.csv'), 'id,,note\n1,,a\n2,x,b\n0e99999999999999999999,,c\n0e5,,d\n');
    const { validate, imported, table, rejected } = await validateAndImport({
      path: folder,
      format: 'CSV',
      'partition-key': 'id:N',
    });
    const expected = [
      [3, 'EMPTY_ATTRIBUTE_NAME'],
      [4, 'INVALID_NUMBER'],
    ];
    for (const run of [validate, imported]) {
      expect(run.exitCode, run.log).toBe(0);
      expect(counts(run)).toEqual(['4', '2', '2']);
    }
    expect(where(rejected.validate)).toEqual(expected);
    expect(where(rejected.import)).toEqual(expected);
    expect(rejected.import.map((r) => r.source.text)).toEqual(['2,x,b', '0e99999999999999999999,,c']);
    const ids = (await scanAll(table)).map((i) => i.id?.N).sort();
    expect(ids).toEqual(['0', '1']);
  });
});
