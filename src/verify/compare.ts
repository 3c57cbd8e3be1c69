// Compares the two sides one partition at a time: the source's records of a
// partition are indexed by key (the last record of a key wins, as an import
// writes it), the table's records stream past the index, and what the table
// never gave is missing from it. Only one partition's source records are in
// memory; each pair of files is removed once compared. A partition that came
// out larger than memory should hold (DescribeTable's size is hours old, keys
// may bunch) is split again with another seed first.

import { rm } from 'node:fs/promises';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { Aborted } from '../aws/retry.js';
import { differingAttributes } from './equality.js';
import type { JsonItem } from './key.js';
import { KeyIndex } from './key-index.js';
import {
  PARTITION_BYTES,
  type PartitionFile,
  PartitionWriter,
  ReadBuffers,
  itemOf,
  keyEnd,
  partitionCount,
  readPartition,
  readRecordRuns,
  readWhole,
  recordEnd,
} from './partition.js';

/** A source partition larger than this is split before it is read into memory. */
export const MAX_LOADED_BYTES = 3 * PARTITION_BYTES;
/** Splits of one partition: past this, keys are so bunched (one key written again and again) that splitting cannot help. */
const MAX_SPLITS = 3;

export type DifferenceKind = 'missing' | 'extra' | 'different';

/** What `emit` is given; its buffers are read into again afterwards, so whatever is kept is copied. */
export interface Difference {
  kind: DifferenceKind;
  /** The item's DynamoDB JSON on each side, where it is. */
  source?: Buffer;
  table?: Buffer;
  /** Parsed, where the comparison already parsed it. */
  parsed?: JsonItem;
  attributes: string[];
}

export interface CompareCounts {
  matched: number;
  missing: number;
  extra: number;
  different: number;
  /** Source records whose key an earlier record had: the last one was compared. */
  duplicateKeys: number;
  /** Partitions compared (of the first level). */
  partitions: number;
}

export function newCounts(): CompareCounts {
  return { matched: 0, missing: 0, extra: 0, different: 0, duplicateKeys: 0, partitions: 0 };
}

export interface PartitionPair {
  source: PartitionFile;
  table: PartitionFile;
}

export interface CompareOptions {
  /** The folder of the partition files; splits are written there too. */
  dir: string;
  seed: number;
  emit: (difference: Difference) => Promise<void>;
  signal?: AbortSignal | undefined;
  /** Called after each pair of the first level, for progress lines. */
  onPartition?: (counts: CompareCounts) => void;
  /** MAX_LOADED_BYTES unless a test says otherwise. */
  maxLoadedBytes?: number;
}

export async function comparePartitions(
  pairs: readonly PartitionPair[],
  options: CompareOptions,
  counts: CompareCounts = newCounts(),
): Promise<CompareCounts> {
  let splits = 0;
  const buffers = new ReadBuffers();
  const compare = async (pair: PartitionPair, depth: number): Promise<void> => {
    if (pair.source.bytes > (options.maxLoadedBytes ?? MAX_LOADED_BYTES) && depth < MAX_SPLITS) {
      splits += 1;
      const parts = await split(pair, options, depth + 1, `split${splits}`, buffers);
      for (const part of parts) await compare(part, depth + 1);
      return;
    }
    await comparePair(pair, options, counts, buffers);
  };
  for (const pair of pairs) {
    if (options.signal?.aborted) throw new Aborted();
    await compare(pair, 0);
    counts.partitions += 1;
    options.onPartition?.(counts);
  }
  return counts;
}

async function comparePair(
  pair: PartitionPair,
  options: CompareOptions,
  counts: CompareCounts,
  buffers: ReadBuffers,
): Promise<void> {
  // The source's records in one buffer, indexed by key without an object per record (key-index.ts).
  const source =
    pair.source.bytes > 0 ? await readWhole(pair.source.path, pair.source.bytes, buffers) : Buffer.alloc(0);
  await rm(pair.source.path, { force: true });
  const expected = new KeyIndex(source, options.seed);
  counts.duplicateKeys += expected.duplicates;
  if (pair.table.bytes > 0) {
    for await (const { data, end } of readRecordRuns(pair.table.path, buffers)) {
      if (options.signal?.aborted) throw new Aborted();
      for (let at = 0; at < end; at = recordEnd(data, at)) {
        const slot = expected.find(data, at);
        // Not in the source, or a second record of a key the table already gave.
        if (slot === -1 || !expected.markFound(slot)) {
          counts.extra += 1;
          await options.emit({ kind: 'extra', table: itemOf(data, at), attributes: [] });
          continue;
        }
        const from = expected.offset(slot);
        // The same bytes are the same item; otherwise compare as DynamoDB would (1.50 equals 1.5).
        if (
          source.compare(data, keyEnd(data, at), recordEnd(data, at), keyEnd(source, from), recordEnd(source, from)) ===
          0
        ) {
          counts.matched += 1;
          continue;
        }
        const expectedItem = itemOf(source, from);
        const item = itemOf(data, at);
        const parsed = JSON.parse(expectedItem.toString('utf8')) as JsonItem;
        const attributes = differingAttributes(
          parsed as unknown as Record<string, AttributeValue>,
          JSON.parse(item.toString('utf8')) as Record<string, AttributeValue>,
        );
        if (attributes.length === 0) {
          counts.matched += 1;
        } else {
          counts.different += 1;
          await options.emit({ kind: 'different', source: expectedItem, table: item, parsed, attributes });
        }
      }
    }
  }
  await rm(pair.table.path, { force: true });
  for (const at of expected.notFound()) {
    counts.missing += 1;
    await options.emit({ kind: 'missing', source: itemOf(source, at), attributes: [] });
  }
}

/** Both files of a pair spread over new files by another seed; the originals removed. */
async function split(
  pair: PartitionPair,
  options: CompareOptions,
  depth: number,
  name: string,
  buffers: ReadBuffers,
): Promise<PartitionPair[]> {
  const count = Math.max(2, partitionCount(pair.source.bytes, pair.table.bytes));
  const seed = (options.seed + depth * 0x9e3779b9) >>> 0;
  // One side after the other: they share the read buffer.
  const source = await splitFile(pair.source, new PartitionWriter(options.dir, `${name}-source`, count, seed), buffers);
  const table = await splitFile(pair.table, new PartitionWriter(options.dir, `${name}-table`, count, seed), buffers);
  return source.map((s, i) => ({ source: s, table: table[i] as PartitionFile }));
}

async function splitFile(file: PartitionFile, writer: PartitionWriter, buffers: ReadBuffers): Promise<PartitionFile[]> {
  try {
    if (file.bytes > 0) {
      for await (const records of readPartition(file.path, buffers)) {
        for (const { key, item } of records) writer.add(key, item);
        await writer.drain();
      }
    }
    const files = await writer.close();
    await rm(file.path, { force: true });
    return files;
  } catch (error) {
    await writer.abandon();
    throw error;
  }
}
