// mode: verify, and `verify: true` after an import or export: the table is
// described first (its key schema is the one compared by), then compared with
// the source, and the result reported as a whole step's or beside the work's.

import type { TableDescription } from '@aws-sdk/client-dynamodb';
import { describeTable, keySchemaOf } from '../aws/table.js';
import { InputError, TransferError, failureMessage } from '../errors.js';
import { addCapacity, meterFor } from '../direct/budget.js';
import type { EngineDeps } from '../direct/deps.js';
import type { ExportPlan, ImportPlan, ImportSource, KeyInput, VerifyPlan } from '../plan.js';
import type { TransferResult, VerificationResult } from '../result.js';
import { compareTable } from './verify.js';

export async function runVerify(plan: VerifyPlan, deps: EngineDeps, engineReason: string): Promise<TransferResult> {
  const started = deps.now();
  const table = await describeTable(deps.dynamodb, plan.tableName);
  if (table === undefined) {
    throw new TransferError('TABLE_NOT_FOUND', `Table ${plan.tableName} does not exist; nothing was compared.`);
  }
  checkKeyInputs(plan, table);
  deps.phase('Verify');
  const { verification: v, ledger } = await compareTable(
    { table, source: plan.source, differences: plan.differences, concurrency: plan.concurrency },
    deps,
  );
  const notes = [];
  if (v.unreadable > 0) {
    notes.push(
      `${v.unreadable.toLocaleString('en-US')} source record(s) would be rejected by an import and were not compared (the first are listed above); mode: validate on the source writes every one, with its reason, to rejected-items.`,
    );
  }
  if (v.status === 'CANCELLED') notes.push('Nothing was written but the differences found so far; run it again.');
  return {
    mode: 'verify',
    engine: 'direct',
    engineReason,
    status: v.status,
    ...(v.failure === undefined ? {} : { failure: v.failure }),
    ...(v.status === 'CANCELLED' ? { aborted: true } : {}),
    tableName: plan.tableName,
    ...(table.TableArn === undefined ? {} : { tableArn: table.TableArn }),
    source: v.source,
    itemCount: v.tableItems,
    processedItemCount: v.sourceRecords,
    errorCount: v.unreadable,
    processedSizeBytes: ledger.bytes,
    durationSeconds: (deps.now() - started) / 1000,
    errors: ledger.samples,
    ...(ledger.annotations.length > 0 && { annotations: ledger.annotations }),
    ...(ledger.annotationsOmitted > 0 && { annotationsOmitted: ledger.annotationsOmitted }),
    keySchema: keySchemaOf(table),
    verification: v,
    ...(notes.length > 0 && { note: notes.join(' ') }),
  };
}

/**
 * partition-key and sort-key, when given, must be the table's: verify
 * compares by the table's key, and a different one given means the wrong
 * table or the wrong source. Said before anything is read.
 */
export function checkKeyInputs(plan: Pick<VerifyPlan, 'keys' | 'tableName'>, table: TableDescription): void {
  if (plan.keys === undefined) return;
  const actual = keySchemaOf(table);
  const given = (key: KeyInput | undefined): string | undefined =>
    key === undefined ? undefined : `${key.name}:${key.type}`;
  const problems: { input: string; value: string; message: string }[] = [];
  const check = (input: 'partition-key' | 'sort-key', value: string | undefined, real: string | undefined): void => {
    if (value === real) return;
    const what = input === 'partition-key' ? 'partition key' : 'sort key';
    const shown = value === undefined ? 'is not set' : `is "${value}"`;
    problems.push({
      input,
      value: value ?? '',
      message: `Input "${input}" ${shown}, but table ${plan.tableName}'s ${what} is ${real ?? 'none'} (its key schema is ${actual.join(', ')}); verify compares by the table's key, so give the table's key schema, or neither partition-key nor sort-key. Nothing was read.`,
    });
  };
  check('partition-key', given(plan.keys.partition), actual[0]);
  check('sort-key', given(plan.keys.sort), actual[1]);
  if (problems.length > 0) throw new InputError(problems);
}

/**
 * `verify: true`: once an import or export has completed, the table compared
 * with the source or with the export just written. A comparison that cannot
 * run or finish fails the step, but the work's own result stands beside it.
 */
export async function verifyAfter(
  plan: ImportPlan | ExportPlan,
  result: TransferResult,
  deps: EngineDeps,
): Promise<TransferResult> {
  if (plan.verification === undefined) return result;
  const against = plan.mode === 'export' ? 'export' : 'source';
  const tableName = result.tableName ?? (plan.mode === 'import' ? plan.tableName : (plan.table.name ?? ''));
  if (result.status !== 'COMPLETED' || result.aborted === true || result.timedOut === true) {
    const skipped = `The comparison with the ${against} did not run, because the ${plan.mode} did not complete.`;
    return { ...result, note: [result.note, skipped].filter((t) => t !== undefined && t !== '').join(' ') };
  }
  deps.phase(`Verify: compare ${tableName} with the ${against}`);
  const started = deps.now();
  let verification: VerificationResult;
  let capacity = result.capacity;
  try {
    const source = sourceOf(plan, result);
    const table = await describeTable(deps.dynamodb, tableName);
    if (table === undefined) throw new TransferError('TABLE_NOT_FOUND', `Table ${tableName} does not exist.`);
    const expressions = plan.mode === 'export' ? plan.expressions : undefined;
    // The comparison reads the table: under max-capacity too, as read units of its own.
    const meter = await meterFor(plan, 'read', tableName, deps);
    ({ verification } = await compareTable(
      {
        table,
        source,
        ...(expressions && { expressions }),
        differences: plan.verification.differences,
        concurrency: plan.concurrency,
      },
      { ...deps, meter },
    ));
    capacity = addCapacity(capacity, meter.report());
  } catch (error) {
    const failure = failureMessage(error);
    deps.log(`The comparison could not run: ${failure}`);
    verification = notRun(against, tableName, failure, (deps.now() - started) / 1000);
  }
  return {
    ...result,
    status: verification.status === 'CANCELLED' ? 'CANCELLED' : result.status,
    verification,
    ...(capacity && { capacity }),
    durationSeconds: result.durationSeconds + verification.durationSeconds,
  };
}

/** What was just written (the export's folder, read by its manifest), or the import's source. */
function sourceOf(plan: ImportPlan | ExportPlan, result: TransferResult): ImportSource {
  if (plan.mode === 'import') return plan.source;
  if (result.exportFolder === undefined) {
    throw new TransferError('EXPORT_INCOMPLETE', `The ${plan.mode} did not say where its export's folder is.`);
  }
  return { location: result.exportFolder, format: plan.format, compression: 'auto' };
}

function notRun(against: 'export' | 'source', tableName: string, failure: string, seconds: number): VerificationResult {
  return {
    status: 'FAILED',
    failure,
    against,
    source: '',
    tableName,
    tableItems: 0,
    sourceRecords: 0,
    unreadable: 0,
    duplicateKeys: 0,
    matched: 0,
    missing: 0,
    extra: 0,
    different: 0,
    first: [],
    partitions: { done: 0, total: 0 },
    durationSeconds: seconds,
  };
}
