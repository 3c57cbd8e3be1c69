// The managed import: AWS's ImportTable, started safely, followed to a final
// status, and explained (the first CloudWatch errors for a failed import).

import {
  DescribeImportCommand,
  ImportTableCommand,
  type ImportTableDescription,
  type ImportTableInput,
} from '@aws-sdk/client-dynamodb';
import type { ImportPlan } from '../plan.js';
import type { Status, TransferResult } from '../result.js';
import { explain } from '../aws/errors.js';
import { readImportErrors } from './cloudwatch.js';
import type { ManagedDeps } from './deps.js';
import { consoleLink, followJob } from './follow.js';
import { preflightImport } from './preflight-import.js';
import { readGuard } from '../storage/s3-read.js';
import { startIdempotently } from './start.js';

export async function runManagedImport(
  plan: ImportPlan,
  deps: ManagedDeps,
  engineReason: string,
): Promise<TransferResult> {
  const started = deps.now();
  const preflight = await preflightImport(plan, deps.dynamodb, deps.s3, readGuard(deps));
  deps.log(
    `Pre-flight: ${preflight.objectCount} object(s), ${preflight.compression}; the first ${preflight.sampled} item(s) of ${preflight.firstKey} parse with their keys${preflight.sampleErrors.length > 0 ? ` except ${preflight.sampleErrors.length}` : ''}.`,
  );
  for (const error of preflight.sampleErrors.slice(0, 3))
    deps.warn(`${preflight.firstKey} line ${error.line}: ${error.message}`);

  deps.phase('Import');
  const request = importRequest(plan, preflight.compression);
  const { job, restarted } = await startIdempotently({
    request,
    givenToken: plan.clientToken,
    deps,
    what: 'import',
    start: async (token) => {
      try {
        const response = await deps.dynamodb.send(new ImportTableCommand({ ...request, ClientToken: token }));
        return response.ImportTableDescription ?? {};
      } catch (error) {
        throw explain(error, 'ImportTable');
      }
    },
    statusOf: (description) => description.ImportStatus,
  });
  const arn = job.ImportArn ?? '';
  deps.log(
    `Import ${arn} is ${job.ImportStatus}${restarted ? ' (restarted)' : ''}: ${consoleLink(plan.aws.region, 'import', arn)}`,
  );

  const final = await followJob<ImportTableDescription>({
    plan,
    deps,
    initial: job,
    describe: async () =>
      (await deps.dynamodb.send(new DescribeImportCommand({ ImportArn: arn }))).ImportTableDescription ?? {},
    statusOf: (d) => d.ImportStatus,
    progressOf: (d) =>
      `processed ${d.ProcessedItemCount ?? 0} item(s), imported ${d.ImportedItemCount ?? 0}, ${d.ErrorCount ?? 0} error(s), ${d.ProcessedSizeBytes ?? 0} bytes`,
  });

  deps.phase('Counts');
  const description = final.state;
  const status = (
    description.ImportStatus === 'CANCELLING' ? 'IN_PROGRESS' : (description.ImportStatus ?? 'IN_PROGRESS')
  ) as Status;
  const errors = status === 'FAILED' ? await readImportErrors(deps.logs, arn) : { samples: [] };
  const notes = [final.note];
  if (description.FailureCode !== undefined)
    notes.push(`AWS says ${description.FailureCode}: ${description.FailureMessage ?? ''}`);
  if ('unavailable' in errors && errors.unavailable !== undefined)
    notes.push(`The error events could not be read: ${errors.unavailable}.`);
  if (status === 'FAILED' && errors.samples.length > 0)
    notes.push(`All errors are in CloudWatch Logs, /aws-dynamodb/imports, stream ${arn.split('/').pop()}/error.`);
  return {
    mode: 'import',
    engine: 'managed',
    engineReason,
    status,
    ...(final.timedOut ? { timedOut: true } : {}),
    ...(final.aborted ? { aborted: true } : {}),
    tableName: plan.tableName,
    ...(description.TableArn === undefined ? {} : { tableArn: description.TableArn }),
    jobArn: arn,
    source:
      plan.source.location.kind === 's3' ? `s3://${plan.source.location.bucket}/${plan.source.location.prefix}` : '',
    destination: `table ${plan.tableName}`,
    ...(description.ProcessedItemCount === undefined ? {} : { processedItemCount: description.ProcessedItemCount }),
    ...(description.ImportedItemCount === undefined ? {} : { importedItemCount: description.ImportedItemCount }),
    ...(description.ErrorCount === undefined ? {} : { errorCount: description.ErrorCount }),
    ...(description.ProcessedSizeBytes === undefined ? {} : { processedSizeBytes: description.ProcessedSizeBytes }),
    durationSeconds: (deps.now() - started) / 1000,
    errors: errors.samples,
    note: notes.filter((n) => n !== '').join(' '),
    ...(preflight.warnings.length > 0 && { warnings: preflight.warnings }),
  };
}

export function importRequest(
  plan: ImportPlan,
  compression: 'NONE' | 'GZIP' | 'ZSTD',
): Omit<ImportTableInput, 'ClientToken'> {
  const location = plan.source.location;
  const csv = plan.source.csv;
  return {
    S3BucketSource: {
      S3Bucket: location.kind === 's3' ? location.bucket : '',
      ...(location.kind === 's3' && location.prefix !== '' ? { S3KeyPrefix: location.prefix } : {}),
      ...(location.kind === 's3' && location.owner !== undefined ? { S3BucketOwner: location.owner } : {}),
    },
    InputFormat: plan.source.format === 'ION' ? 'ION' : plan.source.format,
    ...(csv === undefined
      ? {}
      : {
          InputFormatOptions: {
            Csv: { Delimiter: csv.delimiter, ...(csv.header === undefined ? {} : { HeaderList: csv.header }) },
          },
        }),
    InputCompressionType: compression,
    TableCreationParameters: {
      ...plan.tableParameters,
      TableName: plan.tableName,
    } as ImportTableInput['TableCreationParameters'],
  };
}
