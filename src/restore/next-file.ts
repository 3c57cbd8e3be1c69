// The next data file of a chain is fetched and checked against its MD5 while
// the current one is written: a file is copied whole before any of its
// records is used, and without this the writes would stop at every file while
// it downloads. At most two files are on disk at once, this and the next.

import { type OpenedObject, openObject } from '../sources/open-object.js';
import type { SourceObject } from '../sources/resolve.js';
import type { Store } from '../storage/store.js';

export class NextFile {
  private pending: { object: SourceObject; opened: Promise<OpenedObject> } | undefined;
  private readonly store: Store;
  private readonly tempDir: string;

  constructor(store: Store, tempDir: string) {
    this.store = store;
    this.tempDir = tempDir;
  }

  /** `object`, opened (from the one fetched ahead when it is that one); starts fetching `following`. */
  take(object: SourceObject, following: SourceObject | undefined): Promise<OpenedObject> {
    const opened = this.pending?.object === object ? this.pending.opened : openObject(this.store, object, this.tempDir);
    this.pending = undefined;
    if (following !== undefined) {
      const ahead = openObject(this.store, following, this.tempDir);
      // Its failure is reported when it is taken, or dropped with it.
      ahead.catch(() => undefined);
      this.pending = { object: following, opened: ahead };
    }
    return opened;
  }

  /** The file fetched ahead and never taken (the work stopped): its copy removed. */
  async discard(): Promise<void> {
    const pending = this.pending;
    this.pending = undefined;
    const opened = await pending?.opened.catch(() => undefined);
    if (opened !== undefined && 'remove' in opened) await opened.remove();
  }
}
