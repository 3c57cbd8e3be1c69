// An object's bytes, ready to decode. An export's data file is used only once
// its MD5 matches the manifest: a damaged file's items are never written.

import type { Store } from '../storage/store.js';
import type { SourceObject } from './resolve.js';
import { verifiedCopy } from './verified-copy.js';

export type OpenedObject =
  | { chunks: AsyncIterable<Uint8Array>; remove: () => Promise<void> }
  | { damaged: { code: string; message: string; items: number } };

export async function openObject(store: Store, object: SourceObject, tempDir: string): Promise<OpenedObject> {
  if (object.md5 === undefined) return { chunks: store.read(object.key), remove: async () => undefined };
  const copy = await verifiedCopy(store, object.key, object.md5, tempDir);
  if (copy.ok) return copy;
  await copy.remove();
  return {
    damaged: {
      code: 'CHECKSUM_MISMATCH',
      message: `the data file's MD5 is ${copy.actualMd5} but the manifest says ${object.md5}: the file is damaged or was changed, so none of its ${object.itemCount ?? 'unknown number of'} item(s) were imported`,
      // Each of the file's items counts as one not imported; the manifest says how many.
      items: Math.max(1, object.itemCount ?? 1),
    },
  };
}
