// A manifest checked against the checksum file beside it. AWS's documentation
// names that file both `<name>.md5` and `<name>.checksum` (the incremental
// export layout shows `manifest-files.checksum`), and tools write the MD5 in
// hex or base64: either name and either spelling is read. A manifest with no
// checksum file is used as it is, as before.

import { ManifestError, md5Matches } from '../formats/manifest.js';
import type { SourceStore } from '../storage/store.js';

/** `.md5` and `.checksum` files are a few dozen bytes. */
const MAX_CHECKSUM_BYTES = 1024 * 1024;

/** Throws ManifestError when the checksum file beside `key` (`x.json` -> `x.md5`, `x.checksum`) does not match `text`. */
export async function checkManifest(store: SourceStore, key: string, text: string): Promise<void> {
  const base = key.replace(/\.json$/, '');
  for (const checksumKey of [`${base}.md5`, `${base}.checksum`]) {
    const checksum = await store.readText(checksumKey, MAX_CHECKSUM_BYTES);
    if (checksum === undefined) continue;
    if (!md5Matches(checksum, text)) {
      throw new ManifestError(
        `${store.describe(key)} does not match ${store.describe(checksumKey)}: the manifest is damaged or was changed`,
      );
    }
    return;
  }
}
