// The direct import and validate: source objects -> decode -> check -> write
// (or count, for validate). Every item is either written or rejected with its
// location and reason; processed = imported + errors is checked at the end.

import type { TableDescription } from '@aws-sdk/client-dynamodb';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { TransferError } from '../errors.js';
import { decodeObject } from '../formats/decode.js';
import { type KeyCheck, keyChecksFrom } from '../formats/item-checks.js';
import { newStats } from '../formats/records.js';
import type { ImportPlan, Location, ValidatePlan } from '../plan.js';
import { MAX_ANNOTATIONS } from '../report.js';
import type { Annotation, ItemErrorSample, TransferResult } from '../result.js';
import { LocalStore } from '../storage/local.js';
import { openStore } from '../storage/open.js';
import { S3Store } from '../storage/s3.js';
import type { EngineDeps } from './deps.js';
import { Progress } from './progress.js';
import { type RejectedRecord, RejectsFile } from './rejects.js';
import { type SourceObject, resolveSource } from './source.js';
import { createTable, describeTable, emptyTable, primaryKeyNames } from './table.js';
import { verifiedCopy } from './verified-copy.js';
import { BatchWriter, type Rejection } from './writer.js';

const MAX_SAMPLES = 10;

interface Counts {
  processed: number;
  imported: number;
  errors: number;
  bytes: number;
}

export async function runImport(
  plan: ImportPlan | ValidatePlan,
  deps: EngineDeps,
  engineReason: string,
): Promise<TransferResult> {
  const started = deps.now();
  const { store, prefix } = openStore(plan.source.location, deps.s3);
  // Everything about the source is settled before a table is touched.
  const source = await resolveSource(store, prefix);
  const format = source.export?.format ?? plan.source.format;
  if (source.export !== undefined) {
    deps.log(
      `The source is an export (${source.export.folder}): reading the ${source.objects.length} data file(s) its manifest lists, ${format}.`,
    );
  } else {
    deps.log(`Reading ${source.objects.length} object(s) under ${store.describe(prefix)}.`);
  }

  const table = await targetTable(plan, deps);
  const keys: KeyCheck[] = keyChecksFrom(table);
  const keyNames = primaryKeyNames(table);
  const rejects = openRejects(plan.rejectedItems, deps);
  const pendingRejections: Rejection[] = [];
  const writer =
    plan.mode === 'import'
      ? new BatchWriter({
          dynamodb: deps.dynamodb,
          table: plan.tableName,
          keyNames,
          concurrency: plan.concurrency,
          deps,
          onRejected: (r) => pendingRejections.push(r),
        })
      : undefined;

  const counts: Counts = { processed: 0, imported: 0, errors: 0, bytes: 0 };
  const samples: ItemErrorSample[] = [];
  const annotations: Annotation[] = [];
  let annotationsOmitted = 0;
  const reject = async (record: RejectedRecord): Promise<void> => {
    counts.errors += 1;
    if (samples.length < MAX_SAMPLES) {
      samples.push({
        location: record.line === undefined ? record.object : `${record.object}:${record.line}`,
        code: record.code,
        message: record.message,
      });
    }
    const file = record.line === undefined ? undefined : inRepository(record.object, deps.workspace);
    if (file !== undefined && annotations.length < MAX_ANNOTATIONS)
      annotations.push({ file, line: record.line as number, message: `${record.code}: ${record.message}` });
    else if (file !== undefined) annotationsOmitted += 1;
    await rejects.add(record);
  };
  const drainRejections = async (): Promise<void> => {
    while (pendingRejections.length > 0) {
      const r = pendingRejections.shift() as Rejection;
      await reject({
        item: r.item,
        code: r.code,
        message: r.reason,
        object: r.origin.object,
        line: r.origin.line,
        itemIndex: r.origin.itemIndex,
      });
    }
  };
  deps.phase(plan.mode === 'import' ? 'Import' : 'Validate');
  const progress = new Progress({
    verb: plan.mode === 'import' ? 'Imported' : 'Checked',
    log: deps.log,
    now: deps.now,
    total: source.export?.itemCount,
  });

  try {
    for (const object of source.objects) {
      const name = store.describe(object.key);
      const input = await openObject(store, object, deps, name, reject, counts);
      if (input === undefined) continue;
      const stats = newStats();
      const options = {
        format,
        compression: source.export === undefined ? plan.source.compression : 'auto',
        keys,
        ...(plan.source.csv === undefined ? {} : { csv: plan.source.csv }),
      } as const;
      try {
        for await (const batch of decodeObject(input.chunks, options, stats)) {
          for (const record of batch) {
            counts.processed += 1;
            if ('error' in record) {
              await reject({
                ...(record.item && { item: record.item }),
                code: record.error.code,
                message: record.error.message,
                object: name,
                ...lineOf(record.error),
              });
            } else if (writer === undefined) {
              counts.imported += 1;
            } else {
              await writer.add(record.item, { object: name, line: record.line, itemIndex: record.itemIndex });
            }
          }
          await drainRejections();
          progress.update({ items: counts.processed, bytes: counts.bytes + stats.bytes, errors: counts.errors });
        }
      } finally {
        counts.bytes += stats.bytes;
        await input.remove();
      }
    }
    if (writer !== undefined) await writer.flush();
  } catch (error) {
    // Say exactly what was done before the failure: a re-run with merge is safe.
    if (!(error instanceof TransferError) || writer === undefined) throw error;
    const written = writer.stats.written.toLocaleString('en-US');
    throw new TransferError(
      error.code,
      `${error.message} ${written} item(s) were written to ${plan.tableName} before this; they stay, and a re-run with existing-table: merge is safe.`,
    );
  }
  if (writer !== undefined) {
    await drainRejections();
    counts.imported = writer.stats.written;
  }
  const rejectedItems = await rejects.close();
  deps.phase('Verification');
  deps.log(
    `${counts.processed.toLocaleString('en-US')} processed, ${counts.imported.toLocaleString('en-US')} ${plan.mode === 'import' ? 'imported' : 'valid'}, ${counts.errors.toLocaleString('en-US')} error(s)${rejectedItems === undefined ? '' : `; rejected items in ${rejectedItems}`}`,
  );
  const warnings = [
    ...largeObjectWarnings(source.objects, store),
    ...duplicateWarning(writer?.stats.duplicateKeys ?? 0),
  ];
  const durationSeconds = (deps.now() - started) / 1000;
  return {
    ...result(plan, engineReason, table, counts, samples, rejectedItems, durationSeconds, store.describe(prefix)),
    ...(warnings.length > 0 && { warnings }),
    ...(annotations.length > 0 && { annotations }),
    ...(annotationsOmitted > 0 && { annotationsOmitted }),
  };
}

/** A path inside the repository checkout, relative to it, with / separators. */
function inRepository(object: string, workspace: string | undefined): string | undefined {
  if (workspace === undefined) return undefined;
  const root = resolve(workspace);
  if (!object.startsWith(`${root}${sep}`)) return undefined;
  return relative(root, object).split(sep).join('/');
}

/** AWS recommends mid-sized objects (about 4,000,000 items under 1 KB each). */
const LARGE_OBJECT_BYTES = 4 * 1024 ** 3;

function largeObjectWarnings(objects: readonly SourceObject[], store: { describe(key: string): string }): string[] {
  return objects
    .filter((o) => o.size > LARGE_OBJECT_BYTES)
    .map(
      (o) =>
        `${store.describe(o.key)} is ${(o.size / 1024 ** 3).toFixed(1)} GiB; objects of up to about 4 GiB import faster, in parallel.`,
    );
}

function duplicateWarning(duplicates: number): string[] {
  if (duplicates === 0) return [];
  return [
    `${duplicates.toLocaleString('en-US')} item(s) had the key of an item written just before them and overwrote it (the last one in the source wins, as in AWS's import).`,
  ];
}

function lineOf(error: { line?: number | undefined; itemIndex?: number | undefined }): {
  line?: number;
  itemIndex?: number;
} {
  return {
    ...(error.line === undefined ? {} : { line: error.line }),
    ...(error.itemIndex === undefined ? {} : { itemIndex: error.itemIndex }),
  };
}

/** The object's bytes; an export's data file only once its MD5 matches the manifest. */
async function openObject(
  store: ReturnType<typeof openStore>['store'],
  object: SourceObject,
  deps: EngineDeps,
  name: string,
  reject: (record: RejectedRecord) => Promise<void>,
  counts: Counts,
): Promise<{ chunks: AsyncIterable<Uint8Array>; remove: () => Promise<void> } | undefined> {
  if (object.md5 === undefined) return { chunks: store.read(object.key), remove: async () => undefined };
  const copy = await verifiedCopy(store, object.key, object.md5, deps.tempDir);
  if (copy.ok) return copy;
  await copy.remove();
  // The file's items cannot be trusted: each counts as an item not imported.
  const items = Math.max(1, object.itemCount ?? 1);
  counts.processed += items;
  const message = `the data file's MD5 is ${copy.actualMd5} but the manifest says ${object.md5}: the file is damaged or was changed, so none of its ${object.itemCount ?? 'unknown number of'} item(s) were imported`;
  await reject({ code: 'CHECKSUM_MISMATCH', message, object: name });
  counts.errors += items - 1;
  return undefined;
}

async function targetTable(plan: ImportPlan | ValidatePlan, deps: EngineDeps): Promise<TableDescription> {
  if (plan.mode === 'validate') {
    if (plan.tableParameters?.KeySchema !== undefined) return plan.tableParameters as TableDescription;
    const table = await describeTable(deps.dynamodb, plan.tableName ?? '');
    if (table === undefined)
      throw new TransferError(
        'TABLE_NOT_FOUND',
        `Table ${plan.tableName} does not exist, so it cannot give the key schema to check against; give partition-key or table-creation-parameters instead.`,
      );
    return table;
  }
  const tableDeps = { dynamodb: deps.dynamodb, sleep: deps.sleep, now: deps.now, log: deps.log };
  const existing = await describeTable(deps.dynamodb, plan.tableName);
  if (existing === undefined) {
    return createTable({ ...plan.tableParameters, TableName: plan.tableName }, tableDeps, plan.waiting.timeoutMs);
  }
  if (plan.existingTable === 'fail') {
    throw new TransferError(
      'TABLE_EXISTS',
      `Table ${plan.tableName} already exists and existing-table is fail, so nothing was written. Use existing-table: merge to write into it, or replace to empty it first.`,
    );
  }
  if (plan.existingTable === 'replace') {
    deps.log(`Emptying table ${plan.tableName} (existing-table: replace), keeping its key schema`);
    const deleted = await emptyTable(existing, tableDeps, plan.concurrency);
    deps.log(`Deleted ${deleted.toLocaleString('en-US')} item(s) from ${plan.tableName}`);
  } else {
    deps.log(
      `Writing into the existing table ${plan.tableName} (existing-table: merge): items with the same key are overwritten`,
    );
  }
  return existing;
}

function openRejects(location: Location, deps: EngineDeps): RejectsFile {
  if (location.kind === 's3')
    return new RejectsFile(
      new S3Store(deps.s3, location.bucket, {
        spoolDir: deps.tempDir,
        ...(location.owner === undefined ? {} : { owner: location.owner }),
      }),
      location.prefix,
    );
  return new RejectsFile(new LocalStore(dirname(location.path)), basename(location.path));
}

function result(
  plan: ImportPlan | ValidatePlan,
  engineReason: string,
  table: TableDescription,
  counts: Counts,
  samples: ItemErrorSample[],
  rejectedItems: string | undefined,
  durationSeconds: number,
  source: string,
): TransferResult {
  const balanced = counts.processed === counts.imported + counts.errors;
  const verb = plan.mode === 'import' ? 'imported' : 'valid';
  const notes = [
    balanced
      ? `Checked: ${counts.processed.toLocaleString('en-US')} processed = ${counts.imported.toLocaleString('en-US')} ${verb} + ${counts.errors.toLocaleString('en-US')} error(s).`
      : `Counts do not add up: ${counts.processed} processed, ${counts.imported} ${verb}, ${counts.errors} error(s). Please report this.`,
  ];
  if (plan.mode === 'validate') notes.push('Nothing was written: mode validate only reads and checks.');
  const tableName = plan.mode === 'import' ? plan.tableName : (table.TableName ?? plan.tableName);
  return {
    mode: plan.mode,
    engine: 'direct',
    engineReason,
    status: balanced ? 'COMPLETED' : 'FAILED',
    ...(tableName === undefined ? {} : { tableName }),
    ...(table.TableArn === undefined ? {} : { tableArn: table.TableArn }),
    source,
    ...(plan.mode === 'import' ? { destination: `table ${plan.tableName}` } : {}),
    processedItemCount: counts.processed,
    importedItemCount: counts.imported,
    errorCount: counts.errors,
    processedSizeBytes: counts.bytes,
    ...(rejectedItems === undefined ? {} : { rejectedItems }),
    durationSeconds,
    errors: samples,
    note: notes.join(' '),
  };
}
