// Opens what an import reads: an S3 prefix (S3's own prefix meaning), a local
// file (that file alone, never its siblings), or a local folder (the files
// under it). A local folder or file inside an export's layout is opened at the
// export's root, so its keys read as they do in S3 and the export is
// recognised by its manifests.

import { lstat, stat } from 'node:fs/promises';
import { basename, dirname, sep } from 'node:path';
import { TransferError } from '../errors.js';
import type { Location } from '../plan.js';
import { LocalStore } from '../storage/local.js';
import { S3Store } from '../storage/s3.js';
import type { ReadGuard } from '../storage/s3-read.js';
import { OutsideRootError, type SourceStore, type StoredObject } from '../storage/store.js';
import { exportFileOf } from './export-folder.js';
import type { S3Access } from '../aws/lazy-clients.js';

export interface OpenedSource {
  store: SourceStore;
  /** Keys under this prefix are the source ('' for a whole local folder; a folder's ends in `/`). */
  prefix: string;
  /** Set when the source is one local file: it alone is read. */
  file?: StoredObject;
}

/** `guard`: the cancel and idle timeout every read of an S3 source honours. */
export async function openSource(location: Location, s3: S3Access, guard?: ReadGuard): Promise<OpenedSource> {
  if (location.kind === 's3') {
    const store = new S3Store(s3, location.bucket, {
      ...(location.owner !== undefined && { owner: location.owner }),
      ...(guard !== undefined && { guard }),
    });
    return { store, prefix: location.prefix };
  }
  // lstat: a symbolic link given as path is looked at as a link first (see openFile).
  const info = await lstat(location.path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw error;
  });
  if (info === undefined) {
    throw new TransferError(
      'SOURCE_NOT_FOUND',
      `path ${location.path} does not exist; nothing was created or written. Check path (relative paths start at the repository checkout).`,
    );
  }
  // The folder given as path is opened even when it is a symbolic link (it was named); nothing under it is followed.
  const isFolder = info.isDirectory() || (info.isSymbolicLink() && (await isFolderBehindLink(location.path)));
  if (!isFolder) return openFile(location.path);
  const folder = location.path.split(sep).join('/').replace(/\/?$/, '/');
  const inExport = exportFileOf(folder);
  if (inExport !== undefined) {
    // Open at the export's root: `<root>AWSDynamoDB/<id>/...` as in S3.
    return { store: new LocalStore(inExport.root), prefix: folder.slice(inExport.root.length) };
  }
  return { store: new LocalStore(location.path), prefix: '' };
}

/**
 * One file: that file alone. It is read only when it is a regular file whose
 * real path is in its own folder, or in its export's root for a file inside an
 * export (a symbolic link to a sibling is followed, one leading elsewhere is
 * refused). A file inside an export is opened at the export's root so that
 * its manifest is found.
 */
async function openFile(path: string): Promise<OpenedSource> {
  const unix = path.split(sep).join('/');
  const inExport = exportFileOf(unix);
  const store = new LocalStore(inExport === undefined ? dirname(path) : inExport.root);
  const key = inExport === undefined ? basename(path) : unix.slice(inExport.root.length);
  let file: StoredObject | undefined;
  try {
    file = await store.stat(key);
  } catch (error) {
    if (!(error instanceof OutsideRootError)) throw error;
    throw new TransferError(
      'INVALID_INPUT',
      `path ${path} cannot be read: ${error.message}. Nothing was created or written. Give the path of a regular file (a symbolic link is followed only to a file in the same folder).`,
    );
  }
  if (file === undefined) {
    throw new TransferError(
      'SOURCE_NOT_FOUND',
      `path ${path} does not exist (a symbolic link to nothing); nothing was created or written.`,
    );
  }
  return { store, prefix: key, file };
}

async function isFolderBehindLink(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() === true;
}
