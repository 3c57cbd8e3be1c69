// What a new user trips on (issue 25), through the built action: a typo in
// an input's name, and local endpoints given the SDK's way.

import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createDynamoDbClient } from '../../src/aws/clients.js';
import { newBucket, newTable, putItems, runLocal, s3, scanAll } from '../direct/helpers.js';
import { localEnv, localSettings, uniqueName, useLocalCredentials } from '../local-aws.js';
import { ROOT } from '../action-yml.js';
import { runAction } from '../run-action.js';

beforeAll(() => useLocalCredentials());

describe('a new user', () => {
  it('is told which declared input a misspelt one meant, before the error it causes', async () => {
    const run = await runAction(
      { mode: 'import', 'tabel-name': 'Orders', path: 'test/fixtures/seed', 'partition-key': 'id:S' },
      { env: localEnv() },
    );
    expect(run.exitCode).toBe(1);
    const warning = run.log.indexOf(
      'Input "tabel-name" is not an input of this action, so it is ignored; did you mean "table-name"?',
    );
    expect(warning, run.log).toBeGreaterThanOrEqual(0);
    expect(run.log.indexOf('table-name', warning + 60), run.log).toBeGreaterThan(warning);
  });

  it('validates a folder of fixtures without a region or credentials, as it calls nothing remote', async () => {
    const run = await runAction({
      mode: 'validate',
      path: 'test/fixtures/seed',
      'partition-key': 'pk:S',
      'max-errors': '5',
    });
    expect(run.log).not.toContain('aws-region');
    expect(run.outputs).toMatchObject({ status: 'COMPLETED', 'processed-item-count': '5', 'error-count': '2' });
    // Errors of repository files by their path in the repository, as annotations name them.
    expect(run.summary).toContain('<code>test/fixtures/seed/users.json:3</code>');
    expect(run.summary.slice(run.summary.indexOf('### First errors'))).not.toContain(ROOT);
    // Validate writes nothing: its annotations say what an import would do; the count check is no "Verification".
    expect(run.log).toContain('::error title=Item would be rejected,file=test/fixtures/seed/users.json,line=3::');
    expect(run.log).toContain('::group::Counts (direct engine)');
    expect(run.log).not.toContain('::group::Verification');
  });

  it('imports into DynamoDB Local with the endpoints given as AWS_ENDPOINT_URL_DYNAMODB and AWS_ENDPOINT_URL_S3', async () => {
    const bucket = await newBucket();
    const lines = Array.from({ length: 12 }, (_, i) => JSON.stringify({ Item: { id: { S: `k${i}` } } }));
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: 'seed/items.json', Body: lines.join('\n') }));
    const table = uniqueName('sdk-endpoints');
    const run = await runAction(
      { mode: 'import', 'table-name': table, bucket, prefix: 'seed/', 'partition-key': 'id:S' },
      {
        env: {
          ...localEnv(),
          AWS_ENDPOINT_URL_DYNAMODB: inject('dynamodbEndpoint'),
          AWS_ENDPOINT_URL_S3: inject('s3Endpoint'),
        },
      },
    );
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs).toMatchObject({ engine: 'direct', 'imported-item-count': '12' });
    expect(run.log).toContain('AWS_ENDPOINT_URL_DYNAMODB is set');
    expect(await scanAll(table)).toHaveLength(12);
  });

  it('is told where TABLE_NOT_FOUND looked, and which region of DynamoDB Local holds the table', async () => {
    const table = uniqueName('other-region');
    await createDynamoDbClient({ ...localSettings(), region: 'us-west-2' }).send(
      new CreateTableCommand({
        TableName: table,
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    const run = await runLocal({ mode: 'export', 'table-name': table, path: 'unused-out' });
    expect(run.exitCode).toBe(1);
    expect(run.log).toContain(`TABLE_NOT_FOUND: Table ${table} does not exist; nothing was exported.`);
    expect(run.log).toContain(`Looked in region us-east-1 at ${inject('dynamodbEndpoint')}.`);
    expect(run.log).toContain(
      `A table named ${table} is in region us-west-2 at this endpoint: set aws-region: us-west-2.`,
    );

    const nowhere = await runLocal({ mode: 'export', 'table-name': `${table}-nowhere`, path: 'unused-out' });
    expect(nowhere.log).toContain("DynamoDB Local keeps each region's tables");
  });

  it('has timeout bound a direct import: it stops, fails with WAIT_TIMED_OUT, and the next run finishes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'timeout-'));
    const lines = Array.from({ length: 300 }, (_, i) =>
      JSON.stringify({ Item: { id: { S: `k${i}` }, pad: { S: 'x'.repeat(900) } } }),
    );
    mkdirSync(join(dir, 'source'));
    writeFileSync(join(dir, 'source', 'items.json'), lines.join('\n'));
    // A new table, created by the first run; the second resumes into it although existing-table is fail.
    const table = uniqueName('timeout');
    const inputs = {
      mode: 'import',
      'table-name': table,
      path: join(dir, 'source'),
      'partition-key': 'id:S',
      checkpoint: join(dir, 'import.checkpoint.json'),
    };
    // One write unit an item at 25 a second: about 12 s of work, stopped at 3 s.
    const first = await runLocal({ ...inputs, 'max-capacity': '25', timeout: '3s' }, { timeoutMs: 120_000 });
    expect(first.exitCode, first.log).toBe(1);
    expect(first.log).toContain('Then: stop after 3s at the latest (timeout), keeping where the work stopped;');
    expect(first.log).toContain('::error::WAIT_TIMED_OUT: timeout (3s) reached: the import stopped');
    expect(first.outputs.status).toBe('IN_PROGRESS');
    expect(Number(first.outputs['duration-seconds'])).toBeLessThan(30);
    expect(Number(first.outputs['imported-item-count'])).toBeLessThan(300);

    const second = await runLocal(inputs, { timeoutMs: 120_000 });
    expect(second.exitCode, second.log).toBe(0);
    expect(second.outputs).toMatchObject({ status: 'COMPLETED', resumed: 'true' });
    expect(second.log).toContain(
      `Writing on into ${table}, which earlier runs of this import created or wrote into (resumed from the checkpoint, whatever existing-table says)`,
    );
    expect(second.log).not.toContain('existing-table: merge');
    expect(await scanAll(table)).toHaveLength(300);
  });

  it('imports an export back from the s3:// URL its outputs give, as path', async () => {
    const table = await newTable();
    await putItems(
      table,
      Array.from({ length: 20 }, (_, i) => ({ id: { S: `k${i}` } })),
    );
    const bucket = await newBucket();
    const exported = await runLocal({ mode: 'export', 'table-name': table, bucket, prefix: 'nightly/' });
    expect(exported.exitCode, exported.log).toBe(0);
    const folder = (exported.outputs['export-manifest'] ?? '').replace(/manifest-summary\.json$/, '');
    expect(folder).toMatch(new RegExp(`^s3://${bucket}/nightly/AWSDynamoDB/[^/]+/$`));

    const imported = await runLocal({
      mode: 'import',
      'table-name': `${table}-back`,
      path: folder,
      'partition-key': 'id:S',
    });
    expect(imported.exitCode, imported.log).toBe(0);
    expect(imported.outputs['imported-item-count']).toBe('20');
    expect(await scanAll(`${table}-back`)).toHaveLength(20);
  });

  it('is told to set csv-delimiter when a CSV header reads as one column holding another delimiter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'semicolons-'));
    writeFileSync(join(dir, 'customers.csv'), 'customer_id;name\nc1;Ada\nc2;Grace\n');
    const run = await runAction(
      { mode: 'validate', path: join(dir, 'customers.csv'), format: 'CSV', 'partition-key': 'customer_id:S' },
      { env: localEnv() },
    );
    expect(run.exitCode).toBe(1);
    expect(run.log).toContain(
      'WRONG_CSV_DELIMITER: the header line is one column, "customer_id;name", which holds ";" but not csv-delimiter ",", so no row can be read: set csv-delimiter: ";"',
    );
    expect(run.log).not.toContain('Missing the key');
  });

  it('is told what DynamoDB JSON looks like when a fixture is a JSON array of items', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'array-'));
    const items = ['a', 'b'].map((id) => ({ Item: { id: { S: id } } }));
    writeFileSync(join(dir, 'items.json'), JSON.stringify(items, null, 2));
    const run = await runAction(
      { mode: 'validate', path: join(dir, 'items.json'), 'partition-key': 'id:S' },
      { env: localEnv() },
    );
    expect(run.exitCode).toBe(1);
    expect(run.outputs['error-count']).toBe('1');
    expect(run.log).toContain('NOT_JSON_LINES: the object is a JSON array');
    expect(run.log).toContain('DynamoDB JSON is one item a line, such as {"Item": {"id": {"S": "a1"}');
    expect(run.log).not.toContain('Unexpected end of JSON input');
  });

  it("validates the README's fixture lines as pasted", async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const lines = /```jsonl\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(lines.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(2);
    const dir = mkdtempSync(join(tmpdir(), 'readme-fixture-'));
    writeFileSync(join(dir, 'users.json'), lines);
    const run = await runAction(
      { mode: 'validate', path: join(dir, 'users.json'), 'partition-key': 'pk:S', 'sort-key': 'sk:S' },
      { env: localEnv() },
    );
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs).toMatchObject({ 'error-count': '0', 'imported-item-count': '2' });
  });
});
