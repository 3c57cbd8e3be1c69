// Changes without a full export: a chain that applies incremental exports
// with no full export at or before restore-to (one export's folder, or a
// prefix whose full exports are all later). Their changes say nothing of the
// items they did not change, so applied onto a table that does not already
// hold the source table as it was when the first window starts they leave a
// state the table never had, and nothing can tell. That is done only when the
// user says so (`changes-onto-table: true`), never with `existing-table:
// replace` (which would empty the table first), and is otherwise refused
// before anything is written, naming the exports found and what is missing.

import { TransferError } from '../errors.js';
import type { ImportPlan } from '../plan.js';
import { type Chain, endOf, startOf } from '../sources/chain.js';
import type { FoundExport } from '../sources/exports-found.js';

/** At most this many exports are named in the message; the log lists them all. */
const NAMED = 10;

/** Undefined when the chain has a full export, or the user asked for the changes onto the table as it is. */
export function refuseWithoutBase(plan: ImportPlan, chain: Chain): TransferError | undefined {
  if (chain.direction !== 'apply' || chain.steps[0]?.action === 'import' || chain.steps.length === 0) return undefined;
  const replace = plan.existingTable === 'replace';
  if (plan.restore.ontoTable && !replace) return undefined;
  const since = new Date(Math.min(...chain.steps.map((s) => startOf(s.export).getTime())));
  const point = chain.requested === undefined ? 'in the source' : `at or before restore-to ${iso(chain.requested)}`;
  const found = [...chain.steps.map((s) => s.export), ...chain.leftOut.map((l) => l.export)];
  const later = found.filter((e) => e.type === 'FULL_EXPORT' && e.tableArn === chain.tableArn);
  const why = replace
    ? `existing-table: replace would empty ${plan.tableName} and then apply only changes, which hold just the items the windows changed`
    : `the changes alone say nothing of the items they did not change, so applied onto ${plan.tableName} as it is they leave ${iso(chain.restoredTo)} only if it already holds the table as it was at ${iso(since)}`;
  const onto = replace
    ? `if ${plan.tableName} already holds the table as it was at ${iso(since)}, apply the changes onto it with changes-onto-table: true and existing-table: merge (or fail) instead of replace`
    : `if ${plan.tableName} already holds the table as it was at ${iso(since)}, set changes-onto-table: true to apply the changes onto it as it is`;
  return new TransferError(
    'CHAIN_UNUSABLE',
    `No full export of ${chain.tableArn} is ${point}${later.length === 0 ? '' : ` (${later.length === 1 ? 'the one found is' : 'those found are'} later)`}: ${why}. Exports found: ${named(found)}. Missing: a full export of ${chain.tableArn} made at or before ${iso(since)}, where the first window applied starts. Nothing was created or written. Put that full export in the source; or, ${onto}.`,
  );
}

function named(exports: readonly FoundExport[]): string {
  const shown = exports.slice(0, NAMED).map((e) => `${e.shown} (${describe(e)})`);
  const more = exports.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? `, and ${more} more (the log lists them)` : ''}`;
}

function describe(e: FoundExport): string {
  return e.type === 'FULL_EXPORT'
    ? `full export as of ${iso(endOf(e))}`
    : `changes from ${iso(startOf(e))} to ${iso(endOf(e))}`;
}

const iso = (d: Date): string => d.toISOString();
