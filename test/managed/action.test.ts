// The managed engine through the built action, with a local stand-in for
// the DynamoDB import APIs: cancellation during the wait, and wait: false.

import { gzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { type DynamoDbStub, awsError, startDynamoDbStub } from '../dynamodb-stub.js';
import { localEnv, useLocalCredentials } from '../local-aws.js';
import { runAction } from '../run-action.js';
import { sourceBucket } from './helpers.js';

const ARN = 'arn:aws:dynamodb:us-east-1:123456789012:table/Stubbed/import/01658528578619-c4d4e311';
let bucket: string;
let stub: DynamoDbStub | undefined;

beforeAll(async () => {
  useLocalCredentials();
  bucket = await sourceBucket({ 'in/a.json.gz': gzipSync('{"Item":{"id":{"S":"1"}}}\n') });
});
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function importStub(): Promise<DynamoDbStub> {
  return startDynamoDbStub((operation) => {
    if (operation === 'DescribeTable')
      return awsError('ResourceNotFoundException', 'Requested resource not found: Table: Stubbed not found');
    if (operation === 'ImportTable' || operation === 'DescribeImport')
      return {
        status: 200,
        body: { ImportTableDescription: { ImportArn: ARN, ImportStatus: 'IN_PROGRESS', ProcessedItemCount: 0 } },
      };
    return awsError('UnknownOperationException', operation);
  });
}

const inputs = () => ({
  mode: 'import',
  engine: 'managed',
  'endpoint-url': stub?.endpoint ?? '',
  's3-endpoint-url': inject('s3Endpoint'),
  bucket,
  prefix: 'in/',
  'table-name': 'Stubbed',
  'partition-key': 'id:S',
  'poll-interval': '1s',
});

describe('the managed engine in the built action', () => {
  it('SIGTERM during the wait ends the step within a second with the ARN in the outputs', async () => {
    stub = await importStub();
    const run = await runAction(inputs(), {
      env: localEnv(),
      signal: { name: 'SIGTERM', when: (log) => log.includes('IN_PROGRESS: processed') },
    });
    expect(run.exitAfterSignalMs).toBeLessThan(1000);
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ engine: 'managed', 'job-arn': ARN, status: 'IN_PROGRESS' });
    expect(run.log).toContain('Received SIGTERM: stopping, and reporting what was done.');
    expect(run.log).toContain(
      `::error::CANCELLED: The step was cancelled with the import still running; it goes on server-side: ${ARN}`,
    );
    expect(run.summary).toContain('The step was cancelled while waiting; the job goes on server-side.');
    expect(stub.calls.map((c) => c.operation)).toEqual(['DescribeTable', 'ImportTable', 'DescribeImport']);
  });

  it('wait: false returns right after the start with IN_PROGRESS and the ARN', async () => {
    stub = await importStub();
    const run = await runAction({ ...inputs(), wait: 'false' }, { env: localEnv() });
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs).toMatchObject({ 'job-arn': ARN, status: 'IN_PROGRESS' });
    expect(stub.calls.map((c) => c.operation)).not.toContain('DescribeImport');
  });
});
