// The direct import and validate: source objects -> decode -> check -> sink
// (a table, or a count for validate). Every record is either acknowledged by
// the sink or rejected with its location and reason in the ledger; a failure
// or a cancel after the work started still reports exact counts and flushes
// the rejected items.

import type { TableDescription } from '@aws-sdk/client-dynamodb';
import { Aborted, Breaker } from '../aws/retry.js';
import { primaryKeyNames } from '../aws/table.js';
import { TransferError } from '../errors.js';
import { type DecodeOptions, decodeObject, decodeObjectRaw } from '../formats/decode.js';
import { keyChecksFrom } from '../formats/item-checks.js';
import { newStats } from '../formats/records.js';
import type { ImportPlan, ValidatePlan } from '../plan.js';
import type { TransferResult } from '../result.js';
import { openObject } from '../sources/open-object.js';
import { openSource } from '../sources/open.js';
import { readGuard } from '../storage/s3-read.js';
import { type ResolvedSource, resolveSource } from '../sources/resolve.js';
import { refuseUnreadable, sampleObject } from '../sources/sample.js';
import type { Store } from '../storage/store.js';
import type { EngineDeps } from './deps.js';
import { importEstimate, logEstimate } from '../aws/estimate.js';
import { importResult, importWarnings } from './import-result.js';
import { Ledger } from './ledger.js';
import { Progress } from './progress.js';
import { prepareRejects } from './rejects-location.js';
import { CountingSink, type ItemOrigin, type ItemSink, newSinkStats } from './sink.js';
import { findTargetTable } from './target-table.js';
import { BatchWriter } from './writer.js';
import { type ObjectTracking, openImportCheckpoint, rejectsAfter } from './import-checkpoint.js';

export async function runImport(
  plan: ImportPlan | ValidatePlan,
  deps: EngineDeps,
  engineReason: string,
): Promise<TransferResult> {
  const started = deps.now();
  // The rejected-items place is checked (never overwritten, no symlink followed) before anything else;
  // one an earlier run of a resumed import filled is settled once its checkpoint is read.
  const checked = await prepareRejects(plan.rejectedItems, deps).then(
    (file) => ({ file }),
    (error: unknown) => ({ error }),
  );
  if ('error' in checked && (plan.mode !== 'import' || plan.resume === 'never')) throw checked.error;
  const opened = await openSource(plan.source.location, deps.s3, readGuard(deps));
  const { store } = opened;
  // Everything about the source is settled before a table is touched.
  const source = await resolveSource(opened);
  logSource(source, store, opened.prefix, deps);
  const breaker = new Breaker(deps.now);
  const retry = { ...deps, breaker };
  const reading: Omit<DecodeOptions, 'keys'> = {
    format: source.export?.format ?? plan.source.format,
    compression: source.export === undefined ? plan.source.compression : 'auto',
    ...(plan.source.csv === undefined ? {} : { csv: plan.source.csv }),
  };
  const checkpoint =
    plan.mode === 'import'
      ? await openImportCheckpoint(plan, source, store.describe(opened.prefix), reading, deps)
      : undefined;
  const rejects =
    'file' in checked
      ? checked.file
      : await prepareRejects(rejectsAfter(plan.rejectedItems, checkpoint, checked.error), deps);
  // A resumed import writes into the table its earlier runs created or emptied, as it is.
  const target = await findTargetTable(plan, retry, checkpoint?.resuming === true);
  const options: DecodeOptions = { ...reading, keys: keyChecksFrom(target.keys) };
  // Validate reports every record; an import refuses a source it cannot read before touching the table.
  if (plan.mode === 'import') {
    await checkSample(store, source, options, plan.tableName);
    const bytes = source.objects.reduce((sum, o) => sum + o.size, 0);
    const estimate = importEstimate(bytes, source.export?.itemCount, options.compression !== 'NONE');
    logEstimate(estimate, 'write', deps.meter?.budget, plan.waiting.timeoutMs, deps);
  }
  const ledger = new Ledger(rejects, deps.workspace);
  const where = () => ({ durationSeconds: (deps.now() - started) / 1000, source: store.describe(opened.prefix) });
  // Cancelled before the table was touched, or while it was being created or emptied: what was done is said.
  const cancelled = (note: string): TransferResult => {
    const outcome = { failure: undefined, cancelled: true };
    const done = { rejectedItems: undefined, ...where() };
    const result = importResult(
      plan,
      engineReason,
      { TableName: plan.tableName },
      ledger,
      newSinkStats(),
      outcome,
      done,
    );
    return { ...result, note };
  };
  if (deps.signal?.aborted) return cancelled('Nothing was created, emptied or written.');
  const tracking = checkpoint?.start({ ledger, rejects });
  // Saved before the table is created and once it is ready: a run killed at once is resumed, not refused.
  if (target.creates === true) await tracking?.table(null);
  let table: TableDescription;
  try {
    table = await target.prepare();
  } catch (error) {
    if (error instanceof TransferError && error.code === 'CANCELLED' && deps.signal?.aborted)
      return cancelled(error.message);
    throw error;
  }
  await tracking?.table(table);
  const sink: ItemSink =
    plan.mode === 'import'
      ? new BatchWriter({
          dynamodb: deps.dynamodb,
          table: plan.tableName,
          keyNames: primaryKeyNames(table),
          concurrency: plan.concurrency,
          deps: retry,
          // The rejection carries its origin, ticket included.
          onRejected: (r) => ledger.queue(r, checkpoint?.rejectedBefore(r as { ticket?: number }) === true),
          ...(checkpoint && { onSettled: checkpoint.settled }),
        })
      : new CountingSink();
  deps.phase(plan.mode === 'import' ? 'Import' : 'Validate');
  const progress = new Progress({
    verb: plan.mode === 'import' ? 'Imported' : 'Checked',
    log: deps.log,
    now: deps.now,
    total: source.export?.itemCount,
  });

  let failure: TransferError | undefined;
  let everythingRead = true;
  const pipeline: Pipeline = { sink, ledger, progress, deps };
  try {
    for (const [index, object] of source.objects.entries()) {
      if (tracking !== undefined && index < tracking.firstObject) continue;
      const track = tracking?.object(index, object);
      let read =
        !deps.signal?.aborted && (await importObject(store, object, options, { ...pipeline, ...(track && { track }) }));
      // The checkpoint claimed more records than the object holds: nothing of it is trusted.
      if (read && track?.shorter) {
        const again = tracking?.object(index, object, true);
        read = await importObject(store, object, options, { ...pipeline, ...(again && { track: again }) });
      }
      if (!read) {
        everythingRead = false;
        break;
      }
    }
    await sink.flush();
  } catch (error) {
    // A cancel during a read (Aborted): the object was not read to its end.
    if (error instanceof Aborted) everythingRead = false;
    else failure = asTransferError(error);
    // What is still in flight lands or fails before anything is counted.
    await sink.settle();
  }
  let rejectsClosed = true;
  const rejectedItems = await ledger.close().catch((error: unknown) => {
    failure ??= new TransferError('WRITE_FAILED', `The rejected items could not be written: ${String(error)}`);
    rejectsClosed = false;
    return undefined;
  });
  const completed = everythingRead && failure === undefined && sink.stats.abandoned === 0;
  const checkpointReport = await tracking?.finish(completed, rejectsClosed);
  deps.phase('Counts');
  // A cancel that came after the last write changed nothing: the import completed.
  const cut = !everythingRead || sink.stats.abandoned > 0;
  const outcome = { failure, cancelled: deps.signal?.aborted === true && cut && failure === undefined };
  const result = importResult(plan, engineReason, table, ledger, sink.stats, outcome, { rejectedItems, ...where() });
  deps.log(result.note ?? '');
  const warnings = [
    ...importWarnings(source.objects, store, sink.stats.duplicateKeys, ledger.annotationsDropped),
    ...(tracking?.warnings ?? []),
  ];
  return {
    ...result,
    ...(warnings.length > 0 && { warnings }),
    ...(checkpointReport && { checkpoint: checkpointReport, resumed: checkpointReport.resumed }),
  };
}

export interface Pipeline {
  sink: ItemSink;
  ledger: Ledger;
  progress: Progress;
  deps: EngineDeps;
  /** A checkpointed import: which object this is, the records to skip, and where each record's fate is told. */
  track?: ObjectTracking;
}

/** One object through the decoder into the sink; stops between batches when the step is cancelled. Also a chain's full export (src/restore/). */
export async function importObject(
  store: Store,
  object: ResolvedSource['objects'][number],
  options: DecodeOptions,
  { sink, ledger, progress, deps, track }: Pipeline,
): Promise<boolean> {
  const name = store.describe(object.key);
  const input = await openObject(store, object, deps.tempDir, options, deps.signal);
  if ('damaged' in input) {
    ledger.processed += input.damaged.items;
    const before = track?.rejectedWhole(input.damaged.items) === true;
    await ledger.reject(
      { code: input.damaged.code, message: input.damaged.message, object: name },
      input.damaged.items,
      before,
    );
    track?.objectRead(Number.POSITIVE_INFINITY);
    return true;
  }
  const stats = newStats();
  // A sink that takes items as bytes gets DynamoDB JSON passed through, checked but never built.
  const putRaw = sink.putRaw?.bind(sink);
  const batches =
    putRaw === undefined ? decodeObject(input.chunks, options, stats) : decodeObjectRaw(input.chunks, options, stats);
  let records = 0;
  try {
    for await (const batch of batches) {
      for (const record of batch) {
        // A cancel stops at the next record: what is read after it is not handed on.
        if (deps.signal?.aborted) break;
        const index = records++;
        // Done by an earlier run: read past, neither counted nor written.
        if (track !== undefined && index < track.skip) continue;
        ledger.processed += 1;
        if ('error' in record) {
          // Rejected by an earlier run after its checkpoint's position and in its rejected-items file: counted, not written again.
          const before = track?.passed(index) === true;
          const { code, message, line, itemIndex } = record.error;
          const rejected = {
            ...(record.item && { item: record.item }),
            ...(record.text !== undefined && { text: record.text }),
            code,
            message,
            object: name,
            ...(line === undefined ? {} : { line }),
            ...(itemIndex === undefined ? {} : { itemIndex }),
          };
          await ledger.reject(rejected, 1, before);
        } else {
          const origin: ItemOrigin = { object: name, line: record.line, itemIndex: record.itemIndex };
          // The watermark's ticket: the checkpoint passes this record once DynamoDB has settled it.
          const ticket = track?.issued(index);
          if (ticket !== undefined) origin.ticket = ticket;
          // Waited for only when the sink gives something to wait for: most items just join a batch.
          const wait =
            'raw' in record
              ? (putRaw as NonNullable<typeof putRaw>)(record.raw, origin)
              : sink.put(record.item, { ...origin, textLength: record.textLength });
          if (wait !== undefined) await wait;
        }
      }
      await ledger.drain();
      progress.update({ items: sink.stats.written, bytes: ledger.bytes + stats.bytes, errors: ledger.errors });
      if (deps.signal?.aborted) return false;
      track?.batchDone();
    }
    track?.objectRead(records);
    return true;
  } finally {
    ledger.bytes += stats.bytes;
    ledger.annotationsDropped += stats.annotationsDropped;
    await input.remove();
  }
}

function logSource(source: ResolvedSource, store: Store, prefix: string, deps: EngineDeps): void {
  if (source.export !== undefined) {
    deps.log(
      `The source is an export (${source.export.folder}): reading the ${source.objects.length} data file(s) its manifest lists, ${source.export.format}.`,
    );
  } else {
    deps.log(`Reading ${source.objects.length} object(s) under ${store.describe(prefix)}.`);
  }
  for (const note of source.notes) deps.log(note);
}

/** The first records of the first object, before the table is created or emptied. */
async function checkSample(
  store: Store,
  source: ResolvedSource,
  options: DecodeOptions,
  tableName: string,
): Promise<void> {
  const first = source.objects[0];
  if (first === undefined) return;
  const sample = await sampleObject(store, first, options);
  const consequence = `Table ${tableName} was not created, emptied or written.`;
  refuseUnreadable(sample, store.describe(first.key), `${options.format} (${options.compression})`, consequence);
}

function asTransferError(error: unknown): TransferError {
  if (error instanceof TransferError) return error;
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new TransferError('WRITE_FAILED', text);
}
