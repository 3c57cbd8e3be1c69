// AWS errors the managed engine meets, explained in words a person can act on.

import {
  DescribeContinuousBackupsCommand,
  DescribeExportCommand,
  DescribeTableCommand,
  ExportTableToPointInTimeCommand,
} from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { runManagedExport } from '../../src/managed/export.js';
import { newBucket, newTable, runLocal } from '../direct/helpers.js';
import { useLocalCredentials } from '../local-aws.js';
import { exportPlan, fakeClock, managedDeps, mockedClients } from './helpers.js';

const TABLE_ARN = 'arn:aws:dynamodb:eu-west-1:123456789012:table/Orders';
const EXPORT_ARN = `${TABLE_ARN}/export/01693685827463-2d8752fd`;

beforeAll(() => useLocalCredentials());

describe('managed engine errors', () => {
  it('says the managed engine needs AWS when the endpoint lacks its operations, and suggests engine: direct', async () => {
    const table = await newTable();
    const run = await runLocal({ mode: 'export', engine: 'managed', 'table-name': table, bucket: await newBucket() });
    expect(run.exitCode).toBe(1);
    expect(run.log).toMatch(
      /::error::AWS_ERROR: DescribeContinuousBackups failed with UnknownOperationException: .*the managed engine needs AWS itself .*use engine: direct/,
    );
  });

  it('says a Describe poll that stays throttled could not read the status, instead of "still running"', async () => {
    const clients = mockedClients();
    clients.dynamodbMock.on(DescribeTableCommand).resolves({ Table: { TableName: 'Orders', TableArn: TABLE_ARN } });
    clients.dynamodbMock.on(DescribeContinuousBackupsCommand).resolves({
      ContinuousBackupsDescription: {
        ContinuousBackupsStatus: 'ENABLED',
        PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'ENABLED' },
      },
    });
    clients.dynamodbMock
      .on(ExportTableToPointInTimeCommand)
      .resolves({ ExportDescription: { ExportArn: EXPORT_ARN, ExportStatus: 'IN_PROGRESS' } });
    const throttled = Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
      name: 'ThrottlingException',
      $metadata: { httpStatusCode: 400 },
    });
    clients.dynamodbMock.on(DescribeExportCommand).rejects(throttled);
    const result = await runManagedExport(exportPlan({ timeout: '10m' }), managedDeps(clients, fakeClock()), 'asked');
    expect(result.timedOut).toBe(true);
    expect(result.note).toContain(
      'The status could not be read at the last poll (ThrottlingException: Rate of requests exceeds the allowed throughput.), so it is unknown, after 10m (timeout)',
    );
    expect(result.note).not.toContain('Still running');
  });
});
