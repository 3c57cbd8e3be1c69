// Hostile inputs through the built action (issue 11 "Errors", issue 12 #1,
// #10, #13): each is refused before any work, with exit code 1, one message
// that starts with INVALID_INPUT and names the input, and nothing written.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeTable } from '../../src/aws/table.js';
import { ROOT } from '../action-yml.js';
import { dynamodb, newBucket, newTable, putItems, runLocal, s3 } from '../direct/helpers.js';
import { uniqueName, useLocalCredentials } from '../local-aws.js';
import type { ActionRun } from '../run-action.js';

beforeAll(() => useLocalCredentials());

/** Exit code 1, one input problem naming `input`, no plan made and no engine chosen. */
function expectRefused(run: ActionRun, input: string): string {
  expect(run.exitCode).toBe(1);
  const line = run.log.split('\n').find((l) => l.startsWith('::error::'));
  expect(line).toMatch(new RegExp(`^::error::INVALID_INPUT: Input "${input}" is `));
  expect(line).not.toContain('inputs are not valid');
  expect(run.log).not.toContain('::group::Plan');
  expect(run.outputs.engine).toBeUndefined();
  expect(run.outputs.status).toBeUndefined();
  return line ?? '';
}

async function objectCount(bucket: string): Promise<number> {
  return (await s3().send(new ListObjectsV2Command({ Bucket: bucket }))).KeyCount ?? 0;
}

describe('hostile inputs, through the built action', () => {
  it('refuses an import prefix with .. segments and creates no table', async () => {
    const table = uniqueName('escape');
    const run = await runLocal({
      mode: 'import',
      bucket: await newBucket(),
      prefix: '../../escape',
      'table-name': table,
      'partition-key': 'id:S',
    });
    expect(expectRefused(run, 'prefix')).toBe(
      '::error::INVALID_INPUT: Input "prefix" is "../../escape"; expected a key prefix without .. segments (S3 keys are names, not paths; a .. would reach outside the folder meant).',
    );
    expect(await describeTable(dynamodb(), table)).toBeUndefined();
  });

  it('refuses an export prefix that placeholders turn into .. segments, or that holds a control character, and writes nothing', async () => {
    const table = await newTable();
    await putItems(table, [{ id: { S: 'a' } }, { id: { S: 'b' } }]);
    const bucket = await newBucket();
    const viaRef = await runLocal(
      { mode: 'export', 'table-name': table, bucket, prefix: 'backups/{ref_name}/' },
      { env: { GITHUB_REF_NAME: '../..' } },
    );
    expect(expectRefused(viaRef, 'prefix')).toContain('with its placeholders filled in it is "backups/../../".');
    const control = await runLocal({ mode: 'export', 'table-name': table, bucket, prefix: 'backups/\u0001/' });
    expect(expectRefused(control, 'prefix')).toContain(
      'Input "prefix" is "backups/\\u0001/"; expected a key prefix without control characters (U+0000 to U+001F and U+007F); it has U+0001 at character 9.',
    );
    expect(await objectCount(bucket)).toBe(0);
  });

  it('refuses a relative rejected-items path that leaves the workspace, before creating the table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostile-inputs-'));
    const source = join(dir, 'items.json');
    writeFileSync(source, '{"Item":{"id":{"S":"a"}}}\n{"Item":{"n":{"N":"1"}}}\n');
    const outside = join(dir, 'outside', 'rejected.jsonl');
    const escaping = relative(ROOT, outside); // ../../tmp/... from the workspace
    expect(escaping.startsWith('..')).toBe(true);
    const table = uniqueName('rejects-escape');
    const run = await runLocal({
      mode: 'import',
      path: source,
      'table-name': table,
      'partition-key': 'id:S',
      'rejected-items': escaping,
    });
    expect(expectRefused(run, 'rejected-items')).toContain(
      `expected a local path inside the workspace (${ROOT.replace(/\/$/, '')}) when it is relative, or an absolute path; this one resolves to ${outside}.`,
    );
    expect(await describeTable(dynamodb(), table)).toBeUndefined();
    expect(existsSync(join(dir, 'outside'))).toBe(false);
  });

  it('refuses rejected-items inside the source folder, before creating the table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostile-inputs-'));
    mkdirSync(join(dir, 'fx'));
    writeFileSync(join(dir, 'fx', 'items.json'), '{"Item":{"id":{"S":"a"}}}\n');
    const table = uniqueName('rejects-inside');
    const run = await runLocal({
      mode: 'import',
      path: join(dir, 'fx'),
      'table-name': table,
      'partition-key': 'id:S',
      'rejected-items': join(dir, 'fx', 'items.json.rejected.jsonl'),
    });
    expect(expectRefused(run, 'rejected-items')).toContain(
      'expected a place outside the source, or a re-import would read the rejected items back.',
    );
    expect(await describeTable(dynamodb(), table)).toBeUndefined();
  });

  it('refuses table-creation-parameters with a trailing comma as JSON, in one error, creating no table', async () => {
    const table = uniqueName('trailing-comma');
    const run = await runLocal({
      mode: 'import',
      bucket: await newBucket(),
      'table-creation-parameters': `{"TableName": "${table}", "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}], "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],}`,
    });
    const line = expectRefused(run, 'table-creation-parameters');
    expect(line).toContain('read as JSON because it starts with {');
    expect(line).not.toContain('table-name');
    expect(await describeTable(dynamodb(), table)).toBeUndefined();
  });

  it('takes rejected-items beside a single source file, named after it, and never reads it back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostile-inputs-'));
    mkdirSync(join(dir, 'fx'));
    const source = join(dir, 'fx', 'items.json');
    writeFileSync(source, '{"Item":{"id":{"S":"a"}}}\n{"Item":{"n":{"N":"1"}}}\n{"Item":{"id":{"S":"b"}}}\n');
    const table = uniqueName('rejects-beside');
    const first = await runLocal({
      mode: 'import',
      path: source,
      'table-name': table,
      'partition-key': 'id:S',
      'max-errors': '1',
      'rejected-items': `${source}.rejected.jsonl`,
    });
    expect(first.exitCode).toBe(0);
    expect(first.outputs).toMatchObject({
      'processed-item-count': '3',
      'imported-item-count': '2',
      'error-count': '1',
    });
    expect(readFileSync(`${source}.rejected.jsonl`, 'utf8').trim().split('\n')).toHaveLength(1);

    const again = await runLocal({
      mode: 'validate',
      path: source,
      'partition-key': 'id:S',
      'max-errors': '1',
      'rejected-items': `${source}.rejected-again.jsonl`,
    });
    expect(again.exitCode).toBe(0);
    expect(again.outputs).toMatchObject({ 'processed-item-count': '3', 'error-count': '1' });
  });
});
