// The built dist/index.js, started the way the runner starts it.

import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createDynamoDbClient } from '../src/aws/clients.js';
import { localEnv, localSettings, uniqueName, useLocalCredentials } from './local-aws.js';
import { runAction } from './run-action.js';

beforeAll(() => useLocalCredentials());

describe('the built action', () => {
  it('fails on bad inputs with exit code 1, every problem in the log and the summary', async () => {
    const run = await runAction(
      { mode: 'export', 'table-name': 'Orders', bucket: 'backups', format: 'CSV', concurrency: '0' },
      { env: localEnv() },
    );
    expect(run.exitCode).toBe(1);
    expect(run.log).toContain(
      '::error::INVALID_INPUT: 2 inputs are not valid:%0A- Input "concurrency" is "0"; expected a whole number from 1 to 256.%0A- Input "format" is "CSV"; expected DYNAMODB_JSON or ION with mode: export (DynamoDB exports do not write CSV).',
    );
    expect(run.summary).toContain('## ❌ dynamodb-s3-transfer did not start');
    expect(run.summary).toContain('Input &quot;concurrency&quot; is &quot;0&quot;');
    expect(Number(run.outputs['duration-seconds'])).toBeGreaterThanOrEqual(0);
    expect(run.outputs.engine).toBeUndefined();
  });

  it('fails the same way without a GITHUB_STEP_SUMMARY file', async () => {
    const run = await runAction({ mode: 'launch' }, { env: localEnv(), noSummaryFile: true });
    expect(run.exitCode).toBe(1);
    expect(run.log).toContain(
      '::error::INVALID_INPUT: Input "mode" is "launch"; expected one of export, import, validate, verify.',
    );
    expect(run.log).not.toContain('summary');
  });

  it('prints the plan, sets the engine output and explains a failure in the work', async () => {
    const run = await runAction(
      {
        mode: 'export',
        'table-name': 'NoSuchTable',
        bucket: 'backups',
        engine: 'managed',
        'endpoint-url': inject('dynamodbEndpoint'),
      },
      { env: localEnv() },
    );
    expect(run.exitCode).toBe(1);
    expect(run.log).toContain('::group::Plan');
    expect(run.log).toContain('Engine: managed, because engine: managed was asked for.');
    expect(run.log).toContain(
      '::error::TABLE_NOT_FOUND: Table NoSuchTable does not exist in us-east-1; nothing was exported.',
    );
    expect(run.outputs.engine).toBe('managed');
    expect(run.summary).toContain('## ❌ Export failed');
  });

  it('takes the SDK endpoint variable as endpoint-url: engine auto is direct whether the table exists or not', async () => {
    const dynamodb = createDynamoDbClient(localSettings());
    const existing = uniqueName('existing');
    await dynamodb.send(
      new CreateTableCommand({
        TableName: existing,
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    const endpoint = inject('dynamodbEndpoint');
    const env = { ...localEnv(), AWS_ENDPOINT_URL_DYNAMODB: endpoint };
    const merge = { mode: 'import', bucket: 'backups', 'existing-table': 'merge', 'partition-key': 'id:S' };
    // DynamoDB Local has no ImportTable: managed would fail on a new table with an error pointing the wrong way.
    const reason = `Engine: direct, because AWS_ENDPOINT_URL_DYNAMODB is set (${endpoint}), and AWS's managed import and export exist only on AWS itself.`;

    const into = await runAction({ ...merge, 'table-name': existing }, { env });
    expect(into.outputs.engine).toBe('direct');
    expect(into.log).toContain(reason);

    const fresh = await runAction({ ...merge, 'table-name': uniqueName('fresh') }, { env });
    expect(fresh.outputs.engine).toBe('direct');
    expect(fresh.log).toContain(reason);
  });
});
