// The managed export: AWS's ExportTableToPointInTime, full or incremental,
// started safely and followed to a final status.

import {
  DescribeExportCommand,
  type ExportDescription,
  type ExportTableToPointInTimeInput,
  ExportTableToPointInTimeCommand,
} from '@aws-sdk/client-dynamodb';
import type { ExportPlan } from '../plan.js';
import type { Status, TransferResult } from '../result.js';
import { explain } from '../aws/errors.js';
import type { ManagedDeps } from './deps.js';
import { consoleLink, followJob } from './follow.js';
import { preflightExport } from './preflight-export.js';
import { startIdempotently } from './start.js';

export async function runManagedExport(
  plan: ExportPlan,
  deps: ManagedDeps,
  engineReason: string,
): Promise<TransferResult> {
  const started = deps.now();
  const preflight = await preflightExport(plan, deps.dynamodb, new Date(started));
  deps.phase('Export');
  const request = exportRequest(plan, preflight.tableArn);
  const { job, restarted } = await startIdempotently({
    request,
    givenToken: plan.clientToken,
    deps,
    what: 'export',
    start: async (token) => {
      try {
        return (
          (await deps.dynamodb.send(new ExportTableToPointInTimeCommand({ ...request, ClientToken: token })))
            .ExportDescription ?? {}
        );
      } catch (error) {
        throw explain(error, 'ExportTableToPointInTime');
      }
    },
    statusOf: (description) => description.ExportStatus,
  });
  const arn = job.ExportArn ?? '';
  deps.log(
    `Export ${arn} is ${job.ExportStatus}${restarted ? ' (restarted)' : ''}: ${consoleLink(plan.aws.region, 'export', arn)}`,
  );

  const final = await followJob<ExportDescription>({
    plan,
    deps,
    initial: job,
    describe: async () =>
      (await deps.dynamodb.send(new DescribeExportCommand({ ExportArn: arn }))).ExportDescription ?? {},
    statusOf: (d) => d.ExportStatus,
    progressOf: (d) => `${d.ItemCount ?? 0} item(s), ${d.BilledSizeBytes ?? 0} billed bytes`,
  });
  deps.phase('Counts');
  const description = final.state;
  const status = (description.ExportStatus ?? 'IN_PROGRESS') as Status;
  const bucket = plan.destination.kind === 's3' ? plan.destination.bucket : '';
  const exportId = arn.split('/').pop() ?? '';
  const root =
    plan.destination.kind === 's3' && plan.destination.prefix !== ''
      ? `${plan.destination.prefix.replace(/\/$/, '')}/`
      : '';
  const dataFolder =
    plan.exportType.kind === 'FULL_EXPORT' ? `${root}AWSDynamoDB/${exportId}/data/` : `${root}AWSDynamoDB/data/`;
  const notes = [final.note];
  if (description.FailureCode !== undefined)
    notes.push(`AWS says ${description.FailureCode}: ${description.FailureMessage ?? ''}`);
  return {
    mode: 'export',
    engine: 'managed',
    engineReason,
    status,
    ...(final.timedOut ? { timedOut: true } : {}),
    ...(final.aborted ? { aborted: true } : {}),
    exportType: plan.exportType.kind,
    tableName: preflight.tableName,
    tableArn: preflight.tableArn,
    jobArn: arn,
    source: `table ${preflight.tableName}`,
    destination: `s3://${bucket}/${root}`,
    ...(description.ItemCount === undefined ? {} : { itemCount: description.ItemCount }),
    ...(description.BilledSizeBytes === undefined ? {} : { processedSizeBytes: description.BilledSizeBytes }),
    ...(status === 'COMPLETED' && description.ExportManifest !== undefined
      ? {
          exportManifest: `s3://${bucket}/${description.ExportManifest}`,
          dataUrl: `s3://${bucket}/${dataFolder}`,
          // The export's own folder holds its manifests, whichever data/ folder its files are in.
          ...(plan.destination.kind === 's3' && {
            exportFolder: { ...plan.destination, prefix: `${root}AWSDynamoDB/${exportId}/` },
          }),
        }
      : {}),
    durationSeconds: (deps.now() - started) / 1000,
    errors: [],
    note: notes.filter((n) => n !== '').join(' '),
  };
}

export function exportRequest(plan: ExportPlan, tableArn: string): Omit<ExportTableToPointInTimeInput, 'ClientToken'> {
  const destination = plan.destination;
  const type = plan.exportType;
  const expressions = plan.expressions;
  return {
    TableArn: tableArn,
    S3Bucket: destination.kind === 's3' ? destination.bucket : '',
    ...(destination.kind === 's3' && destination.prefix !== '' ? { S3Prefix: destination.prefix } : {}),
    ...(destination.kind === 's3' && destination.owner !== undefined ? { S3BucketOwner: destination.owner } : {}),
    ...(plan.encryption === undefined
      ? {}
      : {
          S3SseAlgorithm: plan.encryption.algorithm,
          ...(plan.encryption.kmsKeyId === undefined ? {} : { S3SseKmsKeyId: plan.encryption.kmsKeyId }),
        }),
    ExportFormat: plan.format,
    ExportType: type.kind,
    ...(type.kind === 'FULL_EXPORT'
      ? type.exportTime === undefined
        ? {}
        : { ExportTime: type.exportTime }
      : {
          IncrementalExportSpecification: {
            ExportFromTime: type.from,
            ExportToTime: type.to,
            ExportViewType: type.viewType,
          },
        }),
    ...(expressions === undefined
      ? {}
      : {
          FilterSpecification: {
            ...(expressions.filter === undefined ? {} : { FilterExpression: expressions.filter }),
            ...(expressions.projection === undefined ? {} : { ProjectionExpression: expressions.projection }),
            ...(expressions.keyCondition === undefined ? {} : { KeyConditionExpression: expressions.keyCondition }),
            ...(expressions.names === undefined ? {} : { ExpressionAttributeNames: expressions.names }),
            ...(expressions.values === undefined ? {} : { ExpressionAttributeValues: expressions.values }),
          },
        }),
  };
}
