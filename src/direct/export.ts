// The direct export: parallel Scan (or a Query with key-condition-expression)
// into the layout AWS writes: _started, data files, manifest-files.json,
// manifest-summary.json and their .md5 files.

import type { AttributeValue, TableDescription } from '@aws-sdk/client-dynamodb';
import { TransferError } from '../errors.js';
import {
  type DataFileEntry,
  type ManifestSummary,
  exportPaths,
  formatManifestFiles,
  formatManifestSummary,
  md5Base64,
  newExportId,
} from '../formats/manifest.js';
import type { ExportPlan } from '../plan.js';
import type { TransferResult } from '../result.js';
import { openStore } from '../storage/open.js';
import { type DataFileTotals, writeDataFiles } from './data-files.js';
import type { EngineDeps } from './deps.js';
import { Progress } from './progress.js';
import { queryRaw, scanRaw } from './raw-pages.js';
import { readWithRetries } from './retry.js';
import { describeTable } from './table.js';

/** Uncompressed bytes per data file before a new one starts. */
export const DATA_FILE_MAX_BYTES = 256 * 1024 * 1024;

export async function runExport(
  plan: ExportPlan,
  deps: EngineDeps,
  engineReason: string,
  maxFileBytes = DATA_FILE_MAX_BYTES,
): Promise<TransferResult> {
  if (plan.exportType.kind === 'INCREMENTAL_EXPORT') {
    throw new TransferError(
      'INVALID_INPUT',
      'export-type: INCREMENTAL_EXPORT is not supported by the direct engine in this version; use engine: managed on AWS, or a full export.',
    );
  }
  const started = deps.now();
  const tableName = plan.table.name ?? '';
  const table = await describeTable(deps.dynamodb, tableName);
  if (table === undefined)
    throw new TransferError('TABLE_NOT_FOUND', `Table ${tableName} does not exist; nothing was exported.`);

  const exportTime = new Date(deps.now());
  const exportId = newExportId(exportTime);
  const { store, prefix } = openStore(plan.destination, deps.s3, {
    spoolDir: deps.tempDir,
    ...(plan.encryption === undefined ? {} : { encryption: plan.encryption }),
  });
  const paths = exportPaths(prefix, exportId);
  deps.phase('Export');
  await store.writeText(paths.started, '');
  deps.log(`Exporting ${tableName} to ${store.describe(paths.folder)} (${plan.format}, ${plan.compression})`);

  const totals: DataFileTotals = { items: 0, bytes: 0 };
  const progress = new Progress({ verb: 'Exported', total: table.ItemCount, log: deps.log, now: deps.now });
  const segments = plan.expressions?.keyCondition === undefined ? plan.concurrency : 1;
  const options = { store, paths, format: plan.format, compression: plan.compression, maxBytes: maxFileBytes };
  const files: DataFileEntry[][] = await Promise.all(
    Array.from({ length: segments }, (_, segment) => {
      const pages = readSegment(plan, table, segment, segments, deps, () =>
        progress.update({ items: totals.items, bytes: totals.bytes, errors: 0 }),
      );
      return writeDataFiles(pages[Symbol.asyncIterator](), options, totals);
    }),
  );
  const entries = files.flat();

  deps.phase('Verification');
  const manifestFiles = formatManifestFiles(entries);
  await store.writeText(paths.manifestFiles, manifestFiles);
  await store.writeText(paths.manifestFilesMd5, md5Base64(manifestFiles));
  const tableArn = table.TableArn ?? plan.table.arn ?? '';
  const summary: ManifestSummary = {
    version: '2020-06-30',
    exportArn: `${tableArn}/export/${exportId}`,
    startTime: new Date(started).toISOString(),
    endTime: new Date(deps.now()).toISOString(),
    tableArn,
    tableId: table.TableId ?? '',
    exportTime: exportTime.toISOString(),
    s3Bucket: plan.destination.kind === 's3' ? plan.destination.bucket : '',
    s3Prefix: prefix === '' ? null : prefix,
    s3SseAlgorithm: plan.encryption?.algorithm ?? null,
    s3SseKmsKeyId: plan.encryption?.kmsKeyId ?? null,
    manifestFilesS3Key: paths.manifestFiles,
    billedSizeBytes: 0,
    itemCount: totals.items,
    outputFormat: plan.format,
    exportType: 'FULL_EXPORT',
  };
  const summaryText = formatManifestSummary(summary);
  await store.writeText(paths.manifestSummary, summaryText);
  await store.writeText(paths.manifestSummaryMd5, md5Base64(summaryText));
  deps.log(
    `Wrote ${entries.length} data file(s) with ${totals.items.toLocaleString('en-US')} item(s) and the manifests`,
  );

  return {
    mode: 'export',
    engine: 'direct',
    engineReason,
    status: 'COMPLETED',
    tableName,
    tableArn,
    source: `table ${tableName}`,
    destination: store.describe(paths.folder),
    itemCount: totals.items,
    processedSizeBytes: totals.bytes,
    exportManifest: store.describe(paths.manifestSummary),
    dataUrl: store.describe(paths.dataFolder),
    fileCount: entries.length,
    keySchema: keySchemaOf(table),
    durationSeconds: (deps.now() - started) / 1000,
    errors: [],
    note: "Each data file's MD5 is in manifest-files.json; an import checks them before using the items.",
  };
}

/** `pk:S`, `sk:N`: the table's keys as the partition-key and sort-key inputs take them. */
function keySchemaOf(table: TableDescription): string[] {
  const type = (name: string | undefined) =>
    table.AttributeDefinitions?.find((d) => d.AttributeName === name)?.AttributeType ?? 'S';
  return ['HASH', 'RANGE'].flatMap((kind) =>
    (table.KeySchema ?? []).filter((k) => k.KeyType === kind).map((k) => `${k.AttributeName}:${type(k.AttributeName)}`),
  );
}

/** One scan segment's pages (each item's DynamoDB JSON), with consistent reads. */
async function* readSegment(
  plan: ExportPlan,
  table: TableDescription,
  segment: number,
  segments: number,
  deps: EngineDeps,
  onPage: () => void,
): AsyncGenerator<Buffer[]> {
  const expressions = plan.expressions;
  const common = {
    TableName: table.TableName,
    ConsistentRead: true,
    ...(expressions?.filter === undefined ? {} : { FilterExpression: expressions.filter }),
    ...(expressions?.projection === undefined ? {} : { ProjectionExpression: expressions.projection }),
    ...(expressions?.names === undefined ? {} : { ExpressionAttributeNames: expressions.names }),
    ...(expressions?.values === undefined ? {} : { ExpressionAttributeValues: expressions.values }),
  };
  const what = `${expressions?.keyCondition === undefined ? 'Scan' : 'Query'} of ${table.TableName}`;
  let start: Record<string, AttributeValue> | undefined;
  do {
    const from = start;
    const page = await readWithRetries(
      what,
      () =>
        expressions?.keyCondition === undefined
          ? scanRaw(deps.dynamodb, { ...common, Segment: segment, TotalSegments: segments, ExclusiveStartKey: from })
          : queryRaw(deps.dynamodb, {
              ...common,
              KeyConditionExpression: expressions.keyCondition,
              ExclusiveStartKey: from,
            }),
      deps,
    );
    yield page.items;
    start = page.lastEvaluatedKey;
    onPage();
  } while (start !== undefined);
}
