// Recognises the layout AWS's export writes, in one place:
// <root>AWSDynamoDB/<exportId>/{manifest-summary.json, manifest-files.json,
// _started, data/...}, for keys in S3 and paths in a local folder alike.

import { EXPORT_ID } from '../formats/manifest.js';
import { unsafeKey } from '../storage/store.js';

const ID = EXPORT_ID.source.replace(/^\^|\$$/g, '');
const IN_EXPORT = new RegExp(`^(.*?)AWSDynamoDB/(${ID})/(.*)$`);
const ID_ONLY = new RegExp(`^${ID}$`);

export interface ExportFileKey {
  /** What comes before `AWSDynamoDB/`: the export's prefix, '' or ending in `/`. */
  root: string;
  exportId: string;
  /** The file inside the export's folder: `manifest-files.json`, `data/x.json.gz`. */
  file: string;
}

/** Where a key (or a local path with `/` separators) sits in an export's folder, if it does. */
export function exportFileOf(key: string): ExportFileKey | undefined {
  const match = IN_EXPORT.exec(key);
  if (match === null) return undefined;
  return { root: match[1] as string, exportId: match[2] as string, file: match[3] as string };
}

/** The export's own folder: `<root>AWSDynamoDB/<exportId>/`. */
export function exportFolder(root: string, exportId: string): string {
  return `${root}AWSDynamoDB/${exportId}/`;
}

/** The files that make an export's folder an export rather than data. */
export const MANIFEST_FILE_NAMES = ['manifest-summary.json', 'manifest-files.json', '_started'];

/**
 * The key a manifest's `dataFileS3Key` names inside the export's root, or why
 * it names nothing there. AWS writes full keys from the bucket root
 * (`<prefix>/AWSDynamoDB/<id>/data/x.json.gz`, or an incremental export's
 * `<prefix>/AWSDynamoDB/data/x.json.gz`), tools that copy an export write
 * them relative to its prefix, and the export may since have been moved: the
 * part from the `AWSDynamoDB/` segment on is kept under `root`, so both
 * spellings name the same file and neither can reach outside the source. A key without that segment, with a leading `/`, or with a
 * `.` or `..` segment anywhere could point anywhere, and names nothing.
 */
export function dataFileKeyIn(root: string, dataFileS3Key: string): { key: string } | { why: string } {
  if (dataFileS3Key.startsWith('/')) return { why: 'it starts with /' };
  const segments = dataFileS3Key.split('/');
  if (segments.includes('..')) return { why: 'it has a .. segment' };
  if (segments.includes('.')) return { why: 'it has a . segment' };
  // The export's own AWSDynamoDB/ segment, followed by `data` (an incremental
  // export's shared folder) or the export id, even when the prefix has one too.
  const own = segments.findIndex(
    (s, i) => s === 'AWSDynamoDB' && (segments[i + 1] === 'data' || ID_ONLY.test(segments[i + 1] ?? '')),
  );
  const at = own === -1 ? segments.indexOf('AWSDynamoDB') : own;
  if (at === -1 || at === segments.length - 1) return { why: 'it has no AWSDynamoDB/ folder' };
  const rest = segments.slice(at).join('/');
  const why = unsafeKey(rest);
  if (why !== undefined) return { why };
  if (rest.endsWith('/')) return { why: 'it names a folder' };
  return { key: `${root}${rest}` };
}
