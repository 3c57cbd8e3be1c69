// One incremental export's data files into an item sink: each file checked
// against its MD5 before any of its records is used (a damaged file's records
// are all rejected, counted, never written), then each record turned into a
// put or a delete (change-writes.ts). Every record is either acknowledged by
// the sink or rejected with its location in the ledger, as in the import.

import type { ChangeOptions } from '../formats/change-writes.js';
import { decodeChangeWrites } from '../formats/change-writes.js';
import { newStats } from '../formats/records.js';
import { type OpenedObject, openObject } from '../sources/open-object.js';
import type { SourceObject } from '../sources/resolve.js';
import type { Store } from '../storage/store.js';
import type { EngineDeps } from './deps.js';
import type { Ledger } from './ledger.js';
import type { Progress } from './progress.js';
import type { ItemSink } from './sink.js';

export interface ChangePipeline {
  sink: ItemSink;
  ledger: Ledger;
  progress: Progress;
  deps: EngineDeps;
}

/** `opened`: the file already fetched and checked (fetched ahead while the one before was written). */
export async function applyChangeFile(
  store: Store,
  object: SourceObject,
  options: ChangeOptions,
  { sink, ledger, progress, deps }: ChangePipeline,
  opened?: Promise<OpenedObject>,
): Promise<void> {
  const name = store.describe(object.key);
  const input = await (opened ?? openObject(store, object, deps.tempDir));
  if ('damaged' in input) {
    ledger.processed += input.damaged.items;
    await ledger.reject(
      { code: input.damaged.code, message: input.damaged.message, object: name },
      input.damaged.items,
    );
    return;
  }
  const stats = newStats();
  try {
    for await (const batch of decodeChangeWrites(input.chunks, options, stats)) {
      for (const write of batch) {
        ledger.processed += 1;
        if ('error' in write) {
          const { code, message, line, itemIndex } = write.error;
          await ledger.reject({
            ...(write.item && { item: write.item }),
            code,
            message,
            object: name,
            ...(line === undefined ? {} : { line }),
            ...(itemIndex === undefined ? {} : { itemIndex }),
          });
        } else {
          const origin = { object: name, line: write.line, itemIndex: write.itemIndex };
          await (write.kind === 'put' ? sink.put(write.item, origin) : sink.delete(write.item, origin));
        }
      }
      await ledger.drain();
      progress.update({ items: sink.stats.written, bytes: ledger.bytes + stats.bytes, errors: ledger.errors });
      if (deps.signal?.aborted) break;
    }
  } finally {
    ledger.bytes += stats.bytes;
    await input.remove();
  }
}
