// The comparison of a table with a source in the job summary: a plain
// verdict, the counts, and the first differences with the attributes that
// differ. Keys and names are item content: clipped, and shown as code.

import { clip, code, escapeMarkdown, keyValueTable, table } from './markdown.js';
import type { VerificationResult } from './result.js';

const n = (value: number): string => value.toLocaleString('en-US');
/** Attribute names shown per difference before "and N more". */
const NAMES_SHOWN = 10;
const KEY_CHARS = 200;
const NAME_CHARS = 60;

/** One sentence: "the table matches the export: 1,000,000 items, 0 differences". */
export function verdict(v: VerificationResult): string {
  const what = v.against === 'export' ? 'the export' : 'the source';
  const differences = v.missing + v.extra + v.different;
  const unreadable =
    v.unreadable === 0 ? '' : `; ${n(v.unreadable)} source record(s) could not be read as items and were not compared`;
  if (v.status === 'CANCELLED') {
    return `The comparison was cancelled after ${v.partitions.done} of ${v.partitions.total} partition(s): ${n(differences)} difference(s) so far${unreadable}.`;
  }
  if (v.status === 'FAILED') {
    return `The comparison did not finish (${v.failure ?? 'it failed'}): ${n(differences)} difference(s) so far${unreadable}.`;
  }
  if (differences === 0) {
    return `The table matches ${what}: ${n(v.matched)} item(s), 0 differences${unreadable}.`;
  }
  return `The table does not match ${what}: ${n(v.missing)} missing, ${n(v.extra)} extra, ${n(v.different)} different, ${n(v.matched)} matched${unreadable}.`;
}

export function verificationSection(v: VerificationResult): string {
  const differences = v.missing + v.extra + v.different;
  const what = v.against === 'export' ? 'the export' : 'the source';
  const [mark, headline] =
    v.status === 'CANCELLED'
      ? ['⚠️', 'cancelled']
      : v.status === 'FAILED'
        ? ['❌', 'did not finish']
        : differences === 0 && v.unreadable === 0
          ? ['✅', `the table matches ${what}`]
          : differences === 0
            ? ['❌', `${what} has unreadable records`]
            : ['❌', `the table does not match ${what}`];
  const rows: [string, string | undefined][] = [
    ['Compared with', code(v.source)],
    ['Items in the table', n(v.tableItems)],
    ['Records in the source', n(v.sourceRecords)],
    ['Matched', n(v.matched)],
    ['Missing from the table', n(v.missing)],
    ['Extra in the table', n(v.extra)],
    ['Different', n(v.different)],
    ['Unreadable source records', v.unreadable === 0 ? undefined : n(v.unreadable)],
    [
      'Repeated keys in the source',
      v.duplicateKeys === 0 ? undefined : `${n(v.duplicateKeys)} (the last one compared)`,
    ],
    ['Differences file', v.differences === undefined ? undefined : code(v.differences)],
  ];
  const shown = rows.filter((row): row is [string, string] => row[1] !== undefined);
  const parts = [
    `### ${mark} Verification: ${headline}`,
    escapeMarkdown(clip(verdict(v), 2000)),
    keyValueTable(shown.map(([k, value]) => [`**${k}**`, value])),
  ];
  if (v.first.length > 0) parts.push(firstDifferences(v, differences));
  return parts.join('\n\n');
}

function firstDifferences(v: VerificationResult, total: number): string {
  const rows = v.first.map((d) => [d.kind, code(clip(d.key, KEY_CHARS)), attributeNames(d.attributes)]);
  const where = v.differences === undefined ? '' : `; all are in ${code(v.differences)}`;
  const rest = total > v.first.length ? `\n\n${n(total - v.first.length)} more not shown${where}.` : '';
  return `#### First differences (${v.first.length} of ${n(total)})\n\n${table(['Kind', 'Key', 'Attributes that differ'], rows)}${rest}`;
}

function attributeNames(names: readonly string[]): string {
  if (names.length === 0) return '';
  const shown = names.slice(0, NAMES_SHOWN).map((name) => code(clip(name, NAME_CHARS)));
  const more = names.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` and ${n(more)} more` : ''}`;
}
