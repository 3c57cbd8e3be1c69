// What a restore reports about its exports, for the log, the outputs and the
// summary's timeline and chart: each export in the order applied, with its
// window, engine and counts, what was left out and why, and any gap.

import type { Chain, ChainStep } from '../sources/chain.js';
import { endOf, startOf } from '../sources/chain.js';
import type { FoundExport } from '../sources/exports-found.js';

export interface StepCounts {
  processed: number;
  puts: number;
  deletes: number;
  errors: number;
  /** Change records skipped because a newer record of their key in the same export was applied. */
  superseded?: number;
}

export interface ChainRow {
  id: string;
  type: 'FULL_EXPORT' | 'INCREMENTAL_EXPORT';
  /** The export's folder, as people see it. */
  folder: string;
  /** ISO 8601: a full export's time is both. */
  from: string;
  to: string;
  view?: string;
  action: ChainStep['action'];
  engine?: 'managed' | 'direct';
  /** `applied`; `checked` (validate); `failed` (the step stopped in it); `not applied` (never reached). */
  state: 'applied' | 'checked' | 'failed' | 'not applied';
  counts?: StepCounts;
}

export interface LeftOutRow {
  id: string;
  folder: string;
  type: 'FULL_EXPORT' | 'INCREMENTAL_EXPORT';
  from: string;
  to: string;
  why: string;
}

export interface ChainReport {
  direction: 'apply' | 'revert';
  tableArn: string;
  rows: ChainRow[];
  leftOut: LeftOutRow[];
  /** Export folders that have not finished, left out. */
  unfinished: string[];
  restoredTo: string;
  requested?: string;
  notes: string[];
  gap?: { after: string; before: string; from: string; to: string };
}

export function chainReport(chain: Chain, unfinished: readonly string[]): ChainReport {
  return {
    direction: chain.direction,
    tableArn: chain.tableArn,
    rows: chain.steps.map((step) => ({
      ...window(step.export),
      ...(step.export.view === undefined ? {} : { view: step.export.view }),
      action: step.action,
      state: 'not applied',
    })),
    leftOut: chain.leftOut.map((l) => ({ ...window(l.export), why: l.why })),
    unfinished: [...unfinished],
    restoredTo: chain.restoredTo.toISOString(),
    ...(chain.requested === undefined ? {} : { requested: chain.requested.toISOString() }),
    notes: [...chain.notes],
    ...(chain.gap === undefined
      ? {}
      : {
          gap: {
            after: chain.gap.after.id,
            before: chain.gap.before.id,
            from: chain.gap.from.toISOString(),
            to: chain.gap.to.toISOString(),
          },
        }),
  };
}

function window(e: FoundExport): { id: string; folder: string; type: FoundExport['type']; from: string; to: string } {
  return { id: e.id, folder: e.shown, type: e.type, from: startOf(e).toISOString(), to: endOf(e).toISOString() };
}

export function totals(report: ChainReport): StepCounts {
  const sum: StepCounts = { processed: 0, puts: 0, deletes: 0, errors: 0 };
  for (const row of report.rows) {
    if (row.counts === undefined) continue;
    sum.processed += row.counts.processed;
    sum.puts += row.counts.puts;
    sum.deletes += row.counts.deletes;
    sum.errors += row.counts.errors;
    if (row.counts.superseded !== undefined) sum.superseded = (sum.superseded ?? 0) + row.counts.superseded;
  }
  return sum;
}

/** The log's account of the chain, before any work. */
export function describeChain(report: ChainReport): string[] {
  const verb = report.direction === 'apply' ? 'Apply' : 'Revert';
  const lines = [
    `${report.rows.length} export(s) of ${report.tableArn}, ${report.direction === 'apply' ? 'applied oldest first' : 'reverted newest first'}, to ${report.restoredTo}${report.requested === undefined ? '' : ` (restore-to ${report.requested})`}:`,
    ...report.rows.map(
      (r, i) =>
        `  ${i + 1}. ${r.action === 'import' ? 'Import' : verb} ${r.folder}: ${r.type === 'FULL_EXPORT' ? `full export as of ${r.from}` : `changes from ${r.from} to ${r.to} (${r.view ?? ''})`}`,
    ),
    ...report.leftOut.map((l) => `  Left out: ${l.folder}, ${l.why}.`),
    ...report.unfinished.map((u) => `  Left out: ${u}, an export that has not finished (no manifest-summary.json).`),
    ...report.notes,
  ];
  return lines;
}
