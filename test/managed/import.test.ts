// The managed import against AWS's documented response shapes: every input
// reaches the request, jobs are followed to their end, failures explained.

import { GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  DescribeImportCommand,
  DescribeTableCommand,
  ImportTableCommand,
  type ImportStatus,
} from '@aws-sdk/client-dynamodb';
import { gzipSync } from 'node:zlib';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runManagedImport } from '../../src/managed/import.js';
import { decideOutcome, setOutputs } from '../../src/report.js';
import { renderSummary } from '../../src/summary.js';
import { useLocalCredentials } from '../local-aws.js';
import { fakeClock, importPlan, managedDeps, mockedClients, notFound, sourceBucket } from './helpers.js';

const ARN = 'arn:aws:dynamodb:eu-west-1:123456789012:table/target-table/import/01658528578619-c4d4e311';
const LINES = ['{"Item":{"id":{"S":"1"}}}', '{"Item":{"id":{"S":"2"}}}'].join('\n');
let bucket: string;
let clients: ReturnType<typeof mockedClients>;

beforeAll(async () => {
  useLocalCredentials();
  bucket = await sourceBucket({
    'in/a.json.gz': gzipSync(LINES),
    'in/b.json.gz': gzipSync(LINES),
    'csv/a.csv': 'id;title\n1;x\n',
  });
});

beforeEach(() => {
  clients = mockedClients();
  clients.dynamodbMock.on(DescribeTableCommand).rejects(notFound());
});

const description = (status: ImportStatus, extra: Record<string, unknown> = {}) => ({
  ImportTableDescription: {
    ImportArn: ARN,
    ImportStatus: status,
    TableArn: 'arn:aws:dynamodb:eu-west-1:123456789012:table/target-table',
    ...extra,
  },
});

describe('ImportTable request', () => {
  it('carries every input', async () => {
    clients.dynamodbMock.on(ImportTableCommand).resolves(description('IN_PROGRESS'));
    const plan = importPlan({
      bucket,
      prefix: 'csv/',
      'bucket-owner': '123456789012',
      format: 'csv',
      'csv-delimiter': ';',
      'csv-header': 'id,title',
      wait: 'false',
      'partition-key': '',
      'table-creation-parameters': JSON.stringify({
        AttributeDefinitions: [
          { AttributeName: 'id', AttributeType: 'S' },
          { AttributeName: 'title', AttributeType: 'S' },
        ],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PROVISIONED',
        ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 7 },
        SSESpecification: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: 'alias/t' },
        GlobalSecondaryIndexes: [
          {
            IndexName: 'byTitle',
            KeySchema: [{ AttributeName: 'title', KeyType: 'HASH' }],
            Projection: { ProjectionType: 'ALL' },
            ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
          },
        ],
      }),
    });
    // The bucket owner is checked by S3 too; the local server ignores it.
    const result = await runManagedImport(plan, managedDeps(clients), 'asked');
    const [call] = clients.dynamodbMock.commandCalls(ImportTableCommand);
    expect(call?.args[0].input).toEqual({
      S3BucketSource: { S3Bucket: bucket, S3KeyPrefix: 'csv/', S3BucketOwner: '123456789012' },
      InputFormat: 'CSV',
      InputFormatOptions: { Csv: { Delimiter: ';', HeaderList: ['id', 'title'] } },
      InputCompressionType: 'NONE',
      TableCreationParameters: expect.objectContaining({
        TableName: plan.tableName,
        BillingMode: 'PROVISIONED',
        ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 7 },
        SSESpecification: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: 'alias/t' },
        GlobalSecondaryIndexes: [expect.objectContaining({ IndexName: 'byTitle' })],
      }),
      ClientToken: expect.stringMatching(/^dst-[0-9a-f]{32}$/),
    });
    expect(result).toMatchObject({ status: 'IN_PROGRESS', jobArn: ARN, engine: 'managed' });
    expect(decideOutcome(result, 0).ok).toBe(true);
  });

  it('resolves compression: auto from the first object and samples its items', async () => {
    clients.dynamodbMock.on(ImportTableCommand).resolves(description('IN_PROGRESS'));
    const deps = managedDeps(clients);
    await runManagedImport(importPlan({ bucket, prefix: 'in/', wait: 'false' }), deps, 'asked');
    expect(clients.dynamodbMock.commandCalls(ImportTableCommand)[0]?.args[0].input.InputCompressionType).toBe('GZIP');
    expect(deps.lines[0]).toBe(
      'Pre-flight: 2 object(s), GZIP; the first 2 item(s) of in/a.json.gz parse with their keys.',
    );
  });
});

describe('following the job', () => {
  it('IN_PROGRESS -> COMPLETED gives the counts in the outputs and the summary', async () => {
    clients.dynamodbMock.on(ImportTableCommand).resolves(description('IN_PROGRESS'));
    clients.dynamodbMock
      .on(DescribeImportCommand)
      .resolvesOnce(description('IN_PROGRESS', { ProcessedItemCount: 1 }))
      .resolves(
        description('COMPLETED', {
          ProcessedItemCount: 4,
          ImportedItemCount: 4,
          ErrorCount: 0,
          ProcessedSizeBytes: 100,
        }),
      );
    const clock = fakeClock();
    const deps = managedDeps(clients, clock);
    const result = await runManagedImport(importPlan({ bucket, prefix: 'in/', 'poll-interval': '10s' }), deps, 'asked');
    expect(result).toMatchObject({
      status: 'COMPLETED',
      processedItemCount: 4,
      importedItemCount: 4,
      errorCount: 0,
      processedSizeBytes: 100,
    });
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(5000);
    expect(deps.lines).toContain('IN_PROGRESS: processed 1 item(s), imported 0, 0 error(s), 0 bytes');
    const outputs: Record<string, string | number> = {};
    setOutputs(result, { setOutput: (name, value) => (outputs[name] = value) });
    expect(outputs).toMatchObject({
      'job-arn': ARN,
      status: 'COMPLETED',
      'processed-item-count': 4,
      'imported-item-count': 4,
      'error-count': 0,
    });
    expect(renderSummary(result, decideOutcome(result, 0))).toContain('| **Items imported** | 4 |');
  });

  it('FAILED with ItemValidationError shows the first CloudWatch errors with object and item index', async () => {
    clients.dynamodbMock.on(ImportTableCommand).resolves(description('IN_PROGRESS'));
    clients.dynamodbMock.on(DescribeImportCommand).resolves(
      description('FAILED', {
        ErrorCount: 1,
        ProcessedItemCount: 1,
        ImportedItemCount: 0,
        FailureCode: 'ItemValidationError',
        FailureMessage:
          'Some of the items failed validation checks and were not imported. Please check CloudWatch error logs for more details.',
      }),
    );
    clients.logsMock
      .on(GetLogEventsCommand, {
        logGroupName: '/aws-dynamodb/imports',
        logStreamName: '01658528578619-c4d4e311/error',
      })
      .resolves({
        events: [
          {
            timestamp: 1658528745319,
            message: `{"itemS3Pointer":{"bucket":"my-import-source","key":"import-test.csv","itemIndex":0},"importArn":"${ARN}","errorMessages":["One or more parameter values were invalid: Missing the key pk in the item"]}`,
            ingestionTime: 1658528745414,
          },
        ],
      });
    const result = await runManagedImport(importPlan({ bucket, prefix: 'in/' }), managedDeps(clients), 'asked');
    const outcome = decideOutcome(result, 0);
    expect(outcome).toEqual({ ok: false, message: 'JOB_FAILED: The import ended with status FAILED.' });
    const summary = renderSummary(result, outcome);
    expect(summary).toContain(
      '| <code>s3://my-import-source/import-test.csv item 0</code> | <code>ItemValidationError</code> | One or more parameter values were invalid: Missing the key pk in the item |',
    );
    expect(summary).toContain('AWS says ItemValidationError');
    expect(summary).toContain('stream 01658528578619-c4d4e311/error');
  });

  it('says when the error events cannot be read', async () => {
    clients.dynamodbMock.on(ImportTableCommand).resolves(description('FAILED', { FailureCode: 'ItemValidationError' }));
    clients.dynamodbMock
      .on(DescribeImportCommand)
      .resolves(description('FAILED', { FailureCode: 'ItemValidationError' }));
    clients.logsMock
      .on(GetLogEventsCommand)
      .rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' }));
    const result = await runManagedImport(
      importPlan({ bucket, prefix: 'in/', 'client-token': 'fixed' }),
      managedDeps(clients),
      'asked',
    );
    expect(result.note).toContain('needs logs:GetLogEvents, which this role does not have');
  });

  it('ends at the deadline with the ARN and says the job goes on', async () => {
    clients.dynamodbMock.on(ImportTableCommand).resolves(description('IN_PROGRESS'));
    clients.dynamodbMock.on(DescribeImportCommand).resolves(description('IN_PROGRESS'));
    const result = await runManagedImport(
      importPlan({ bucket, prefix: 'in/', timeout: '2m', 'poll-interval': '10s' }),
      managedDeps(clients),
      'asked',
    );
    expect(result).toMatchObject({ status: 'IN_PROGRESS', timedOut: true, jobArn: ARN });
    expect(result.note).toContain('Still running after 2m (timeout); the job goes on server-side.');
    expect(decideOutcome(result, 0)).toEqual({
      ok: false,
      message: `WAIT_TIMED_OUT: The wait timed out with the import still running; it goes on server-side: ${ARN}`,
    });
  });

  it('retries throttled Describe calls and fails at once on access denied', async () => {
    clients.dynamodbMock.on(ImportTableCommand).resolves(description('IN_PROGRESS'));
    clients.dynamodbMock
      .on(DescribeImportCommand)
      .rejectsOnce(
        Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } }),
      )
      .resolves(description('COMPLETED', { ImportedItemCount: 4 }));
    const ok = await runManagedImport(importPlan({ bucket, prefix: 'in/' }), managedDeps(clients), 'asked');
    expect(ok.status).toBe('COMPLETED');
    expect(clients.dynamodbMock.commandCalls(DescribeImportCommand)).toHaveLength(2);

    clients.dynamodbMock.on(DescribeImportCommand).rejects(
      Object.assign(new Error('User is not authorized to perform: dynamodb:DescribeImport'), {
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    await expect(
      runManagedImport(importPlan({ bucket, prefix: 'in/' }), managedDeps(clients), 'asked'),
    ).rejects.toThrow('not authorized');
  });
});

describe('client tokens', () => {
  it('a re-run reuses the token and starts no second job; a FAILED job found by it is started afresh', async () => {
    clients.dynamodbMock.on(ImportTableCommand).resolves(description('IN_PROGRESS'));
    const plan = importPlan({ bucket, prefix: 'in/', wait: 'false' });
    await runManagedImport(plan, managedDeps(clients), 'asked');
    await runManagedImport(plan, managedDeps(clients), 'asked');
    const tokens = clients.dynamodbMock.commandCalls(ImportTableCommand).map((c) => c.args[0].input.ClientToken);
    expect(tokens).toHaveLength(2);
    expect(tokens[0]).toBe(tokens[1]);

    clients.dynamodbMock.reset();
    clients.dynamodbMock.on(DescribeTableCommand).rejects(notFound());
    clients.dynamodbMock
      .on(ImportTableCommand)
      .resolvesOnce(description('FAILED'))
      .resolves(description('IN_PROGRESS'));
    const deps = managedDeps(clients);
    await runManagedImport(plan, deps, 'asked');
    const retried = clients.dynamodbMock.commandCalls(ImportTableCommand).map((c) => c.args[0].input.ClientToken);
    expect(retried).toHaveLength(2);
    expect(retried[0]).toBe(tokens[0]);
    expect(retried[1]).not.toBe(tokens[0]);
    expect(deps.lines.join('\n')).toContain('ended FAILED; starting a new one (run attempt 2)');
  });

  it('a changed request gets a new token, and client-token overrides it', async () => {
    clients.dynamodbMock.on(ImportTableCommand).resolves(description('IN_PROGRESS'));
    const base = { bucket, prefix: 'in/', wait: 'false', 'table-name': 'SameTable' };
    await runManagedImport(importPlan(base), managedDeps(clients), 'asked');
    await runManagedImport(importPlan({ ...base, 'table-name': 'OtherTable' }), managedDeps(clients), 'asked');
    await runManagedImport(importPlan({ ...base, 'client-token': 'my-token' }), managedDeps(clients), 'asked');
    const tokens = clients.dynamodbMock.commandCalls(ImportTableCommand).map((c) => c.args[0].input.ClientToken);
    expect(tokens[0]).not.toBe(tokens[1]);
    expect(tokens[2]).toBe('my-token');
  });
});

describe('pre-flight checks start nothing', () => {
  it.each([
    [
      'an empty prefix',
      { prefix: 'nothing/' },
      'No objects found under s3://BUCKET/nothing/; AWS would complete the import with an empty table. Nothing was started.',
    ],
    [
      'items without their key',
      { prefix: 'in/', 'partition-key': 'pk:S' },
      'None of the first 2 record(s) of s3://BUCKET/in/a.json.gz can be imported as DYNAMODB_JSON (GZIP): line 1: One or more parameter values were invalid: Missing the key pk in the item.',
    ],
    ['a format that does not match', { prefix: 'in/', format: 'ION' }, 'None of the first'],
  ])('%s', async (_name, inputs, message) => {
    const error = await runManagedImport(importPlan({ bucket, ...inputs }), managedDeps(clients), 'asked').catch(
      (e: unknown) => e as Error,
    );
    expect((error as Error).message).toContain(message.replace('BUCKET', bucket));
    expect(clients.dynamodbMock.commandCalls(ImportTableCommand)).toHaveLength(0);
  });

  it("an export's root, with the data/ folder to use instead", async () => {
    const exported = await sourceBucket({
      'x/AWSDynamoDB/01693685827463-2d8752fd/manifest-files.json': '{}',
      'x/AWSDynamoDB/01693685827463-2d8752fd/data/a.json.gz': gzipSync(LINES),
    });
    const error = await runManagedImport(
      importPlan({ bucket: exported, prefix: 'x/' }),
      managedDeps(clients),
      'asked',
    ).catch((e: unknown) => e as Error);
    expect((error as Error).message).toContain('set prefix to x/AWSDynamoDB/01693685827463-2d8752fd/data/');
    expect(clients.dynamodbMock.commandCalls(ImportTableCommand)).toHaveLength(0);
  });

  it('a table that exists already', async () => {
    clients.dynamodbMock.on(DescribeTableCommand).resolves({ Table: { TableName: 'x', TableStatus: 'ACTIVE' } });
    const error = await runManagedImport(
      importPlan({ bucket, prefix: 'in/', 'table-name': 'Existing' }),
      managedDeps(clients),
      'asked',
    ).catch((e: unknown) => e as Error);
    expect((error as Error).message).toContain(
      "Table Existing already exists, and AWS's ImportTable only creates new tables (it would fail with ResourceInUseException).",
    );
    expect(clients.dynamodbMock.commandCalls(ImportTableCommand)).toHaveLength(0);
  });
});
