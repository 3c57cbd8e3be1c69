// Opens what an import reads: an S3 prefix (S3's own prefix meaning), a local
// file (that file alone, never its siblings), or a local folder (the files
// under it). A local folder inside an export's layout is opened at the
// export's root, so its keys read as they do in S3 and the export is
// recognised by its manifests.

import { stat } from 'node:fs/promises';
import { basename, dirname, sep } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { TransferError } from '../errors.js';
import type { Location } from '../plan.js';
import { LocalStore } from '../storage/local.js';
import { S3Store } from '../storage/s3.js';
import type { Store, StoredObject } from '../storage/store.js';
import { exportFileOf } from './export-folder.js';

export interface OpenedSource {
  store: Store;
  /** Keys under this prefix are the source ('' for a whole local folder; a folder's ends in `/`). */
  prefix: string;
  /** Set when the source is one local file: it alone is read. */
  file?: StoredObject;
}

export async function openSource(location: Location, s3: S3Client): Promise<OpenedSource> {
  if (location.kind === 's3') {
    const store = new S3Store(s3, location.bucket, location.owner === undefined ? {} : { owner: location.owner });
    return { store, prefix: location.prefix };
  }
  const info = await stat(location.path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw error;
  });
  if (info === undefined) {
    throw new TransferError(
      'SOURCE_NOT_FOUND',
      `path ${location.path} does not exist; nothing was created or written. Check path (relative paths start at the repository checkout).`,
    );
  }
  if (info.isFile()) {
    const store = new LocalStore(dirname(location.path));
    const key = basename(location.path);
    return { store, prefix: key, file: { key, size: info.size } };
  }
  const folder = location.path.split(sep).join('/').replace(/\/?$/, '/');
  const inExport = exportFileOf(folder);
  if (inExport !== undefined) {
    // Open at the export's root: `<root>AWSDynamoDB/<id>/...` as in S3.
    return { store: new LocalStore(inExport.root), prefix: folder.slice(inExport.root.length) };
  }
  return { store: new LocalStore(location.path), prefix: '' };
}
