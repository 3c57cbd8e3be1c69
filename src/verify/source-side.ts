// The source's side, read exactly as an import reads it: the same objects
// (an export through its manifest, each data file checked against its MD5),
// the same decoders and item checks, one object after another in order (so
// the last record of a key is the one compared, as an import writes it).
// Items go to their partition files instead of a table; records an import
// would reject are counted in the ledger, with their location.

import { type Item, toDynamoJsonMap } from '../formats/attribute-value.js';
import type { DecodeOptions } from '../formats/decode.js';
import type { EngineDeps } from '../direct/deps.js';
import { importObject } from '../direct/import.js';
import type { Ledger } from '../direct/ledger.js';
import type { Progress } from '../direct/progress.js';
import { type ItemSink, newSinkStats } from '../direct/sink.js';
import type { ResolvedSource } from '../sources/resolve.js';
import type { Store } from '../storage/store.js';
import { type JsonItem, keyText } from './key.js';
import type { Pace } from './pace.js';
import type { PartitionWriter } from './partition.js';

/** Items the source reads between two looks at the table's progress. */
const PACE_STEP = 500;

/** Items to partition files, as DynamoDB JSON: the form the table's side has. */
class PartitionSink implements ItemSink {
  readonly stats = newSinkStats();
  private readonly writer: PartitionWriter;
  private readonly keyNames: readonly string[];
  private readonly pace: Pace;

  constructor(writer: PartitionWriter, keyNames: readonly string[], pace: Pace) {
    this.writer = writer;
    this.keyNames = keyNames;
    this.pace = pace;
  }

  async put(item: Item): Promise<void> {
    const json = toDynamoJsonMap(item) as JsonItem;
    this.writer.add(keyText(json, this.keyNames), JSON.stringify(json));
    this.stats.written += 1;
    await this.writer.drain();
    if (this.stats.written % PACE_STEP === 0) await this.pace.step('source', PACE_STEP);
  }

  async delete(): Promise<void> {
    throw new Error('A verify source holds items, not deletes');
  }

  async flush(): Promise<void> {
    await this.writer.drain();
  }

  async settle(): Promise<void> {}
}

export async function readIntoPartitions(
  store: Store,
  source: ResolvedSource,
  options: DecodeOptions,
  keyNames: readonly string[],
  writer: PartitionWriter,
  ledger: Ledger,
  progress: Progress,
  pace: Pace,
  deps: EngineDeps,
): Promise<void> {
  const sink = new PartitionSink(writer, keyNames, pace);
  for (const object of source.objects) {
    if (deps.signal?.aborted) return;
    await importObject(store, object, options, { sink, ledger, progress, deps });
  }
  await sink.flush();
}
