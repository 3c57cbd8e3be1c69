// Hostile and damaged sources through the built action (issue 12 #4, #8, #9,
// #14): every complete record is imported, every bad one is counted once with
// its code and line in the outputs, the summary and the rejected-items file,
// nothing crashes, and nothing the source says is echoed at length.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_CHARS } from '../../src/formats/excerpt.js';
import { newBucket, runLocal, s3, scanAll } from '../direct/helpers.js';
import {
  gzipWithTrailingGarbage,
  itemLines,
  nestedIonLine,
  nestedJsonLine,
  oneLongLine,
  truncatedGzip,
  twoZstdFrames,
} from '../formats/hostile-inputs.js';
import { useLocalCredentials, uniqueName } from '../local-aws.js';
import type { ActionRun } from '../run-action.js';

interface Rejected {
  Item?: unknown;
  error: { code: string; message: string };
  source: { object: string; line?: number; itemIndex?: number };
}

/** A folder holding one file, as a `path:` source. */
function folderWith(name: string, content: Buffer | string): string {
  const folder = mkdtempSync(join(tmpdir(), 'hostile-'));
  writeFileSync(join(folder, name), content);
  return folder;
}

async function importPath(folder: string, inputs: Record<string, string> = {}) {
  const rejects = join(mkdtempSync(join(tmpdir(), 'hostile-rejects-')), 'rejected.jsonl');
  const table = uniqueName('hostile');
  const run = await runLocal({
    mode: 'import',
    path: folder,
    'table-name': table,
    'partition-key': 'id:S',
    'rejected-items': rejects,
    'max-errors': '100',
    ...inputs,
  });
  return { run, table, rejected: () => readRejects(rejects) };
}

function readRejects(file: string): Rejected[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Rejected);
}

function counts(run: ActionRun): [string | undefined, string | undefined, string | undefined] {
  return [run.outputs['processed-item-count'], run.outputs['imported-item-count'], run.outputs['error-count']];
}

const where = (rejected: Rejected[]): [string, number | undefined][] =>
  rejected.map((r) => [r.error.code, r.source.line]);

beforeAll(() => useLocalCredentials());

describe('damaged compressed objects', () => {
  it('imports every complete record of a gzip cut at 90% and reports the cut once, at its line', async () => {
    const { bytes, wholeLines } = truncatedGzip(itemLines(3000));
    const { run, table, rejected } = await importPath(folderWith('items.json.gz', bytes));
    expect(run.exitCode, run.log).toBe(0);
    expect(counts(run)).toEqual([`${wholeLines + 1}`, `${wholeLines}`, '1']);
    expect(await scanAll(table)).toHaveLength(wholeLines);
    expect(where(rejected())).toEqual([['TRUNCATED_OBJECT', wholeLines + 1]]);
    expect(run.summary).toContain('<code>TRUNCATED_OBJECT</code>');
  });

  it('imports the 100 items of a gzip followed by 17 bytes of garbage, from S3, and reports the garbage once', async () => {
    const bucket = await newBucket();
    await s3().send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'padded/items.json.gz',
        Body: gzipWithTrailingGarbage(itemLines(100)),
      }),
    );
    const table = uniqueName('hostile');
    const run = await runLocal({
      mode: 'import',
      bucket,
      prefix: 'padded/',
      'table-name': table,
      'partition-key': 'id:S',
      'max-errors': '1',
    });
    expect(run.exitCode, run.log).toBe(0);
    expect(counts(run)).toEqual(['101', '100', '1']);
    expect(await scanAll(table)).toHaveLength(100);
    expect(run.summary).toContain(`<code>s3://${bucket}/padded/items.json.gz:101</code> | <code>TRAILING_DATA</code>`);
  });

  it('imports every frame of a multi-frame zstd (cat a.zst b.zst)', async () => {
    const { run, table } = await importPath(
      folderWith('items.json.zst', twoZstdFrames(itemLines(30), itemLines(30, 30))),
    );
    expect(counts(run)).toEqual(['60', '60', '0']);
    expect(await scanAll(table)).toHaveLength(60);
  });
});

const HOSTILE_JSON = Buffer.concat([
  Buffer.from(`${itemLines(1, 1)}${nestedJsonLine(10_000)}\n`),
  Buffer.from('{"Item":{"id":{"S":"not utf-8 \xff"}}}\n', 'latin1'),
  Buffer.from('{"Item":{"id":{"S":"a"},"n":{"N":"1"},"id":{"S":"b"}}}\n'),
  Buffer.from(`{"Item":{"id":{"S":"huge"},"n":{"N":"1e${'9'.repeat(1_000_000)}"}}}\n`),
  Buffer.from(`{"Item":{"id":{"S":"${'k'.repeat(200_000)}"},"b":{"B":"${'%'.repeat(200_000)}"}}}\n`),
  Buffer.from(itemLines(1, 7)),
]);
const HOSTILE_JSON_ERRORS: [string, number][] = [
  ['TOO_DEEPLY_NESTED', 2],
  ['INVALID_UTF8', 3],
  ['DUPLICATE_ATTRIBUTE', 4],
  ['INVALID_NUMBER', 5],
  ['INVALID_BINARY', 6],
];

describe('hostile lines', () => {
  it('imports the good lines of a DynamoDB JSON file and counts each hostile one at its line, briefly', async () => {
    const { run, table, rejected } = await importPath(folderWith('items.json', HOSTILE_JSON));
    expect(run.exitCode, run.log).toBe(0);
    expect(counts(run)).toEqual(['7', '2', '5']);
    expect((await scanAll(table)).map((i) => i.id?.S).sort()).toEqual(['item-1', 'item-7']);
    expect(where(rejected())).toEqual(HOSTILE_JSON_ERRORS);
    for (const r of rejected()) expect(r.error.message.length).toBeLessThan(MESSAGE_CHARS);
    for (const [code] of HOSTILE_JSON_ERRORS) expect(run.summary).toContain(`<code>${code}</code>`);
    expect(run.summary.length + run.log.length).toBeLessThan(100_000);
  });

  it('validates the same file with the same decoders and the same counts', async () => {
    const run = await runLocal({
      mode: 'validate',
      path: folderWith('items.json', HOSTILE_JSON),
      'partition-key': 'id:S',
      'table-name': uniqueName('never-created'),
      'max-errors': '100',
    });
    expect(run.exitCode, run.log).toBe(0);
    expect(counts(run)).toEqual(['7', '2', '5']);
  });

  it('imports the good values of an Ion file and counts each hostile one at its line', async () => {
    const ion = [
      '$ion_1_0 {Item:{id:"good-1"}}',
      '$ion_1_0 {Item:{id:"exp", n:1d400000000}}',
      nestedIonLine(10_000),
      '$ion_1_0 {Item:{id:"dup", a:1., a:2.}}',
      '$ion_1_0 {Item:{id:"set", s:$dynamodb_SS::"a"}}',
      '$ion_1_0 {Item:{id:"good-6", s:$dynamodb_SS::["a"]}}',
    ].join('\n');
    const { run, table, rejected } = await importPath(folderWith('items.ion', ion), { format: 'ION' });
    expect(counts(run)).toEqual(['6', '2', '4']);
    expect((await scanAll(table)).map((i) => i.id?.S).sort()).toEqual(['good-1', 'good-6']);
    expect(where(rejected())).toEqual([
      ['INVALID_NUMBER', 2],
      ['TOO_DEEPLY_NESTED', 3],
      ['DUPLICATE_ATTRIBUTE', 4],
      ['INVALID_SET', 5],
    ]);
    expect(rejected()[0]?.error.message).toBe(
      'n: "1E400000000" is not a valid DynamoDB number (larger than 9.9999999999999999999999999999999999999E+125)',
    );
  });

  it('skips a 50 MB line as ITEM_TOO_LARGE and imports the lines around it', async () => {
    const source = Buffer.concat([
      Buffer.from(itemLines(1, 1)),
      oneLongLine(50 * 1024 * 1024),
      Buffer.from(`\n${itemLines(1, 3)}`),
    ]);
    const { run, table, rejected } = await importPath(folderWith('items.json', source));
    expect(counts(run)).toEqual(['3', '2', '1']);
    expect(await scanAll(table)).toHaveLength(2);
    expect(rejected()).toEqual([
      {
        error: {
          code: 'ITEM_TOO_LARGE',
          message:
            "the line is 52,428,800 bytes long, more than any item can take (DynamoDB's limit is 400 KB); it was skipped unread",
        },
        source: expect.objectContaining({ line: 2, itemIndex: 1 }),
      },
    ]);
  });

  it('refuses a CSV whose header names a column twice before anything is created', async () => {
    const { run, table } = await importPath(folderWith('items.csv', 'id,name,name\na,b,c\nd,e,f\n'), {
      format: 'CSV',
    });
    expect(run.exitCode).toBe(1);
    expect(run.log).toContain('the header names the column "name" twice (columns 2 and 3), so no row can be read');
    await expect(scanAll(table)).rejects.toThrow(/non-existent table|not found/i);
  });
});
