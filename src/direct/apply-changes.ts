// One incremental export's data files into an item sink: each file checked
// against its MD5 before any of its records is used (a damaged file's records
// are all rejected, counted, never written), then each record turned into a
// put or a delete (change-writes.ts). Records of one key are decided by their
// timestamps (change-order.ts): an older one after a newer one is skipped and
// counted as superseded. Every other record is either acknowledged by the
// sink or rejected with its location in the ledger, as in the import.

import type { ChangeOptions } from '../formats/change-writes.js';
import { decodeChangeWrites } from '../formats/change-writes.js';
import { newStats } from '../formats/records.js';
import type { ChangeOrder } from './change-order.js';
import { keyString } from './item-key.js';
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
  /** The order of the records of one key across the export's files: one per export. */
  order: ChangeOrder;
}

/** `opened`: the file already fetched and checked (fetched ahead while the one before was written). */
export async function applyChangeFile(
  store: Store,
  object: SourceObject,
  options: ChangeOptions,
  { sink, ledger, progress, deps, order }: ChangePipeline,
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
  const keyNames = options.keys.filter((k) => k.index === undefined).map((k) => k.name);
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
          const verdict = order.see(keyString(write.item, keyNames), write.micros);
          if (verdict === 'older') continue; // a newer record of its key was applied: counted as superseded
          const origin = { object: name, line: write.line, itemIndex: write.itemIndex };
          if (verdict === 'tie') {
            await ledger.reject({
              item: write.item,
              code: 'DUPLICATE_CHANGE',
              message: `another record of this key in the same export has the same WriteTimestampMicros ${write.micros}, so which one is the item's final state cannot be told; the one read first was applied, and AWS's exports hold each changed item once`,
              ...origin,
            });
            continue;
          }
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
