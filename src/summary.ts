// The job summary as Markdown: a pure function of the result, tested on its
// own against stored expected Markdown. Names and values from the data are
// escaped; links go to the AWS console only when the endpoints are AWS's.

import { clip, code, escapeMarkdown, keyValueTable, table } from './markdown.js';
import type { TransferResult } from './result.js';
import { capacitySection } from './summary-capacity.js';
import { renderChain } from './summary-chain.js';
import { formatDuration } from './parsing/values.js';
import { verificationSection } from './summary-verify.js';

const MAX_ERRORS_SHOWN = 10;
const WHAT = { export: 'Export', import: 'Import', validate: 'Validation', verify: 'Verification' } as const;

/** GitHub refuses a step summary over 1 MiB; what the action writes stays well under it, whatever the input. */
export const MAX_SUMMARY_BYTES = 512 * 1024;
const MAX_WARNINGS_SHOWN = 20;

export function renderSummary(result: TransferResult, outcome: { ok: boolean; message: string }): string {
  const parts = [heading(result, outcome.ok), keyValueTable(detailRows(result))];
  if (result.capacity !== undefined) parts.push(capacitySection(result.capacity));
  // Whole, with its "what to do" half: the action's own sentences, whose data is clipped where it is quoted.
  if (!outcome.ok) parts.push(`**Why the step failed:** ${escapeMarkdown(clip(outcome.message, 1500))}`);
  const chain = renderChain(result);
  if (chain !== undefined) parts.push(chain);
  if (result.errors.length > 0) parts.push(errorSection(result));
  if (result.verification !== undefined) parts.push(verificationSection(result.verification));
  if (result.warnings !== undefined && result.warnings.length > 0) {
    const shown = result.warnings.slice(0, MAX_WARNINGS_SHOWN).map((w) => `- ${escapeMarkdown(clip(w))}`);
    const more = result.warnings.length - shown.length;
    parts.push(`### Warnings\n\n${shown.join('\n')}${more > 0 ? `\n- and ${count(more)} more` : ''}`);
  }
  if (result.checkpoint !== undefined && result.checkpoint.lines.length > 0)
    parts.push(checkpointSection(result.checkpoint));
  if (result.note !== undefined && result.note !== '') parts.push(escapeMarkdown(clip(result.note, 2000)));
  const snippet = importBackSnippet(result);
  if (snippet !== undefined) parts.push(snippet);
  return capped(`${parts.join('\n\n')}\n`);
}

/** A direct import's checkpoint: resumed from or not, and what was skipped. */
function checkpointSection(checkpoint: NonNullable<TransferResult['checkpoint']>): string {
  const title = checkpoint.resumed ? '### Resumed' : '### Checkpoint';
  return `${title}\n\n${checkpoint.lines.map((line) => `- ${escapeMarkdown(clip(line))}`).join('\n')}`;
}

/** The last guard: names and locations are not clipped one by one, so the whole is. */
function capped(markdown: string): string {
  if (Buffer.byteLength(markdown) <= MAX_SUMMARY_BYTES) return markdown;
  const cut = Buffer.from(markdown)
    .subarray(0, MAX_SUMMARY_BYTES - 200)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
  return `${cut}\n\n_The summary was cut at ${formatBytes(MAX_SUMMARY_BYTES)}; the log has the rest._\n`;
}

/** The summary of a step that stopped before any work, such as on bad inputs. */
export function renderStartFailure(message: string): string {
  return `## ❌ dynamodb-s3-transfer did not start\n\n${escapeMarkdown(clip(message, 20_000))}\n\nNothing was read or written.\n`;
}

/** The summary of a step that failed during the work: what was done before stays, and a re-run is safe. */
export function renderWorkFailure(mode: string, message: string): string {
  const what = WHAT[mode as keyof typeof WHAT] ?? mode;
  return `## ❌ ${what} failed\n\n${escapeMarkdown(clip(message, 20_000))}\n\nWhat was written before this point stays; the step can be re-run safely.\n`;
}

function heading(result: TransferResult, ok: boolean): string {
  const what = WHAT[result.mode];
  const table = result.tableName === undefined ? '' : ` of ${code(result.tableName)}`;
  if (ok && result.status === 'IN_PROGRESS') return `## ⏳ ${what}${table} is in progress`;
  if (!ok) return `## ❌ ${what}${table} failed`;
  // Differences within max-errors pass the step, but a ✅ over a ❌ comparison would say there were none.
  const v = result.verification;
  const differences = v === undefined ? 0 : v.missing + v.extra + v.different + v.unreadable;
  if (differences > 0)
    return `## ⚠️ ${what}${table} completed, with ${count(differences)} difference(s) within max-errors`;
  return `## ✅ ${what}${table} completed`;
}

function detailRows(r: TransferResult): [string, string][] {
  // Verify's counts are in its own section.
  const counted = r.mode !== 'verify';
  const rows: [string, string | undefined][] = [
    ['Mode', r.mode],
    ['Engine', `${r.engine} (${escapeMarkdown(r.engineReason)})`],
    ['Table', r.tableName === undefined ? undefined : code(r.tableName)],
    ['Source', place(r.source, r)],
    ['Destination', place(r.destination, r)],
    ['Job', r.jobArn === undefined ? undefined : linked(code(r.jobArn), jobLink(r))],
    ['Status', r.status],
    ['Items', counted ? count(r.itemCount) : undefined],
    ['Items processed', counted ? count(r.processedItemCount) : undefined],
    // Changes applied are puts and deletes: "imported" would count a delete as an item brought in.
    [
      r.mode === 'validate' ? 'Items valid' : 'Items imported',
      r.putCount === undefined ? count(r.importedItemCount) : undefined,
    ],
    ['Items put', count(r.putCount)],
    ['Items deleted', count(r.deleteCount)],
    ['Errors', counted ? count(r.errorCount) : undefined],
    [bytesLabel(r), r.processedSizeBytes === undefined ? undefined : formatBytes(r.processedSizeBytes)],
    ['Duration', formatDuration(Math.round(r.durationSeconds * 1000))],
    ['Throughput', throughput(r)],
    ['Manifest', place(r.exportManifest, r)],
    ['Data', place(r.dataUrl, r)],
    ['Data files', count(r.fileCount)],
    ['Rejected items', place(r.rejectedItems, r)],
    ...(r.artifacts ?? []).map((a): [string, string] => [`Artifact (${a.what})`, linked(code(a.name), a.url)]),
  ];
  return rows
    .filter((row): row is [string, string] => row[1] !== undefined)
    .map(([k, v]): [string, string] => [`**${k}**`, v]);
}

/** The byte counts of each mode and engine measure different things: say which. */
function bytesLabel(r: TransferResult): string {
  if (r.engine === 'managed') return r.mode === 'export' ? 'Billed size' : 'Bytes processed by AWS';
  if (r.mode === 'verify') return 'Source bytes read (decompressed)';
  return r.mode === 'export' ? 'Bytes written (compressed)' : 'Bytes read (decompressed)';
}

/** A location as code, linked to the S3 console when it is an s3:// URL on AWS. */
function place(location: string | undefined, r: TransferResult): string | undefined {
  if (location === undefined) return undefined;
  const s3 = /^s3:\/\/([^/]+)\/?(.*)$/.exec(location);
  if (s3 === null || r.consoleRegion === undefined) return code(location);
  const [, bucket, key] = s3;
  const page = key === undefined || key === '' || key.endsWith('/') ? 'buckets' : 'object';
  const url = `https://s3.console.aws.amazon.com/s3/${page}/${bucket}?region=${r.consoleRegion}&prefix=${encodeURIComponent(key ?? '')}`;
  return linked(code(location), url);
}

function jobLink(r: TransferResult): string | undefined {
  if (r.consoleRegion === undefined || r.jobArn === undefined) return undefined;
  const page = r.mode === 'export' ? 'export-to-s3' : 'import-from-s3';
  return `https://${r.consoleRegion}.console.aws.amazon.com/dynamodbv2/home?region=${r.consoleRegion}#${page}`;
}

function linked(text: string, url: string | undefined): string {
  return url === undefined ? text : `<a href="${url.replace(/"/g, '%22')}">${text}</a>`;
}

/**
 * The first errors as the summary and the log show them: a title, at most
 * MAX_ERRORS_SHOWN errors, and how many more there are and where they all
 * are (`quote` marks up that place).
 */
export function firstErrors(
  r: TransferResult,
  quote: (text: string) => string,
): { title: string; shown: TransferResult['errors']; rest: string | undefined } {
  const shown = r.errors.slice(0, MAX_ERRORS_SHOWN);
  const total = r.errorCount ?? r.errors.length;
  const where = r.rejectedItems === undefined ? '' : `; all are in ${quote(r.rejectedItems)}`;
  return {
    title: `First errors (${shown.length} of ${count(total)})`,
    shown,
    rest: total > shown.length ? `${count(total - shown.length)} more not shown${where}.` : undefined,
  };
}

function errorSection(r: TransferResult): string {
  const { title, shown, rest } = firstErrors(r, code);
  const rows = shown.map((e) => [code(clip(e.location)), code(e.code), escapeMarkdown(clip(e.message))]);
  return `### ${title}\n\n${table(['Where', 'Code', 'Reason'], rows)}${rest === undefined ? '' : `\n\n${rest}`}`;
}

/**
 * For a completed export: the step that imports it back, ready to paste. An
 * incremental export holds change records, which ImportTable cannot read: its
 * step applies them with the direct engine, through its manifest, to the table
 * restored from the full export.
 */
function importBackSnippet(r: TransferResult): string | undefined {
  if (r.mode !== 'export' || r.status !== 'COMPLETED' || r.dataUrl === undefined) return undefined;
  const changes = r.exportType === 'INCREMENTAL_EXPORT';
  const engine = changes ? 'direct' : r.engine;
  // The direct engine reads an export through its manifest; AWS's ImportTable reads its data/ folder.
  const folder = engine === 'managed' ? r.dataUrl : exportFolderUrl(r);
  const s3 = /^s3:\/\/([^/]+)\/(.*)$/.exec(folder);
  const where =
    s3 === null ? [`path: ${yamlScalar(folder)}`] : [`bucket: ${s3[1]}`, `prefix: ${yamlScalar(s3[2] ?? '')}`];
  const keys = r.keySchema ?? ['id:S'];
  const lines = [
    `- uses: ${r.uses ?? 'your-org/dynamodb-s3-transfer@v1'}`,
    '  with:',
    '    mode: import',
    `    table-name: ${yamlScalar(`${r.tableName ?? 'table'}-restored`)}`,
    ...where.map((w) => `    ${w}`),
    // Changes apply to an existing table, whose key schema is its own.
    ...(changes ? [] : [`    partition-key: ${yamlScalar(keys[0] ?? 'id:S')}`]),
    ...(changes || keys[1] === undefined ? [] : [`    sort-key: ${yamlScalar(keys[1])}`]),
    // Named either way: with auto, an S3 source would go to AWS's ImportTable, which reads data/ only.
    `    engine: ${engine}`,
    ...(r.endpointUrl === undefined ? [] : [`    endpoint-url: ${yamlScalar(r.endpointUrl)}`]),
    ...(s3 === null || r.s3EndpointUrl === undefined ? [] : [`    s3-endpoint-url: ${yamlScalar(r.s3EndpointUrl)}`]),
  ];
  const title = changes ? 'Apply it to a restored table' : 'Import it back';
  return `### ${title}\n\n\`\`\`yaml\n${lines.join('\n')}\n\`\`\``;
}

/** Where the export's manifests are, as a URL or path: the managed engine says; a direct export's is data/'s parent. */
function exportFolderUrl(r: TransferResult): string {
  const folder = r.exportFolder;
  if (folder === undefined || r.engine === 'direct') return (r.dataUrl ?? '').replace(/data\/$/, '');
  return folder.kind === 's3' ? `s3://${folder.bucket}/${folder.prefix}` : folder.path;
}

function yamlScalar(text: string): string {
  return /^[\w./:#-]+$/.test(text) && !/^[-:#]/.test(text) ? text : JSON.stringify(text);
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
