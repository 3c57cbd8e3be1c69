// The job summary as Markdown: a pure function of the result, tested on its own.

import { code, escapeMarkdown, table } from './markdown.js';
import type { TransferResult } from './result.js';
import { formatDuration } from './parsing/values.js';

const MAX_ERRORS_SHOWN = 10;

export function renderSummary(result: TransferResult, outcome: { ok: boolean; message: string }): string {
  const parts = [heading(result, outcome.ok), table(['', ''], detailRows(result))];
  if (!outcome.ok) parts.push(`**Why the step failed:** ${escapeMarkdown(outcome.message)}`);
  if (result.errors.length > 0) parts.push(errorSection(result));
  if (result.note !== undefined) parts.push(escapeMarkdown(result.note));
  return `${parts.join('\n\n')}\n`;
}

/** The summary of a step that stopped before any work, such as on bad inputs. */
export function renderStartFailure(message: string): string {
  return `## ❌ dynamodb-s3-transfer did not start\n\n${escapeMarkdown(message)}\n\nNothing was read or written.\n`;
}

/** The summary of a step that failed during the work: what was done before stays, and a re-run is safe. */
export function renderWorkFailure(mode: string, message: string): string {
  const what = { export: 'Export', import: 'Import', validate: 'Validation' }[mode] ?? mode;
  return `## ❌ ${what} failed\n\n${escapeMarkdown(message)}\n\nWhat was written before this point stays; the step can be re-run safely.\n`;
}

function heading(result: TransferResult, ok: boolean): string {
  const what = { export: 'Export', import: 'Import', validate: 'Validation' }[result.mode];
  const table = result.tableName === undefined ? '' : ` of ${code(result.tableName)}`;
  if (result.status === 'IN_PROGRESS') return `## ⏳ ${what}${table} is in progress`;
  if (!ok) return `## ❌ ${what}${table} failed`;
  return `## ✅ ${what}${table} completed`;
}

function detailRows(r: TransferResult): string[][] {
  const rows: [string, string | undefined][] = [
    ['Mode', r.mode],
    ['Engine', `${r.engine} (${escapeMarkdown(r.engineReason)})`],
    ['Table', r.tableName === undefined ? undefined : code(r.tableName)],
    ['Source', r.source === undefined ? undefined : code(r.source)],
    ['Destination', r.destination === undefined ? undefined : code(r.destination)],
    ['Job', r.jobArn === undefined ? undefined : code(r.jobArn)],
    ['Status', r.status],
    ['Items', count(r.itemCount)],
    ['Items processed', count(r.processedItemCount)],
    [r.mode === 'validate' ? 'Items valid' : 'Items imported', count(r.importedItemCount)],
    ['Errors', count(r.errorCount)],
    ['Bytes', r.processedSizeBytes === undefined ? undefined : formatBytes(r.processedSizeBytes)],
    ['Duration', formatDuration(Math.round(r.durationSeconds * 1000))],
    ['Throughput', throughput(r)],
    ['Manifest', r.exportManifest === undefined ? undefined : code(r.exportManifest)],
    ['Data', r.dataUrl === undefined ? undefined : code(r.dataUrl)],
    ['Rejected items', r.rejectedItems === undefined ? undefined : code(r.rejectedItems)],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== undefined).map(([k, v]) => [`**${k}**`, v]);
}

function errorSection(r: TransferResult): string {
  const shown = r.errors.slice(0, MAX_ERRORS_SHOWN);
  const total = r.errorCount ?? r.errors.length;
  const rows = shown.map((e) => [code(e.location), code(e.code), escapeMarkdown(e.message)]);
  const rest =
    total > shown.length
      ? `\n\n${count(total - shown.length)} more not shown${r.rejectedItems === undefined ? '' : `; all are in ${code(r.rejectedItems)}`}.`
      : '';
  return `### First errors (${shown.length} of ${count(total)})\n\n${table(['Where', 'Code', 'Reason'], rows)}${rest}`;
}

function count(n: number | undefined): string | undefined {
  return n === undefined ? undefined : n.toLocaleString('en-US');
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}

function throughput(r: TransferResult): string | undefined {
  const items = r.processedItemCount ?? r.itemCount;
  if (items === undefined || r.durationSeconds <= 0) return undefined;
  const perSecond = `${Math.round(items / r.durationSeconds).toLocaleString('en-US')} items/s`;
  if (r.processedSizeBytes === undefined) return perSecond;
  return `${perSecond}, ${formatBytes(Math.round(r.processedSizeBytes / r.durationSeconds))}/s`;
}
