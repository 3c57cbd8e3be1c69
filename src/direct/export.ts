// The direct export: parallel Scan (or a Query with key-condition-expression)
// into the layout AWS writes: _started, data files, manifest-files.json,
// manifest-summary.json and their .md5 files. A cancel or a failure stops
// every segment between pages, each finishing the data file it was writing;
// the result counts the items in those files, and without manifests the
// unfinished export is never taken for a whole one.

import { join } from 'node:path';
import { type AttributeValue, ScanCommand, type TableDescription } from '@aws-sdk/client-dynamodb';
import { unmetered } from '../aws/meter.js';
import { explain } from '../aws/errors.js';
import { Breaker, type RetryDeps, errorName, withRetries } from '../aws/retry.js';
import { describeTable, keySchemaOf, primaryKeyNames } from '../aws/table.js';
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
import type { ExportPlan, Location } from '../plan.js';
import type { TransferResult } from '../result.js';
import { openDestination } from '../storage/open.js';
import { type DataFileTotals, writeDataFiles } from './data-files.js';
import type { EngineDeps } from './deps.js';
import { CheckpointKeeper, exportRequest, freshCheckpoint, sumItems } from './export-checkpoint.js';
import { type PositionProbe, checkpointKey, continuedNote, continuing, findResumePoint } from './export-resume.js';
import { exportEstimate, logEstimate } from '../aws/estimate.js';
import { PageSizer } from './page-limit.js';
import { Progress } from './progress.js';
import { PageBuffers, queryRaw, scanRaw } from './raw-pages.js';
import { type PageReader, SegmentStop, readSegment } from './segment-pages.js';
import { planSegments } from './segments.js';

/**
 * Scan pages being read or waiting to be written, across every segment, at
 * most: each is up to ~1.6 MB of JSON held outside the heap, so 64 segments'
 * pages alone would take 100 MB of the 200 MB budget. Two cores compress
 * about 100 MB of JSON a second, which 16 pages in flight supply even from
 * AWS (bench/README.md, "The export's pages"); more would only wait in memory.
 */
const PAGES_OUT = 16;

/** Uncompressed bytes per data file before a new one starts: what a stopped export redoes at most, per segment. */
export const DATA_FILE_MAX_BYTES = 64 * 1024 * 1024;

export async function runExport(plan: ExportPlan, deps: EngineDeps, engineReason: string): Promise<TransferResult> {
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
  const meter = deps.meter ?? unmetered(plan.concurrency, deps.now);
  const retry = { ...deps, breaker: new Breaker(deps.now), meter };
  const full = plan.expressions?.keyCondition === undefined;
  if (full)
    logEstimate(
      exportEstimate(table.TableSizeBytes, table.ItemCount),
      'read',
      meter.budget,
      plan.waiting.timeoutMs,
      deps,
    );
  // The data files copy each page's items as they encode them: its buffer is used again for a later page.
  const reader = pageReader(plan, table, retry, new PageBuffers(PAGES_OUT));
  const { store, prefix } = openDestination(plan.destination, deps.s3, {
    spoolDir: deps.tempDir,
    ...(plan.encryption === undefined ? {} : { encryption: plan.encryption }),
  });
  const request = exportRequest(plan, table);
  const check = { probe: positionProbe(table, retry), warn: deps.warn };
  const resumed = plan.resume === 'auto' ? await findResumePoint(store, prefix, request, deps.log, check) : undefined;
  // A continued export keeps its id, times and segment count: its checkpoint's positions are of those segments.
  const segments =
    resumed === undefined ? await planSegments(table, plan, reader) : { count: resumed.checkpoint.segments.length };
  const exportTime = new Date(resumed?.checkpoint.exportTime ?? deps.now());
  const exportId = resumed?.checkpoint.exportId ?? newExportId(exportTime);
  const paths = exportPaths(prefix, exportId);
  const startTime = resumed?.checkpoint.startTime ?? new Date(started).toISOString();
  const keeper = new CheckpointKeeper(
    resumed?.checkpoint ?? freshCheckpoint(request, exportId, startTime, exportTime, segments.count),
    (text) => store.writeText(checkpointKey(paths), text),
  );
  deps.phase('Export');
  if (resumed === undefined) {
    await store.writeText(paths.started, '');
    await keeper.save();
    deps.log(`Exporting ${tableName} to ${store.describe(paths.folder)} (${plan.format}, ${plan.compression})`);
  } else {
    deps.log(continuing(resumed.checkpoint, store.describe(paths.folder)));
  }

  const earlier = sumItems(keeper.files);
  const totals: DataFileTotals = { items: earlier, bytes: 0 };
  const progress = new Progress({ verb: 'Exported', total: table.ItemCount, log: deps.log, now: deps.now });
  const maxBytes = deps.dataFileMaxBytes ?? DATA_FILE_MAX_BYTES;
  const options = { store, paths, format: plan.format, compression: plan.compression, maxBytes };
  const onPage = () => progress.update({ items: totals.items, bytes: totals.bytes, errors: 0 });
  const stop = new SegmentStop(deps.signal);
  const positions = keeper.positions();
  await Promise.allSettled(
    positions.map((position, segment) => {
      const pages = readSegment(reader, segment, segments, onPage, stop, position);
      const onFile = (entry: DataFileEntry) => keeper.fileDone(segment, entry, position);
      // A continued segment writes no empty file when its earlier files hold its items; every segment done has a file.
      const emptyFile = !keeper.files.some((f) => f.segment === segment);
      const segmentOptions = { ...options, onFile, emptyFile };
      return writeDataFiles(pages[Symbol.asyncIterator](), segmentOptions, totals)
        .catch((error: unknown) => {
          stop.fail(explain(error, `Writing a data file to ${store.describe(paths.dataFolder)}`, 'WRITE_FAILED'));
          throw error;
        })
        .finally(() => pages.return(undefined)); // a page still held goes back, for the segments waiting for room
    }),
  );
  // Every segment has ended its data file, each recorded in the checkpoint; a failure or a cancel leaves no manifest.
  const entries: DataFileEntry[] = keeper.files.map(({ segment: _segment, ...entry }) => entry);
  // A cancel that came after the last page changed nothing: the export goes on to its manifests.
  if (stop.failure !== undefined || stop.cut) {
    const where = { folder: store.describe(paths.folder), files: entries, started };
    return unfinished(plan, engineReason, table, totals, where, deps, stop.failure, resumed !== undefined);
  }

  deps.phase('Counts');
  const manifestFiles = formatManifestFiles(entries);
  await store.writeText(paths.manifestFiles, manifestFiles);
  await store.writeText(paths.manifestFilesMd5, md5Base64(manifestFiles));
  const tableArn = table.TableArn ?? plan.table.arn ?? '';
  const summary: ManifestSummary = {
    version: '2020-06-30',
    exportArn: `${tableArn}/export/${exportId}`,
    startTime,
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
    itemCount: sumItems(entries),
    outputFormat: plan.format,
    exportType: 'FULL_EXPORT',
  };
  const summaryText = formatManifestSummary(summary);
  await store.writeText(paths.manifestSummary, summaryText);
  await store.writeText(paths.manifestSummaryMd5, md5Base64(summaryText));
  // The export is whole: it ends as AWS's do, without a checkpoint (one left behind is harmless: the manifest wins).
  await store.delete(checkpointKey(paths)).catch((error: unknown) => {
    deps.warn(
      `The export is complete, but its checkpoint ${store.describe(checkpointKey(paths))} could not be removed: ${(error as Error).message}`,
    );
  });
  deps.log(
    `Wrote ${entries.length} data file(s) with ${summary.itemCount.toLocaleString('en-US')} item(s) and the manifests`,
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
    itemCount: summary.itemCount,
    processedSizeBytes: totals.bytes,
    resumed: resumed !== undefined,
    exportManifest: store.describe(paths.manifestSummary),
    dataUrl: store.describe(paths.dataFolder),
    fileCount: entries.length,
    keySchema: keySchemaOf(table),
    exportFolder: folderLocation(plan.destination, paths.folder),
    durationSeconds: (deps.now() - started) / 1000,
    errors: [],
    note: `${resumed === undefined ? '' : `${continuedNote(resumed.checkpoint, earlier)} `}Each data file's MD5 is in manifest-files.json; an import checks them before using the items.`,
  };
}

/** The export's folder as a place to read it back from (`verify: true`). */
function folderLocation(destination: ExportPlan['destination'], folder: string): Location {
  return destination.kind === 's3'
    ? { ...destination, prefix: folder }
    : { kind: 'local', path: join(destination.path, folder) };
}

/**
 * What an export stopped by a cancel or a failure reports: the items in the
 * data files it finished, and no manifest, so no import takes the folder for
 * a whole export.
 */
function unfinished(
  plan: ExportPlan,
  engineReason: string,
  table: TableDescription,
  totals: DataFileTotals,
  where: { folder: string; files: DataFileEntry[]; started: number },
  deps: EngineDeps,
  failure: TransferError | undefined,
  resumed: boolean,
): TransferResult {
  const items = sumItems(where.files);
  const written = `${items.toLocaleString('en-US')} item(s) are in the ${where.files.length} data file(s) finished before the ${failure === undefined ? 'stop' : 'failure'}`;
  return {
    mode: 'export',
    engine: 'direct',
    engineReason,
    status: failure === undefined ? 'CANCELLED' : 'FAILED',
    ...(failure === undefined ? { aborted: true } : { failure: failure.shown }),
    tableName: table.TableName ?? plan.table.name ?? '',
    ...(table.TableArn === undefined ? {} : { tableArn: table.TableArn }),
    source: `table ${table.TableName}`,
    destination: where.folder,
    itemCount: items,
    processedSizeBytes: totals.bytes,
    fileCount: where.files.length,
    resumed,
    durationSeconds: (deps.now() - where.started) / 1000,
    errors: [],
    note: `${written}; ${where.folder} has no manifest, so no import takes it for a whole export. Its checkpoint lets the next run of this step continue it (resume: auto).`,
  };
}

/** One item of a segment read from a checkpoint's position: DynamoDB's ValidationException says the key is not of it. */
function positionProbe(table: TableDescription, deps: EngineDeps & RetryDeps & { breaker: Breaker }): PositionProbe {
  return async (segment, total, key) => {
    const scan = new ScanCommand({
      TableName: table.TableName,
      Segment: segment,
      TotalSegments: total,
      ExclusiveStartKey: key,
      Limit: 1,
      ProjectionExpression: '#k',
      ExpressionAttributeNames: { '#k': primaryKeyNames(table)[0] ?? '' },
    });
    try {
      await withRetries(`Scan of ${table.TableName}`, () => deps.dynamodb.send(scan), deps);
      return undefined;
    } catch (error) {
      if (errorName(error) !== 'ValidationException') throw explain(error, `Scan of ${table.TableName}`, 'READ_FAILED');
      return `ValidationException: ${(error as Error).message}`;
    }
  };
}

/**
 * One page of a scan segment (or of the Query), with consistent reads, under
 * the one retry policy; a failure says what was read and why it failed.
 */
export function pageReader(
  plan: Pick<ExportPlan, 'expressions' | 'concurrency'>,
  table: TableDescription,
  deps: EngineDeps & RetryDeps & { breaker: Breaker },
  buffers?: PageBuffers,
): PageReader {
  const meter = deps.meter ?? unmetered(plan.concurrency, deps.now);
  const expressions = plan.expressions;
  const common = {
    TableName: table.TableName,
    ConsistentRead: true,
    ReturnConsumedCapacity: 'TOTAL' as const,
    ...(expressions?.filter === undefined ? {} : { FilterExpression: expressions.filter }),
    ...(expressions?.projection === undefined ? {} : { ProjectionExpression: expressions.projection }),
    ...(expressions?.names === undefined ? {} : { ExpressionAttributeNames: expressions.names }),
    ...(expressions?.values === undefined ? {} : { ExpressionAttributeValues: expressions.values }),
  };
  const what = `${expressions?.keyCondition === undefined ? 'Scan' : 'Query'} of ${table.TableName}`;
  const sizer = new PageSizer(meter.budget, table, true);
  const read = async (segment: number, total: number, from: Record<string, AttributeValue> | undefined) => {
    // Room for the page before it is asked for: the pages out at once are most of what an export holds.
    const free = await buffers?.reserve();
    try {
      const page = await readPage(segment, total, from);
      if (free === undefined) return page;
      const release = page.release;
      return {
        ...page,
        release: () => {
          release?.();
          free();
        },
      };
    } catch (error) {
      free?.();
      throw error;
    }
  };
  const readPage = async (segment: number, total: number, from: Record<string, AttributeValue> | undefined) => {
    const limit = sizer.limit();
    const paging = { ExclusiveStartKey: from, ...(limit === undefined ? {} : { Limit: limit }) };
    const page = await meter.send('read', sizer.estimate(limit), async () => {
      const result =
        expressions?.keyCondition === undefined
          ? await scanRaw(
              deps.dynamodb,
              { ...common, ...paging, Segment: segment, TotalSegments: total },
              deps.signal,
              buffers,
            )
          : await queryRaw(
              deps.dynamodb,
              { ...common, ...paging, KeyConditionExpression: expressions.keyCondition },
              deps.signal,
              buffers,
            );
      return { result, consumed: result.consumed, attempts: result.attempts };
    });
    sizer.learn(page.consumed, page.scanned);
    return page;
  };
  return (segment, total, from) =>
    withRetries(what, () => read(segment, total, from), deps).catch((error: unknown) => {
      throw explain(error, what, 'READ_FAILED');
    });
}
