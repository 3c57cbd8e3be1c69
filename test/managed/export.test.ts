// The managed export against AWS's documented response shapes.

import {
  DescribeContinuousBackupsCommand,
  DescribeExportCommand,
  DescribeTableCommand,
  ExportTableToPointInTimeCommand,
  type ExportStatus,
} from '@aws-sdk/client-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { runManagedExport } from '../../src/managed/export.js';
import { renderSummary } from '../../src/summary.js';
import { parse } from 'yaml';
import { exportPlan, fakeClock, managedDeps, mockedClients } from './helpers.js';

const TABLE_ARN = 'arn:aws:dynamodb:eu-west-1:123456789012:table/Orders';
const EXPORT_ARN = `${TABLE_ARN}/export/01693685827463-2d8752fd`;
let clients: ReturnType<typeof mockedClients>;

const pitr = (status: 'ENABLED' | 'DISABLED', earliest = '2026-01-10T00:00:00Z') => ({
  ContinuousBackupsDescription: {
    ContinuousBackupsStatus: 'ENABLED' as const,
    PointInTimeRecoveryDescription: {
      PointInTimeRecoveryStatus: status,
      EarliestRestorableDateTime: new Date(earliest),
      LatestRestorableDateTime: new Date('2026-01-15T11:55:00Z'),
    },
  },
});
const description = (status: ExportStatus, extra: Record<string, unknown> = {}) => ({
  ExportDescription: { ExportArn: EXPORT_ARN, ExportStatus: status, TableArn: TABLE_ARN, ...extra },
});

beforeEach(() => {
  clients = mockedClients();
  clients.dynamodbMock.on(DescribeTableCommand).resolves({ Table: { TableName: 'Orders', TableArn: TABLE_ARN } });
  clients.dynamodbMock.on(DescribeContinuousBackupsCommand).resolves(pitr('ENABLED'));
});

describe('ExportTableToPointInTime request', () => {
  it('carries a full export with every option, the ARN looked up from the name', async () => {
    clients.dynamodbMock.on(ExportTableToPointInTimeCommand).resolves(description('IN_PROGRESS'));
    await runManagedExport(
      exportPlan({
        prefix: 'nightly/{table}/',
        'bucket-owner': '123456789012',
        format: 'ion',
        'export-time': '2026-01-15T06:00:00Z',
        's3-sse-algorithm': 'KMS',
        's3-sse-kms-key-id': 'alias/backups',
        'filter-expression': '#s = :s',
        'projection-expression': 'id, #s',
        'key-condition-expression': 'id = :id',
        'expression-attribute-names': '{"#s": "status"}',
        'expression-attribute-values': '{":s": {"S": "open"}, ":id": {"S": "a"}}',
        wait: 'false',
      }),
      managedDeps(clients, fakeClock()),
      'asked',
    );
    const [call] = clients.dynamodbMock.commandCalls(ExportTableToPointInTimeCommand);
    expect(call?.args[0].input).toEqual({
      TableArn: TABLE_ARN,
      S3Bucket: 'backups',
      S3Prefix: 'nightly/Orders/',
      S3BucketOwner: '123456789012',
      S3SseAlgorithm: 'KMS',
      S3SseKmsKeyId: 'alias/backups',
      ExportFormat: 'ION',
      ExportType: 'FULL_EXPORT',
      ExportTime: new Date('2026-01-15T06:00:00Z'),
      FilterSpecification: {
        FilterExpression: '#s = :s',
        ProjectionExpression: 'id, #s',
        KeyConditionExpression: 'id = :id',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': { S: 'open' }, ':id': { S: 'a' } },
      },
      ClientToken: expect.stringMatching(/^dst-[0-9a-f]{32}$/),
    });
  });

  it('carries an incremental window and view type', async () => {
    clients.dynamodbMock.on(ExportTableToPointInTimeCommand).resolves(description('IN_PROGRESS'));
    await runManagedExport(
      exportPlan({
        'table-arn': TABLE_ARN,
        'export-type': 'INCREMENTAL_EXPORT',
        'incremental-from': '-2h',
        'incremental-to': '-1h',
        'export-view-type': 'NEW_IMAGE',
        wait: 'false',
      }),
      managedDeps(clients, fakeClock()),
      'asked',
    );
    expect(clients.dynamodbMock.commandCalls(DescribeTableCommand)).toHaveLength(0);
    expect(clients.dynamodbMock.commandCalls(ExportTableToPointInTimeCommand)[0]?.args[0].input).toMatchObject({
      ExportType: 'INCREMENTAL_EXPORT',
      IncrementalExportSpecification: {
        ExportFromTime: new Date('2026-01-15T10:00:00Z'),
        ExportToTime: new Date('2026-01-15T11:00:00Z'),
        ExportViewType: 'NEW_IMAGE',
      },
    });
  });
});

describe('following the export', () => {
  it('IN_PROGRESS -> COMPLETED gives the item count, the manifest and the data folder', async () => {
    clients.dynamodbMock.on(ExportTableToPointInTimeCommand).resolves(description('IN_PROGRESS'));
    clients.dynamodbMock
      .on(DescribeExportCommand)
      .resolvesOnce(description('IN_PROGRESS'))
      .resolves(
        description('COMPLETED', {
          ItemCount: 8,
          BilledSizeBytes: 1234,
          ExportManifest: 'nightly/AWSDynamoDB/01693685827463-2d8752fd/manifest-summary.json',
        }),
      );
    const result = await runManagedExport(
      exportPlan({ prefix: 'nightly' }),
      managedDeps(clients, fakeClock()),
      'asked',
    );
    expect(result).toMatchObject({
      status: 'COMPLETED',
      itemCount: 8,
      processedSizeBytes: 1234,
      jobArn: EXPORT_ARN,
      exportManifest: 's3://backups/nightly/AWSDynamoDB/01693685827463-2d8752fd/manifest-summary.json',
      dataUrl: 's3://backups/nightly/AWSDynamoDB/01693685827463-2d8752fd/data/',
    });
  });
  it('an incremental export: its data is in the shared data/ folder, its folder is its own, and the summary applies it', async () => {
    clients.dynamodbMock.on(ExportTableToPointInTimeCommand).resolves(description('IN_PROGRESS'));
    clients.dynamodbMock.on(DescribeExportCommand).resolves(
      description('COMPLETED', {
        ExportType: 'INCREMENTAL_EXPORT',
        ItemCount: 3,
        ExportManifest: 'hourly/AWSDynamoDB/01693685827463-2d8752fd/manifest-summary.json',
      }),
    );
    const result = await runManagedExport(
      exportPlan({
        'table-arn': TABLE_ARN,
        prefix: 'hourly',
        'export-type': 'INCREMENTAL_EXPORT',
        'incremental-from': '-2h',
        'incremental-to': '-1h',
      }),
      managedDeps(clients, fakeClock()),
      'asked',
    );
    expect(result).toMatchObject({
      status: 'COMPLETED',
      dataUrl: 's3://backups/hourly/AWSDynamoDB/data/',
      exportFolder: { kind: 's3', bucket: 'backups', prefix: 'hourly/AWSDynamoDB/01693685827463-2d8752fd/' },
    });
    // ImportTable cannot read change records: the snippet applies them with the direct engine, through the manifest.
    const summary = renderSummary(result, { ok: true, message: '' });
    const snippet = /### Apply it to a restored table\n\n```yaml\n([\s\S]*?)\n```/.exec(summary)?.[1];
    expect(snippet, summary).toBeDefined();
    const [step] = parse(snippet ?? '') as [{ with: Record<string, string> }];
    expect(step.with).toEqual({
      mode: 'import',
      'table-name': 'Orders-restored',
      bucket: 'backups',
      prefix: 'hourly/AWSDynamoDB/01693685827463-2d8752fd/',
      engine: 'direct',
    });
    expect(summary).not.toContain('### Import it back');
  });
});

describe('pre-flight checks start nothing', () => {
  it('point-in-time recovery disabled, with the command that enables it', async () => {
    clients.dynamodbMock.on(DescribeContinuousBackupsCommand).resolves(pitr('DISABLED'));
    await expect(runManagedExport(exportPlan({}), managedDeps(clients, fakeClock()), 'asked')).rejects.toThrow(
      'Point-in-time recovery is not enabled on Orders, and exports need it. Enable it once with: aws dynamodb update-continuous-backups --table-name Orders --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true',
    );
    expect(clients.dynamodbMock.commandCalls(ExportTableToPointInTimeCommand)).toHaveLength(0);
  });

  it('an export time before the recovery window', async () => {
    clients.dynamodbMock.on(DescribeContinuousBackupsCommand).resolves(pitr('ENABLED', '2026-01-15T00:00:00Z'));
    await expect(
      runManagedExport(
        exportPlan({ 'export-time': '2026-01-14T00:00:00Z' }),
        managedDeps(clients, fakeClock()),
        'asked',
      ),
    ).rejects.toThrow(
      'The export time 2026-01-14T00:00:00.000Z is outside the point-in-time recovery window of Orders (2026-01-15T00:00:00.000Z to 2026-01-15T11:55:00.000Z).',
    );
    expect(clients.dynamodbMock.commandCalls(ExportTableToPointInTimeCommand)).toHaveLength(0);
  });

  it('a table that does not exist', async () => {
    clients.dynamodbMock
      .on(DescribeTableCommand)
      .rejects(Object.assign(new Error('not found'), { name: 'ResourceNotFoundException' }));
    await expect(runManagedExport(exportPlan({}), managedDeps(clients, fakeClock()), 'asked')).rejects.toThrow();
    expect(clients.dynamodbMock.commandCalls(ExportTableToPointInTimeCommand)).toHaveLength(0);
  });
});
