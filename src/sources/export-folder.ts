// Recognises the layout AWS's export writes, in one place:
// <root>AWSDynamoDB/<exportId>/{manifest-summary.json, manifest-files.json,
// _started, data/...}, for keys in S3 and paths in a local folder alike.

import { EXPORT_ID } from '../formats/manifest.js';

const ID = EXPORT_ID.source.replace(/^\^|\$$/g, '');
const IN_EXPORT = new RegExp(`^(.*?)AWSDynamoDB/(${ID})/(.*)$`);

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
