// The job summary's part for a restore from exports: the counts of changes,
// the chain as a timeline table (export, type, window, engine, puts, deletes,
// errors) and as a Mermaid gantt chart of the windows, which GitHub renders
// in job summaries, with any gap marked. Text from manifests (table ARNs,
// folders) goes only into escaped table cells; the chart holds only export
// ids (checked against AWS's pattern when found), times and fixed words.

import { clip, code, escapeMarkdown, table } from './markdown.js';
import type { ChainReport, ChainRow } from './restore/chain-report.js';
import type { TransferResult } from './result.js';

/** A month of hourly exports fits; past this, the table and chart show the last ones and say how many are left out. */
const MAX_ROWS = 200;
const MAX_BARS = 100;

const n = (value: number | undefined): string => (value === undefined ? '' : value.toLocaleString('en-US'));

export function renderChain(result: TransferResult): string | undefined {
  const chain = result.chain;
  if (chain === undefined) return undefined;
  const parts = [`### ${chain.direction === 'apply' ? 'Restore chain' : 'Reverted windows'}`, headline(result, chain)];
  if (chain.notes.length > 0) parts.push(chain.notes.map((note) => `- ${escapeMarkdown(clip(note, 2000))}`).join('\n'));
  parts.push(timeline(chain));
  const leftOut = leftOutTable(chain);
  if (leftOut !== undefined) parts.push(leftOut);
  parts.push(gantt(chain));
  return parts.join('\n\n');
}

function headline(result: TransferResult, chain: ChainReport): string {
  const counts = `**${n(result.putCount)}** put, **${n(result.deleteCount)}** deleted, **${n(result.errorCount)}** error(s) of ${n(result.processedItemCount)} record(s)`;
  const target =
    chain.gap !== undefined ? 'Not restored' : result.restoredTo === undefined ? 'Restore point' : 'Restored to';
  const requested = chain.requested === undefined ? 'restore-to: latest' : `restore-to: ${chain.requested}`;
  return `${target}: **${chain.restoredTo}** (${requested}), exports of ${code(clip(chain.tableArn, 300))}. ${counts}.`;
}

function timeline(chain: ChainReport): string {
  const shown = chain.rows.slice(-MAX_ROWS);
  const rows = shown.map((r, i) => [
    String(chain.rows.length - shown.length + i + 1),
    code(r.id),
    r.type === 'FULL_EXPORT' ? 'full' : `incremental (${r.view ?? ''})`,
    r.type === 'FULL_EXPORT' ? `as of ${r.from}` : `${r.from} → ${r.to}`,
    r.action,
    r.engine ?? '',
    n(r.counts?.puts),
    n(r.counts?.deletes),
    n(r.counts?.errors),
    r.state,
  ]);
  const header = ['#', 'Export', 'Type', 'Window (UTC)', 'Action', 'Engine', 'Puts', 'Deletes', 'Errors', 'State'];
  const more =
    chain.rows.length > shown.length
      ? `\n\nThe first ${n(chain.rows.length - shown.length)} export(s) are not shown; the log lists them all.`
      : '';
  const gap =
    chain.gap === undefined
      ? ''
      : `\n\n**Gap:** no export covers ${chain.gap.from} → ${chain.gap.to}, between ${code(chain.gap.after)} and ${code(chain.gap.before)}.`;
  return `${table(header, rows)}${more}${gap}`;
}

function leftOutTable(chain: ChainReport): string | undefined {
  if (chain.leftOut.length === 0 && chain.unfinished.length === 0) return undefined;
  const rows = [
    ...chain.leftOut.map((l) => [code(l.id), code(clip(l.folder)), escapeMarkdown(clip(l.why))]),
    ...chain.unfinished.map((u) => ['', code(clip(u)), 'an export that has not finished (no manifest-summary.json)']),
  ];
  const shown = rows.slice(0, MAX_ROWS);
  const more = rows.length > shown.length ? `\n\nand ${n(rows.length - shown.length)} more.` : '';
  return `**Left out**\n\n${table(['Export', 'Folder', 'Why'], shown)}${more}`;
}

/** `2026-03-01T00:00:00.000Z` as the chart's dateFormat reads it. */
function chartTime(iso: string): string {
  return iso.slice(0, 19).replace('T', ' ');
}

/** A Mermaid gantt of the windows applied, the full export as a milestone, a gap as a critical bar. */
export function gantt(chain: ChainReport): string {
  const bars = chain.rows.slice(-MAX_BARS);
  const lines = [
    '```mermaid',
    'gantt',
    `    title ${chain.direction === 'apply' ? 'Exports applied' : 'Windows reverted'} (UTC)`,
    '    dateFormat YYYY-MM-DD HH:mm:ss',
    '    axisFormat %m-%d %H:%M',
    '    section Exports',
    ...bars.map((row, i) => `    ${bar(row, i)}`),
  ];
  if (chain.gap !== undefined) {
    lines.push('    section Gap', `    no export :crit, gap, ${chartTime(chain.gap.from)}, ${chartTime(chain.gap.to)}`);
  }
  lines.push('```');
  return lines.join('\n');
}

function bar(row: ChainRow, index: number): string {
  const state = row.state === 'failed' ? 'crit, ' : row.state === 'not applied' ? '' : 'done, ';
  if (row.type === 'FULL_EXPORT') return `full ${row.id} :milestone, ${state}e${index}, ${chartTime(row.from)}, 0d`;
  return `${row.id} :${state}e${index}, ${chartTime(row.from)}, ${chartTime(row.to)}`;
}
