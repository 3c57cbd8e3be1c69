// What a restore reports: the counts of every export applied (puts, deletes,
// errors), checked against each other as the import's are, the point in time
// reached, and the chain for the summary.

import type { TransferError } from '../errors.js';
import type { ImportPlan, ValidatePlan } from '../plan.js';
import type { ItemErrorSample, Status, TransferResult } from '../result.js';
import { type ChainReport, totals } from './chain-report.js';

const n = (value: number): string => value.toLocaleString('en-US');

export interface RestoreOutcome {
  report: ChainReport;
  engine: 'managed' | 'direct';
  engineReason: string;
  /** Set when the step stopped on a failure, `CODE: sentence` from the error. */
  failure?: TransferError;
  cancelled: boolean;
  /** A managed step's own status when it did not complete (IN_PROGRESS after a timeout, FAILED). */
  managedStatus?: Status;
  /** Records the direct steps read but neither wrote nor rejected: only after a failure or a cancel. */
  unwritten: number;
  tableArn?: string;
  source: string;
  bytes?: number;
  rejectedItems?: string;
  errors: ItemErrorSample[];
  notes: string[];
  warnings: string[];
  durationSeconds: number;
  timedOut?: boolean;
  jobArn?: string;
}

export function restoreResult(plan: ImportPlan | ValidatePlan, o: RestoreOutcome): TransferResult {
  const sum = totals(o.report);
  const applied = o.report.rows.filter((r) => r.state === 'applied' || r.state === 'checked').length;
  const finished = o.failure === undefined && !o.cancelled && o.managedStatus === undefined;
  const balanced = finished ? o.unwritten === 0 : o.unwritten >= 0;
  const superseded =
    sum.superseded === undefined ? '' : ` + ${n(sum.superseded)} superseded by a newer record of their key`;
  const counts = `${n(sum.processed)} processed = ${n(sum.puts)} put + ${n(sum.deletes)} deleted + ${n(sum.errors)} error(s)${superseded}${o.unwritten === 0 ? '' : ` + ${n(o.unwritten)} read but not written`}`;
  const notes = [balanced ? `Checked: ${counts}.` : `Counts do not add up: ${counts}. Please report this.`];
  const allApplied = finished && balanced && applied === o.report.rows.length;
  // Records that could not be applied leave their items behind: the table is at the point only when max-errors allows them.
  const complete = allApplied && sum.errors <= plan.maxErrors;
  const verb = o.report.direction === 'apply' ? 'restored' : 'reverted';
  if (plan.mode === 'validate') notes.push('Nothing was written: mode validate only reads and checks.');
  else if (complete)
    notes.push(
      `${plan.tableName} is ${verb} to ${o.report.restoredTo} from ${applied} export(s)${sum.errors === 0 ? '' : `, except the ${n(sum.errors)} record(s) that could not be applied (max-errors allows them)`}.`,
    );
  else if (allApplied)
    notes.push(
      `${plan.tableName} holds the writes of all ${applied} export(s), but ${n(sum.errors)} record(s) could not be applied, so it is not ${verb} to ${o.report.restoredTo}: the items of those records are as they were before.`,
    );
  else if (o.report.rows.some((r) => r.counts !== undefined))
    notes.push(
      `${plan.tableName} holds the writes of ${applied} export(s) of ${o.report.rows.length}${o.report.rows.some((r) => r.state === 'failed') ? ' and part of the next' : ''}; run the step again to finish (a chain replays safely: each export leaves its items as its window left them).`,
    );
  if (o.rejectedItems !== undefined) notes.push(`Rejected items are in ${o.rejectedItems}.`);
  notes.push(...o.notes);
  const status: Status =
    o.managedStatus ?? (o.failure !== undefined || !balanced ? 'FAILED' : o.cancelled ? 'CANCELLED' : 'COMPLETED');
  return {
    mode: plan.mode,
    engine: o.engine,
    engineReason: o.engineReason,
    status,
    ...(o.failure === undefined ? {} : { failure: o.failure.shown }),
    ...(o.cancelled ? { aborted: true } : {}),
    ...(o.timedOut ? { timedOut: true } : {}),
    ...(o.jobArn === undefined ? {} : { jobArn: o.jobArn }),
    ...(plan.tableName === undefined ? {} : { tableName: plan.tableName }),
    ...(o.tableArn === undefined ? {} : { tableArn: o.tableArn }),
    source: o.source,
    ...(plan.mode === 'import' ? { destination: `table ${plan.tableName}` } : {}),
    processedItemCount: sum.processed,
    importedItemCount: sum.puts + sum.deletes,
    errorCount: sum.errors,
    unwrittenItemCount: o.unwritten,
    ...(o.bytes === undefined ? {} : { processedSizeBytes: o.bytes }),
    ...(o.rejectedItems === undefined ? {} : { rejectedItems: o.rejectedItems }),
    durationSeconds: o.durationSeconds,
    errors: o.errors,
    note: notes.join(' '),
    putCount: sum.puts,
    deleteCount: sum.deletes,
    ...(plan.mode === 'import' && applied > 0 ? { exportsApplied: applied } : {}),
    ...(complete && plan.mode === 'import' ? { restoredTo: o.report.restoredTo } : {}),
    chain: o.report,
    ...(o.warnings.length > 0 && { warnings: o.warnings }),
  };
}
