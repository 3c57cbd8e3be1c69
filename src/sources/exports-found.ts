// Every export under a source, found by its folder (`AWSDynamoDB/<exportId>/`)
// and described by its manifest-summary.json: which table, full or
// incremental, the point in time or the window, the view. What is read here
// is only manifests, inside the source, each checked against its checksum
// file; a summary that does not say what a chain needs, or dates the export
// after now, is MANIFEST_INVALID, before anything is written.

import { TransferError } from '../errors.js';
import { ManifestError, exportPaths, parseManifestSummary } from '../formats/manifest.js';
import type { ViewType } from '../plan.js';
import { OutsideRootError, type SourceStore, TooLargeError } from '../storage/store.js';
import { MANIFEST_FILE_NAMES, exportFileOf } from './export-folder.js';
import { checkManifest } from './manifest-checksum.js';
import { MAX_SMALL_MANIFEST_BYTES, MAX_SOURCE_OBJECTS } from './resolve.js';

export interface FoundExport {
  id: string;
  /** What comes before `AWSDynamoDB/`: the export's prefix. */
  root: string;
  /** `<root>AWSDynamoDB/<id>/`, a key in the store. */
  folder: string;
  /** The folder as people see it (s3://bucket/key or a path). */
  shown: string;
  type: 'FULL_EXPORT' | 'INCREMENTAL_EXPORT';
  tableArn: string;
  /** A full export's point in time. */
  exportTime?: Date;
  /** An incremental export's window: from inclusive, to exclusive. */
  from?: Date;
  to?: Date;
  view?: ViewType;
  format: 'DYNAMODB_JSON' | 'ION';
  itemCount: number;
}

export interface ExportsInSource {
  exports: FoundExport[];
  /** Export folders without a manifest-summary.json (not finished, or copied in part), as shown to people. */
  unfinished: string[];
  /**
   * Full exports whose summary lacks what a chain needs (exportTime, tableArn):
   * one alone still imports as before; in a chain it is MANIFEST_INVALID.
   */
  unusable: { shown: string; message: string }[];
}

/** A chain root may hold many exports and a shared data folder: more than an import reads, but still bounded. */
const MAX_LISTED = 1_000_000;
const READ_CONCURRENCY = 8;

/**
 * How far a manifest's time may be after this machine's clock: AWS says its
 * export times can differ from a caller's clock by about a minute.
 */
export const CLOCK_ALLOWANCE_MS = 5 * 60 * 1000;

/** A summary that dates its export after now: refused in a chain and alone, since its time would decide the chain. */
class FromTheFuture extends ManifestError {}

/** Every export under `prefix`, or undefined when there is none (an ordinary source); `now` dates what a manifest may claim. */
export async function findExports(store: SourceStore, prefix: string, now: Date): Promise<ExportsInSource | undefined> {
  const folders = new Map<string, { root: string; id: string; summary: boolean }>();
  let listed = 0;
  for await (const object of store.list(prefix, MAX_LISTED + 1)) {
    listed += 1;
    // Past an import's limit with no export seen, it is an ordinary source: its import says what is wrong.
    if (listed > MAX_SOURCE_OBJECTS && folders.size === 0) return undefined;
    const at = exportFileOf(object.key);
    if (at === undefined || !MANIFEST_FILE_NAMES.includes(at.file)) continue;
    const folder = exportPaths(at.root, at.exportId).folder;
    const known = folders.get(folder) ?? { root: at.root, id: at.exportId, summary: false };
    if (at.file === 'manifest-summary.json') known.summary = true;
    folders.set(folder, known);
  }
  if (listed > MAX_LISTED) {
    throw new TransferError(
      'SOURCE_TOO_MANY_OBJECTS',
      `More than ${MAX_LISTED.toLocaleString('en-US')} objects under ${store.describe(prefix)}; point prefix or path at the folder that holds the exports of one table.`,
    );
  }
  if (folders.size === 0) return undefined;
  const finished = [...folders.entries()].filter(([, f]) => f.summary);
  const unfinished = [...folders.entries()].filter(([, f]) => !f.summary).map(([key]) => store.describe(key));
  const read: (FoundExport | Unusable)[] = new Array(finished.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < finished.length; i = next++) {
      const [folder, f] = finished[i] as (typeof finished)[number];
      read[i] = await readSummary(store, f.root, f.id, folder, now);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, finished.length) }, worker));
  const exports = read.filter((r): r is FoundExport => !(r instanceof Unusable));
  const unusable = read.filter((r): r is Unusable => r instanceof Unusable).map((u) => ({ ...u }));
  return { exports, unfinished, unusable };
}

class Unusable {
  readonly shown: string;
  readonly message: string;

  constructor(shown: string, message: string) {
    this.shown = shown;
    this.message = message;
  }
}

async function readSummary(
  store: SourceStore,
  root: string,
  id: string,
  folder: string,
  now: Date,
): Promise<FoundExport | Unusable> {
  const key = exportPaths(root, id).manifestSummary;
  const where = store.describe(key);
  try {
    const text = await store.readText(key, MAX_SMALL_MANIFEST_BYTES);
    if (text === undefined) throw new ManifestError(`${where} is gone: it was listed a moment ago`);
    await checkManifest(store, key, text);
    const summary = parseManifestSummary(text, where) as unknown as Record<string, unknown>;
    try {
      return describeExport(summary, { id, root, folder, shown: store.describe(folder), where }, now);
    } catch (error) {
      // A full export's summary need not say more than its import reads: only a chain needs the rest.
      if (
        error instanceof ManifestError &&
        !(error instanceof FromTheFuture) &&
        summary.exportType !== 'INCREMENTAL_EXPORT'
      )
        return new Unusable(store.describe(folder), `${error.message}, which a restore chain needs`);
      throw error;
    }
  } catch (error) {
    if (error instanceof ManifestError || error instanceof TooLargeError)
      throw new TransferError('MANIFEST_INVALID', `${error.message}. Nothing was created or written.`);
    if (error instanceof OutsideRootError)
      throw new TransferError(
        'MANIFEST_OUTSIDE_SOURCE',
        `${error.message}: an export's files must be regular files inside the source. Nothing was read, created or written.`,
      );
    throw error;
  }
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * The summary's fields a chain is built from, each checked: a manifest is not
 * trusted to hold what it should. A time after `now` (past the clock
 * allowance) is refused: a stale export dated 2099 would otherwise win the
 * chain and leave the real one out.
 */
export function describeExport(
  summary: Record<string, unknown>,
  at: { id: string; root: string; folder: string; shown: string; where: string },
  now: Date,
): FoundExport {
  const bad = (field: string, expected: string): ManifestError => {
    const value = summary[field];
    const shown = value === undefined ? 'missing' : JSON.stringify(value).slice(0, 80);
    return new ManifestError(`${at.where} has ${field} ${shown}; expected ${expected}`);
  };
  const time = (field: string): Date => {
    const value = summary[field];
    const date = typeof value === 'string' && ISO_TIME.test(value) ? new Date(value) : undefined;
    if (date === undefined || Number.isNaN(date.getTime())) throw bad(field, 'an ISO 8601 time');
    if (date.getTime() > now.getTime() + CLOCK_ALLOWANCE_MS)
      throw new FromTheFuture(
        `${at.where} has ${field} ${date.toISOString()}, after now (${now.toISOString()}, with ${CLOCK_ALLOWANCE_MS / 60_000} minutes allowed for clocks that differ): no export is made in the future, so the manifest was changed or this machine's clock is wrong`,
      );
    return date;
  };
  const type = summary.exportType ?? 'FULL_EXPORT';
  if (type !== 'FULL_EXPORT' && type !== 'INCREMENTAL_EXPORT')
    throw bad('exportType', 'FULL_EXPORT or INCREMENTAL_EXPORT');
  if (typeof summary.tableArn !== 'string' || summary.tableArn === '') throw bad('tableArn', "the table's ARN");
  const format = summary.outputFormat === 'ION' ? 'ION' : 'DYNAMODB_JSON';
  const itemCount = typeof summary.itemCount === 'number' && summary.itemCount >= 0 ? summary.itemCount : 0;
  const common = {
    id: at.id,
    root: at.root,
    folder: at.folder,
    shown: at.shown,
    tableArn: summary.tableArn,
    format,
    itemCount,
  } as const;
  if (type === 'FULL_EXPORT') return { ...common, type, exportTime: time('exportTime') };
  const from = time('exportFromTime');
  const to = time('exportToTime');
  if (from.getTime() >= to.getTime()) throw bad('exportToTime', `a time after exportFromTime (${from.toISOString()})`);
  const view = summary.outputView;
  if (view !== 'NEW_IMAGE' && view !== 'NEW_AND_OLD_IMAGES') throw bad('outputView', 'NEW_IMAGE or NEW_AND_OLD_IMAGES');
  return { ...common, type, from, to, view };
}
