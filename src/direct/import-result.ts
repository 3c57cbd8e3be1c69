// What an import or validate reports: the counts from the ledger and the
// sink, checked against each other, and what a failure or a cancel left.

import type { TableDescription } from '@aws-sdk/client-dynamodb';
import type { TransferError } from '../errors.js';
import type { ImportPlan, ValidatePlan } from '../plan.js';
import type { TransferResult } from '../result.js';
import type { SourceObject } from '../sources/resolve.js';
import type { Store } from '../storage/store.js';
import type { Ledger } from './ledger.js';
import type { SinkStats } from './sink.js';

export interface ImportOutcome {
  failure: TransferError | undefined;
  cancelled: boolean;
}

const n = (value: number): string => value.toLocaleString('en-US');

export function importResult(
  plan: ImportPlan | ValidatePlan,
  engineReason: string,
  table: TableDescription,
  ledger: Ledger,
  stats: SinkStats,
  outcome: ImportOutcome,
  where: { rejectedItems: string | undefined; durationSeconds: number; source: string },
): TransferResult {
  const verb = plan.mode === 'import' ? 'imported' : 'valid';
  // Read but neither acknowledged nor rejected: only after a failure or a cancel.
  const unwritten = ledger.processed - stats.written - ledger.errors;
  const finished = outcome.failure === undefined && !outcome.cancelled;
  const balanced = finished ? unwritten === 0 : unwritten >= 0;
  const counts = `${n(ledger.processed)} processed = ${n(stats.written)} ${verb} + ${n(ledger.errors)} error(s)${unwritten === 0 ? '' : ` + ${n(unwritten)} read but not written`}`;
  const notes = [balanced ? `Checked: ${counts}.` : `Counts do not add up: ${counts}. Please report this.`];
  if (where.rejectedItems !== undefined) notes.push(`Rejected items are in ${where.rejectedItems}.`);
  if (plan.mode === 'validate') notes.push('Nothing was written: mode validate only reads and checks.');
  else if (!finished)
    notes.push(
      `The ${n(stats.written)} item(s) written to ${plan.tableName} stay; a re-run with existing-table: merge is safe.`,
    );
  const tableName = plan.mode === 'import' ? plan.tableName : (table.TableName ?? plan.tableName);
  return {
    mode: plan.mode,
    engine: 'direct',
    engineReason,
    status: outcome.failure !== undefined || !balanced ? 'FAILED' : outcome.cancelled ? 'CANCELLED' : 'COMPLETED',
    ...(outcome.failure === undefined ? {} : { failure: outcome.failure.shown }),
    ...(outcome.cancelled ? { aborted: true } : {}),
    ...(tableName === undefined ? {} : { tableName }),
    ...(table.TableArn === undefined ? {} : { tableArn: table.TableArn }),
    source: where.source,
    ...(plan.mode === 'import' ? { destination: `table ${plan.tableName}` } : {}),
    processedItemCount: ledger.processed,
    importedItemCount: stats.written,
    errorCount: ledger.errors,
    unwrittenItemCount: unwritten,
    processedSizeBytes: ledger.bytes,
    ...(where.rejectedItems === undefined ? {} : { rejectedItems: where.rejectedItems }),
    durationSeconds: where.durationSeconds,
    errors: ledger.samples,
    note: notes.join(' '),
    ...(ledger.annotations.length > 0 && { annotations: ledger.annotations }),
    ...(ledger.annotationsOmitted > 0 && { annotationsOmitted: ledger.annotationsOmitted }),
  };
}

/** AWS recommends mid-sized objects (about 4,000,000 items under 1 KB each). */
const LARGE_OBJECT_BYTES = 4 * 1024 ** 3;

/** `droppedAnnotations`: Ion annotations other than DynamoDB's, which an item has no place for. */
export function importWarnings(
  objects: readonly SourceObject[],
  store: Store,
  duplicateKeys: number,
  droppedAnnotations = 0,
): string[] {
  const warnings = objects
    .filter((o) => o.size > LARGE_OBJECT_BYTES)
    .map(
      (o) =>
        `${store.describe(o.key)} is ${(o.size / 1024 ** 3).toFixed(1)} GiB; objects of up to about 4 GiB import faster, in parallel.`,
    );
  if (duplicateKeys > 0) {
    warnings.push(
      `${n(duplicateKeys)} item(s) had the key of an item written just before them and overwrote it (the last one in the source wins, as in AWS's import).`,
    );
  }
  if (droppedAnnotations > 0) {
    warnings.push(
      `${n(droppedAnnotations)} Ion annotation(s) other than $dynamodb_SS, $dynamodb_NS and $dynamodb_BS were dropped: an item has no place for them, so the values they annotate were read without them.`,
    );
  }
  return warnings;
}
