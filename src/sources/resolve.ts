// What an import reads: every object under the source prefix, or, when the
// prefix holds an export written by AWS or by this action, the data files its
// manifest lists (each to be checked against its MD5 before use).

import { TransferError } from '../errors.js';
import { ManifestError, md5Matches, parseManifestFiles, parseManifestSummary } from '../formats/manifest.js';
import type { Format } from '../plan.js';
import type { Store } from '../storage/store.js';
import { exportFileOf, exportFolder } from './export-folder.js';
import type { OpenedSource } from './open.js';

/** AWS's ImportTable reads at most this many objects; the direct engine keeps the same limit. */
export const MAX_SOURCE_OBJECTS = 50_000;

export interface SourceObject {
  key: string;
  size: number;
  /** From an export's manifest: the data file's MD5 (base64), checked before its items are used. */
  md5?: string;
  /** From an export's manifest: how many items the file holds. */
  itemCount?: number;
}

export interface ResolvedSource {
  objects: SourceObject[];
  /** Set when the source is an export: its folder, format and item count. */
  export?: { folder: string; format: Exclude<Format, 'CSV'>; itemCount: number };
}

export async function resolveSource(opened: OpenedSource): Promise<ResolvedSource> {
  const { store, prefix } = opened;
  if (opened.file !== undefined) return { objects: [opened.file] };
  const objects: SourceObject[] = [];
  const exports = new Map<string, string>();
  for await (const object of store.list(prefix, MAX_SOURCE_OBJECTS + 1)) {
    if (object.key.endsWith('/')) continue; // folder markers
    const inExport = exportFileOf(object.key);
    if (inExport?.file === 'manifest-files.json') exports.set(inExport.exportId, inExport.root);
    objects.push(object);
  }
  if (exports.size > 1) {
    const ids = [...exports.keys()].sort();
    throw new TransferError(
      'SOURCE_HAS_SEVERAL_EXPORTS',
      `${store.describe(prefix)} holds ${ids.length} exports (${ids.join(', ')}); point prefix or path at one of them, such as ${store.describe(`${exports.get(ids[0] as string)}AWSDynamoDB/${ids[0]}/`)}`,
    );
  }
  const [only] = exports.entries();
  if (only !== undefined) return readExport(store, only[1], only[0]);
  if (objects.length === 0) {
    throw new TransferError(
      'SOURCE_EMPTY',
      `No objects found under ${store.describe(prefix)}; nothing was created or written. Check bucket, prefix or path.`,
    );
  }
  if (objects.length > MAX_SOURCE_OBJECTS) {
    throw new TransferError(
      'SOURCE_TOO_MANY_OBJECTS',
      `More than ${MAX_SOURCE_OBJECTS.toLocaleString('en-US')} objects under ${store.describe(prefix)}; an import reads at most ${MAX_SOURCE_OBJECTS.toLocaleString('en-US')}. Consolidate them into larger objects or narrow the prefix.`,
    );
  }
  return { objects };
}

async function readExport(store: Store, root: string, exportId: string): Promise<ResolvedSource> {
  const folder = exportFolder(root, exportId);
  const summaryKey = `${folder}manifest-summary.json`;
  const filesKey = `${folder}manifest-files.json`;
  try {
    const summaryText = await store.readText(summaryKey);
    if (summaryText === undefined) throw new ManifestError(`${store.describe(summaryKey)} is missing`);
    const summary = parseManifestSummary(summaryText, store.describe(summaryKey));
    const filesText = (await store.readText(filesKey)) ?? '';
    const md5 = await store.readText(`${folder}manifest-files.md5`);
    if (md5 !== undefined && !md5Matches(md5, filesText)) {
      throw new ManifestError(
        `${store.describe(filesKey)} does not match ${store.describe(`${folder}manifest-files.md5`)}: the manifest is damaged or was changed`,
      );
    }
    const entries = parseManifestFiles(filesText, store.describe(filesKey));
    // Keys in a manifest are full keys where AWS wrote them; the export may since
    // have been copied elsewhere, so keep the part from AWSDynamoDB/ on.
    const objects = entries.map((entry) => {
      const at = entry.dataFileS3Key.indexOf('AWSDynamoDB/');
      const key =
        at === -1 ? `${folder}data/${entry.dataFileS3Key.split('/').pop()}` : `${root}${entry.dataFileS3Key.slice(at)}`;
      return { key, size: 0, md5: entry.md5Checksum, itemCount: entry.itemCount };
    });
    const format = summary.outputFormat === 'ION' ? 'ION' : 'DYNAMODB_JSON';
    return { objects, export: { folder: store.describe(folder), format, itemCount: summary.itemCount } };
  } catch (error) {
    if (error instanceof ManifestError) throw new TransferError('MANIFEST_INVALID', error.message);
    throw error;
  }
}
