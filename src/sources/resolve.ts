// What an import reads: every object under the source prefix, or, when the
// source holds an export written by AWS or by this action (its folder, its
// root, or its data folder and the files in it), the data files its manifest
// lists, each to be checked against its MD5 before use. Everything here is
// settled before any data file is read or any table is touched: an unfinished
// export, a damaged manifest, or a manifest naming a file outside the export
// stops the import here.

import { TransferError } from '../errors.js';
import { ManifestError, exportPaths, parseManifestFiles, parseManifestSummary } from '../formats/manifest.js';
import type { Format } from '../plan.js';
import { OutsideRootError, type SourceStore, type StoredObject, TooLargeError } from '../storage/store.js';
import { MANIFEST_FILE_NAMES, dataFileKeyIn, exportFileOf } from './export-folder.js';
import { checkManifest } from './manifest-checksum.js';
import type { OpenedSource } from './open.js';

/** AWS's ImportTable reads at most this many objects; the direct engine keeps the same limit. */
export const MAX_SOURCE_OBJECTS = 50_000;

/** manifest-files.json lists up to 50,000 files of about 200 bytes each: 64 MiB is far more than any needs. */
export const MAX_MANIFEST_FILES_BYTES = 64 * 1024 * 1024;
/** manifest-summary.json and the `.md5` files are a few hundred bytes. */
export const MAX_SMALL_MANIFEST_BYTES = 1024 * 1024;

/** Data files looked up at once when the listing did not show them. */
const STAT_CONCURRENCY = 8;
/** Names shown in one log line before "and N more". */
const NAMES_SHOWN = 20;

export interface SourceObject {
  key: string;
  /** Bytes; at most this many are read from it. */
  size: number;
  /** From an export's manifest: the data file's MD5 (base64), checked before its items are used. */
  md5?: string;
  /** From the listing: the ETag (S3) or modification time (local), so a resumed import sees a changed object. */
  etag?: string;
  /** From an export's manifest: how many items the file holds. */
  itemCount?: number;
}

export interface ResolvedSource {
  objects: SourceObject[];
  /** Set when the source is an export: its folder, format and item count. */
  export?: { folder: string; format: Exclude<Format, 'CSV'>; itemCount: number };
  /** Lines for the log: what the listing skipped (symbolic links, never followed) and what was left out, and why. */
  notes: string[];
}

interface ExportAt {
  root: string;
  exportId: string;
}

/** Which of the export's files the source is: all of them, or those under its data folder the source names. */
type Scope = { kind: 'all' } | { kind: 'prefix'; prefix: string } | { kind: 'file'; key: string };

export async function resolveSource(opened: OpenedSource): Promise<ResolvedSource> {
  const { store, prefix } = opened;
  const listed: StoredObject[] = [];
  const exports = new Map<string, ExportAt>();
  if (opened.file !== undefined) listed.push(opened.file);
  else {
    for await (const object of store.list(prefix, MAX_SOURCE_OBJECTS + 1)) {
      if (object.key.endsWith('/')) continue; // folder markers
      const inExport = exportFileOf(object.key);
      // Any of an export's own files makes its folder an export, finished or not.
      if (inExport !== undefined && MANIFEST_FILE_NAMES.includes(inExport.file)) {
        exports.set(`${inExport.root}\u0000${inExport.exportId}`, { root: inExport.root, exportId: inExport.exportId });
      }
      listed.push(object);
    }
  }
  if (exports.size > 1) {
    const found = [...exports.values()].sort((a, b) => (a.exportId < b.exportId ? -1 : 1));
    const first = found[0] as ExportAt;
    throw new TransferError(
      'SOURCE_HAS_SEVERAL_EXPORTS',
      `${store.describe(prefix)} holds ${found.length} exports (${found.map((e) => e.exportId).join(', ')}); point prefix or path at one of them, such as ${store.describe(exportPaths(first.root, first.exportId).folder)}`,
    );
  }
  const [only] = exports.values();
  if (only !== undefined) {
    const resolved = await readExport(store, only, listed, { kind: 'all' });
    return { ...resolved, notes: [...resolved.notes, ...skippedNotes(store, prefix)] };
  }
  if (listed.length === 0) {
    const skipped = skippedNotes(store, prefix).map((note) => ` ${note}`);
    throw new TransferError(
      'SOURCE_EMPTY',
      `No objects found under ${store.describe(prefix)}; nothing was created or written. Check bucket, prefix or path.${skipped.join('')}`,
    );
  }
  // An export's data folder, or a file in it (the export's data-url output): its manifest decides.
  const inData = exportFileOf(opened.file?.key ?? prefix);
  if (inData !== undefined && (inData.file === 'data' || inData.file.startsWith('data/'))) {
    const scope: Scope =
      opened.file === undefined ? { kind: 'prefix', prefix } : { kind: 'file', key: opened.file.key };
    if (await hasManifests(store, inData)) {
      const resolved = await readExport(store, inData, listed, scope);
      return { ...resolved, notes: [...resolved.notes, ...skippedNotes(store, prefix)] };
    }
  }
  if (listed.length > MAX_SOURCE_OBJECTS) {
    throw new TransferError(
      'SOURCE_TOO_MANY_OBJECTS',
      `More than ${MAX_SOURCE_OBJECTS.toLocaleString('en-US')} objects under ${store.describe(prefix)}; an import reads at most ${MAX_SOURCE_OBJECTS.toLocaleString('en-US')}. Consolidate them into larger objects or narrow the prefix.`,
    );
  }
  const notes = skippedNotes(store, prefix);
  if (inData !== undefined && (inData.file === 'data' || inData.file.startsWith('data/'))) {
    notes.unshift(
      `${store.describe(exportPaths(inData.root, inData.exportId).folder)} has no manifests: its data files are read without MD5 checks.`,
    );
  }
  return { objects: listed, notes };
}

/** Whether the export's folder has any of its own files (a data folder copied alone has none). */
async function hasManifests(store: SourceStore, at: ExportAt): Promise<boolean> {
  const paths = exportPaths(at.root, at.exportId);
  for (const key of [paths.manifestSummary, paths.manifestFiles, paths.started]) {
    if ((await store.stat(key).catch(rethrowAsManifestError)) !== undefined) return true;
  }
  return false;
}

async function readExport(
  store: SourceStore,
  at: ExportAt,
  listed: readonly StoredObject[],
  scope: Scope,
): Promise<ResolvedSource> {
  const paths = exportPaths(at.root, at.exportId);
  const folder = store.describe(paths.folder);
  try {
    const summaryText = await store.readText(paths.manifestSummary, MAX_SMALL_MANIFEST_BYTES);
    if (summaryText === undefined) throw await incomplete(store, at, listed);
    await checkManifest(store, paths.manifestSummary, summaryText);
    const summary = parseManifestSummary(summaryText, store.describe(paths.manifestSummary));
    const filesText = await store.readText(paths.manifestFiles, MAX_MANIFEST_FILES_BYTES);
    if (filesText === undefined) {
      throw new ManifestError(
        `${store.describe(paths.manifestFiles)} is missing, though ${store.describe(paths.manifestSummary)} is there: the export is damaged or was copied in part`,
      );
    }
    await checkManifest(store, paths.manifestFiles, filesText);
    const entries = parseManifestFiles(filesText, store.describe(paths.manifestFiles));
    // Every key is placed inside the export's root before anything is read.
    const all = entries.map((entry, index) => {
      const placed = dataFileKeyIn(at.root, entry.dataFileS3Key);
      if ('why' in placed) {
        throw new TransferError(
          'MANIFEST_OUTSIDE_SOURCE',
          `${store.describe(paths.manifestFiles)} (entry ${index + 1}) lists the data file ${shown(entry.dataFileS3Key)}, which could point outside the export: ${placed.why}. An export's data files are under ${store.describe(`${at.root}AWSDynamoDB/`)}. Nothing was read, created or written.`,
        );
      }
      return { key: placed.key, md5: entry.md5Checksum, itemCount: entry.itemCount };
    });
    const chosen = all.filter((o) =>
      scope.kind === 'all' ? true : scope.kind === 'file' ? o.key === scope.key : o.key.startsWith(scope.prefix),
    );
    const notes = unlistedNotes(store, paths.dataFolder, listed, all);
    if (chosen.length === 0) {
      throw new TransferError(
        'SOURCE_EMPTY',
        `${store.describe(scope.kind === 'file' ? scope.key : scope.kind === 'prefix' ? scope.prefix : paths.folder)} holds no data file that the export's manifest (${store.describe(paths.manifestFiles)}) lists; nothing was created or written.`,
      );
    }
    const objects = await sized(store, chosen, listed, paths.manifestFiles);
    const format = summary.outputFormat === 'ION' ? 'ION' : 'DYNAMODB_JSON';
    const itemCount = scope.kind === 'all' ? summary.itemCount : chosen.reduce((sum, o) => sum + o.itemCount, 0);
    if (scope.kind !== 'all') {
      notes.unshift(
        `${scope.kind === 'file' ? store.describe(scope.key) : store.describe(scope.prefix)} is in the export ${folder}: its manifest is used, and each data file is checked against its MD5 before any of its items are written.`,
      );
    }
    return { objects, export: { folder, format, itemCount }, notes };
  } catch (error) {
    return rethrowAsManifestError(error);
  }
}

/** The sizes of the manifest's files: from the listing, or looked up; a file that is not there stops the import. */
async function sized(
  store: SourceStore,
  chosen: readonly { key: string; md5: string; itemCount: number }[],
  listed: readonly StoredObject[],
  manifest: string,
): Promise<SourceObject[]> {
  const sizes = new Map(listed.map((o) => [o.key, o.size]));
  const objects: SourceObject[] = new Array(chosen.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < chosen.length; i = next++) {
      const { key, md5, itemCount } = chosen[i] as (typeof chosen)[number];
      const size = sizes.get(key) ?? (await store.stat(key))?.size;
      if (size === undefined) {
        throw new ManifestError(
          `${store.describe(manifest)} lists ${store.describe(key)}, which is not there: the export is damaged or was copied in part`,
        );
      }
      objects[i] = { key, size, md5, itemCount };
    }
  };
  await Promise.all(Array.from({ length: Math.min(STAT_CONCURRENCY, chosen.length) }, worker));
  return objects;
}

/** EXPORT_INCOMPLETE: the folder has an export's files but not the summary, which an export writes last. */
async function incomplete(store: SourceStore, at: ExportAt, listed: readonly StoredObject[]): Promise<TransferError> {
  const paths = exportPaths(at.root, at.exportId);
  const keys = new Set(listed.map((o) => o.key));
  const present: string[] = [];
  for (const key of [paths.started, paths.manifestFiles]) {
    if (keys.has(key) || (await store.stat(key)) !== undefined) present.push(key.slice(paths.folder.length));
  }
  const dataFiles = listed.filter((o) => o.key.startsWith(paths.dataFolder)).length;
  if (dataFiles > 0) present.push(`${dataFiles} data file(s)`);
  return new TransferError(
    'EXPORT_INCOMPLETE',
    `${store.describe(paths.folder)} is an export that has not finished: it has ${present.join(', ') || 'some of its files'} but no manifest-summary.json, which an export writes last. Nothing was created or written. Wait until the export has finished (run a failed direct export again) and import that.`,
  );
}

/** Objects in the export's data folder that its manifest does not list: never read, but said. */
function unlistedNotes(
  store: SourceStore,
  dataFolder: string,
  listed: readonly StoredObject[],
  inManifest: readonly { key: string }[],
): string[] {
  const known = new Set(inManifest.map((o) => o.key));
  const unlisted = listed.filter((o) => o.key.startsWith(dataFolder) && !known.has(o.key));
  if (unlisted.length === 0) return [];
  return [
    `${unlisted.length} object(s) in ${store.describe(dataFolder)} are not in the export's manifest and were not read: ${names(unlisted.map((o) => store.describe(o.key)))}.`,
  ];
}

/** What the listing skipped, for the log. */
function skippedNotes(store: SourceStore, prefix: string): string[] {
  if (store.skipped.length === 0) return [];
  return [
    `Skipped ${store.skipped.length} entr${store.skipped.length === 1 ? 'y' : 'ies'} under ${store.describe(prefix)} that ${store.skipped.length === 1 ? 'is' : 'are'} not a regular file (symbolic links are never followed): ${names(store.skipped)}.`,
  ];
}

function names(all: readonly string[]): string {
  const shownNames = all.slice(0, NAMES_SHOWN).join(', ');
  return all.length > NAMES_SHOWN ? `${shownNames} and ${all.length - NAMES_SHOWN} more` : shownNames;
}

/** A key from a file, quoted and cut short: manifests are not trusted to be small or printable. */
function shown(key: string): string {
  return JSON.stringify(key.length > 200 ? `${key.slice(0, 200)}...` : key);
}

function rethrowAsManifestError(error: unknown): never {
  if (error instanceof ManifestError || error instanceof TooLargeError)
    throw new TransferError('MANIFEST_INVALID', error.message);
  if (error instanceof OutsideRootError)
    throw new TransferError(
      'MANIFEST_OUTSIDE_SOURCE',
      `${error.message}: an export's files must be regular files inside the source. Nothing was read, created or written.`,
    );
  throw error;
}
