// A source with bad items: the good ones go in, each bad one is reported with
// its location, written to the rejected-items file, and the step fails only
// when error-count exceeds max-errors.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalCredentials, uniqueName } from '../local-aws.js';
import { newBucket, runLocal, s3, scanAll } from './helpers.js';

const SOURCE = [
  '{"Item":{"id":{"S":"good-1"},"n":{"N":"1"}}}',
  '{"Item":{"n":{"N":"2"}}}', // missing key
  '{"Item":{"id":{"N":"3"}}}', // wrong key type
  '{"Item":{"id":{"S":"good-4"}', // malformed
  '{"Item":{"id":{"S":""}}}', // empty key
  '{"Item":{"id":{"S":"good-6"},"b":{"B":"AAH/"}}}',
].join('\n');

let bucket: string;

beforeAll(async () => {
  useLocalCredentials();
  bucket = await newBucket();
  await s3().send(new PutObjectCommand({ Bucket: bucket, Key: 'bad/items.json', Body: SOURCE }));
});

describe('bad items', () => {
  it('imports the good items, reports every bad one and fails over max-errors', async () => {
    const table = uniqueName('bad');
    const rejected = join(mkdtempSync(join(tmpdir(), 'rejected-')), 'rejected.jsonl');
    const run = await runLocal({
      mode: 'import',
      bucket,
      prefix: 'bad/',
      'table-name': table,
      'partition-key': 'id:S',
      'rejected-items': rejected,
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({
      'processed-item-count': '6',
      'imported-item-count': '2',
      'error-count': '4',
      'rejected-items': rejected,
      // The step failed on max-errors: it did not complete what it was asked to (issue 12).
      status: 'FAILED',
    });
    expect(run.log).toContain('::error::TOO_MANY_ERRORS: 4 item(s) could not be imported, more than max-errors (0).');
    expect((await scanAll(table)).map((i) => i.id?.S)).toEqual(['good-1', 'good-6']);

    const where = `s3://${bucket}/bad/items.json`;
    expect(run.summary).toContain(
      `<code>${where}:2</code> | <code>MISSING_KEY</code> | One or more parameter values were invalid: Missing the key id in the item`,
    );
    expect(run.summary).toContain(`<code>${where}:3</code> | <code>KEY_TYPE_MISMATCH</code>`);
    expect(run.summary).toContain(`<code>${where}:4</code> | <code>MALFORMED_JSON</code>`);
    expect(run.summary).toContain(`<code>${where}:5</code> | <code>EMPTY_KEY</code>`);
    expect(run.summary).toContain('Checked: 6 processed = 2 imported + 4 error(s).');

    const lines = readFileSync(rejected, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      {
        Item: { n: { N: '2' } },
        error: {
          code: 'MISSING_KEY',
          message: 'One or more parameter values were invalid: Missing the key id in the item',
        },
        source: { object: where, line: 2, itemIndex: 1 },
      },
      {
        Item: { id: { N: '3' } },
        error: {
          code: 'KEY_TYPE_MISMATCH',
          message: 'One or more parameter values were invalid: Type mismatch for key id expected: S actual: N',
        },
        source: { object: where, line: 3, itemIndex: 2 },
      },
      {
        error: { code: 'MALFORMED_JSON', message: expect.stringMatching(/^the line is not valid JSON/) },
        source: { object: where, line: 4, itemIndex: 3 },
      },
      {
        Item: { id: { S: '' } },
        error: { code: 'EMPTY_KEY', message: expect.stringContaining('cannot contain an empty string value. Key: id') },
        source: { object: where, line: 5, itemIndex: 4 },
      },
    ]);
  });

  it('passes when error-count stays within max-errors, and writes rejected items to S3', async () => {
    const run = await runLocal({
      mode: 'import',
      bucket,
      prefix: 'bad/',
      'table-name': uniqueName('tolerant'),
      'partition-key': 'id:S',
      'max-errors': '4',
      'rejected-items': `s3://${bucket}/rejects/run.jsonl`,
    });
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs['rejected-items']).toBe(`s3://${bucket}/rejects/run.jsonl`);
    const body = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: 'rejects/run.jsonl' }));
    expect((await body.Body!.transformToString()).trim().split('\n')).toHaveLength(4);
  });

  it('writes the rejected items under RUNNER_TEMP by default, and they can be fixed and imported again', async () => {
    const table = uniqueName('refix');
    const first = await runLocal({
      mode: 'import',
      bucket,
      prefix: 'bad/',
      'table-name': table,
      'partition-key': 'id:S',
      'max-errors': '10',
    });
    expect(first.outputs['rejected-items']).toMatch(/dynamodb-s3-transfer-rejected-\d+\.jsonl$/);
  });

  it('validates the same source without writing anything', async () => {
    const table = uniqueName('never-created');
    const fixture = join(mkdtempSync(join(tmpdir(), 'fixture-')), 'items.json');
    writeFileSync(fixture, SOURCE);
    const run = await runLocal({
      mode: 'validate',
      path: fixture,
      'partition-key': 'id:S',
      'table-name': table,
      'max-errors': '10',
    });
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs).toMatchObject({ 'processed-item-count': '6', 'imported-item-count': '2', 'error-count': '4' });
    expect(run.summary).toContain('Nothing was written: mode validate only reads and checks.');
    const created = await runLocal({ mode: 'export', 'table-name': table, path: mkdtempSync(join(tmpdir(), 'x-')) });
    expect(created.log).toContain(`Table ${table} does not exist`);
  });

  it('stops before creating anything when the source has no objects', async () => {
    const table = uniqueName('empty-source');
    const run = await runLocal({
      mode: 'import',
      bucket,
      prefix: 'nothing-here/',
      'table-name': table,
      'partition-key': 'id:S',
    });
    expect(run.exitCode).toBe(1);
    expect(run.log).toContain(
      `::error::SOURCE_EMPTY: No objects found under s3://${bucket}/nothing-here/; nothing was created or written. Check bucket, prefix or path.`,
    );
    const exported = await runLocal({ mode: 'export', 'table-name': table, path: mkdtempSync(join(tmpdir(), 'x-')) });
    expect(exported.log).toContain('does not exist');
  });
});
