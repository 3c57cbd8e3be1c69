// A table compared with a source, item by item: both sides read at once into
// partition files under RUNNER_TEMP, then compared one partition at a time.
// Everything about the source and the differences file is settled before the
// first read; once the work has started, a failure or a cancel still reports
// exact counts, and the partition files are removed whatever happens.

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TableDescription } from '@aws-sdk/client-dynamodb';
import { Aborted, Breaker } from '../aws/retry.js';
import { primaryKeyNames } from '../aws/table.js';
import { TransferError, failureMessage } from '../errors.js';
import type { DecodeOptions } from '../formats/decode.js';
import { keyChecksFrom } from '../formats/item-checks.js';
import type { EngineDeps } from '../direct/deps.js';
import { Ledger } from '../direct/ledger.js';
import { Progress } from '../direct/progress.js';
import type { ExportExpressions, ImportSource, Location } from '../plan.js';
import type { VerificationResult } from '../result.js';
import { openSource } from '../sources/open.js';
import { readGuard } from '../storage/s3-read.js';
import { type ResolvedSource, resolveSource } from '../sources/resolve.js';
import { refuseUnreadable, sampleObject } from '../sources/sample.js';
import { verdict } from '../summary-verify.js';
import { type CompareCounts, type PartitionPair, comparePartitions, newCounts } from './compare.js';
import { DifferencesFile } from './differences.js';
import { Pace } from './pace.js';
import { PartitionWriter, partitionCount } from './partition.js';
import { readIntoPartitions } from './source-side.js';
import { type TableRead, scanIntoPartitions } from './table-side.js';

export interface VerifyJob {
  table: TableDescription;
  source: ImportSource;
  /** A filtered export is compared with the table read through the same expressions. */
  expressions?: ExportExpressions;
  differences: Location;
  concurrency: number;
  /** The hash seed; random by default, so no chosen set of keys can pile into one partition. */
  seed?: number;
}

export interface VerifyOutcome {
  verification: VerificationResult;
  /** The source's unreadable records with their locations (the first ones, for the summary). */
  ledger: Ledger;
}

/** Items either side may read ahead of the other (see pace.ts): a few Scan pages. */
const PACE_LEAD = 20_000;
/** Uncompressed bytes per stored byte, to size partitions from compressed objects (DynamoDB JSON gzips about 8:1). */
const COMPRESSION_RATIO = 8;
/** DynamoDB JSON of an item per byte of DynamoDB's own size of it (TableSizeBytes). */
const JSON_RATIO = 2;

export async function compareTable(job: VerifyJob, deps: EngineDeps): Promise<VerifyOutcome> {
  const started = deps.now();
  const tableName = job.table.TableName ?? '';
  const opened = await openSource(job.source.location, deps.s3, readGuard(deps));
  const { store } = opened;
  const source = await resolveSource(opened);
  const against = source.export === undefined ? 'source' : 'export';
  const where = store.describe(opened.prefix);
  deps.log(
    source.export === undefined
      ? `Comparing table ${tableName} with the ${source.objects.length} object(s) under ${where}.`
      : `Comparing table ${tableName} with the export ${source.export.folder}: the ${source.objects.length} data file(s) its manifest lists, ${source.export.format}, each checked against its MD5.`,
  );
  for (const note of source.notes) deps.log(note);
  const keyNames = primaryKeyNames(job.table);
  const options: DecodeOptions = {
    format: source.export?.format ?? job.source.format,
    compression: source.export === undefined ? job.source.compression : 'auto',
    keys: keyChecksFrom(job.table),
    ...(job.source.csv === undefined ? {} : { csv: job.source.csv }),
  };
  await checkSample(store, source, options);
  const differences = await DifferencesFile.open(job.differences, keyNames, deps);
  // Counted, with their location, but written nowhere: `mode: validate` lists every one with its reason.
  const ledger = new Ledger({ add: async () => undefined, close: async () => undefined }, deps.workspace);

  const count = partitionCount((job.table.TableSizeBytes ?? 0) * JSON_RATIO, estimatedBytes(source, options));
  const seed = job.seed ?? randomBytes(4).readUInt32LE(0);
  const dir = await mkdtemp(join(deps.tempDir, 'dynamodb-s3-transfer-verify-'));
  const counts = newCounts();
  let read: TableRead = { items: 0, bytes: 0, segments: 0 };
  let failure: string | undefined;
  let differencesFile: string | undefined;
  try {
    deps.log(`Reading both sides into ${count} partition(s) under ${dir}, removed as they are compared.`);
    const sides = await readBothSides(job, { store, source, options, keyNames, ledger, dir, count, seed }, deps);
    read = sides.read;
    failure = sides.failure;
    if (failure === undefined && !deps.signal?.aborted && sides.pairs !== undefined) {
      deps.log(
        `Read ${n(read.items)} item(s) from the table and ${n(ledger.processed)} record(s) from the source; comparing ${count} partition(s).`,
      );
      failure = await compareAll(sides.pairs, { dir, seed, differences, counts }, deps);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
    differencesFile = await differences.close().catch((error: unknown) => {
      failure ??= `WRITE_FAILED: The differences file could not be written: ${failureMessage(error)}`;
      return undefined;
    });
  }
  const cancelled = failure === undefined && deps.signal?.aborted === true;
  const verification: VerificationResult = {
    status: failure !== undefined ? 'FAILED' : cancelled ? 'CANCELLED' : 'COMPLETED',
    ...(failure === undefined ? {} : { failure }),
    against,
    source: where,
    tableName,
    tableItems: read.items,
    sourceRecords: ledger.processed,
    unreadable: ledger.errors,
    duplicateKeys: counts.duplicateKeys,
    matched: counts.matched,
    missing: counts.missing,
    extra: counts.extra,
    different: counts.different,
    ...(differencesFile === undefined ? {} : { differences: differencesFile }),
    first: differences.samples,
    partitions: { done: counts.partitions, total: count },
    durationSeconds: (deps.now() - started) / 1000,
  };
  deps.log(verdict(verification));
  return { verification, ledger };
}

interface Sides {
  store: Parameters<typeof readIntoPartitions>[0];
  source: ResolvedSource;
  options: DecodeOptions;
  keyNames: readonly string[];
  ledger: Ledger;
  dir: string;
  count: number;
  seed: number;
}

/**
 * The table and the source read at the same time, each into its partition
 * files; when one fails the other is stopped. The pairs of files, or why
 * there are none (a failure; or a cancel, which the signal says).
 */
async function readBothSides(
  job: VerifyJob,
  sides: Sides,
  deps: EngineDeps,
): Promise<{ read: TableRead; pairs?: PartitionPair[]; failure?: string }> {
  const stop = new AbortController();
  const onCancel = () => stop.abort();
  if (deps.signal?.aborted) stop.abort();
  deps.signal?.addEventListener('abort', onCancel, { once: true });
  const inner = { ...deps, signal: stop.signal };
  const tableWriter = new PartitionWriter(sides.dir, 'table', sides.count, sides.seed);
  const sourceWriter = new PartitionWriter(sides.dir, 'source', sides.count, sides.seed);
  const tableName = job.table.TableName ?? '';
  const tableProgress = new Progress({ verb: `Scanned ${tableName}:`, total: job.table.ItemCount, ...clock(deps) });
  const sourceProgress = new Progress({
    verb: 'Read from the source:',
    total: sides.source.export?.itemCount,
    ...clock(deps),
  });
  const stopOnFailure = (error: unknown): never => {
    stop.abort();
    throw error;
  };
  const pace = new Pace(PACE_LEAD, stop.signal);
  const [table, source] = await Promise.allSettled([
    scanIntoPartitions(
      job.table,
      { concurrency: job.concurrency, ...(job.expressions && { expressions: job.expressions }) },
      sides.keyNames,
      tableWriter,
      tableProgress,
      pace,
      { ...inner, breaker: new Breaker() },
    )
      .catch(stopOnFailure)
      .finally(() => pace.finish('table')),
    readIntoPartitions(
      sides.store,
      sides.source,
      sides.options,
      sides.keyNames,
      sourceWriter,
      sides.ledger,
      sourceProgress,
      pace,
      inner,
    )
      .catch(stopOnFailure)
      .finally(() => pace.finish('source')),
  ]);
  deps.signal?.removeEventListener('abort', onCancel);
  const read = table.status === 'fulfilled' ? table.value : { items: 0, bytes: 0, segments: 0 };
  const failed = [table, source].find((r) => r.status === 'rejected' && !(r.reason instanceof Aborted));
  if (failed !== undefined || stop.signal.aborted) {
    await Promise.all([tableWriter.abandon(), sourceWriter.abandon()]);
    const reason = failed?.status === 'rejected' ? (failed.reason as unknown) : undefined;
    return { read, ...(reason === undefined ? {} : { failure: readFailure(reason) }) };
  }
  const [tableFiles, sourceFiles] = await Promise.all([tableWriter.close(), sourceWriter.close()]);
  return { read, pairs: sourceFiles.map((s, i) => ({ source: s, table: tableFiles[i] ?? { path: '', bytes: 0 } })) };
}

/** The pairs compared in turn, differences to the file; why it stopped early, if it did. */
async function compareAll(
  pairs: PartitionPair[],
  context: { dir: string; seed: number; differences: DifferencesFile; counts: CompareCounts },
  deps: EngineDeps,
): Promise<string | undefined> {
  let last = deps.now();
  try {
    await comparePartitions(
      pairs,
      {
        dir: context.dir,
        seed: context.seed,
        emit: (difference) => context.differences.add(difference),
        signal: deps.signal,
        onPartition: (counts) => {
          if (deps.now() - last < 10_000) return;
          last = deps.now();
          deps.log(
            `Compared ${counts.partitions} of ${pairs.length} partition(s): ${n(counts.matched)} matched, ${n(counts.missing)} missing, ${n(counts.extra)} extra, ${n(counts.different)} different`,
          );
        },
      },
      context.counts,
    );
    return undefined;
  } catch (error) {
    if (error instanceof Aborted) return undefined;
    return readFailure(error);
  }
}

/** The first records of the first object: a source none of which reads (wrong format or compression) is refused. */
async function checkSample(store: Sides['store'], source: ResolvedSource, options: DecodeOptions): Promise<void> {
  const first = source.objects[0];
  if (first === undefined) return;
  const sample = await sampleObject(store, first, options);
  refuseUnreadable(
    sample,
    store.describe(first.key),
    `${options.format} (${options.compression})`,
    'Nothing was compared.',
  );
}

/** The source's size once decompressed, roughly: objects that look compressed count eight times. */
function estimatedBytes(source: ResolvedSource, options: DecodeOptions): number {
  const compressed = (key: string): boolean =>
    options.compression === 'GZIP' ||
    options.compression === 'ZSTD' ||
    (options.compression === 'auto' && !/\.(json|jsonl|ion|csv|txt)$/i.test(key));
  return source.objects.reduce((sum, o) => sum + o.size * (compressed(o.key) ? COMPRESSION_RATIO : 1), 0);
}

function readFailure(error: unknown): string {
  if (error instanceof TransferError) return error.shown;
  const aws = error as { $metadata?: unknown };
  if (aws.$metadata !== undefined) return failureMessage(error);
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `READ_FAILED: ${text}`;
}

function clock(deps: EngineDeps): { log: (line: string) => void; now: () => number } {
  return { log: deps.log, now: deps.now };
}

const n = (value: number): string => value.toLocaleString('en-US');
