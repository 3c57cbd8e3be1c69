// The table's side: a parallel Scan with consistent reads, through the same
// raw pages, segments and retry policy as the direct export, each item's
// DynamoDB JSON (as DynamoDB sent it) into its partition file.

import type { TableDescription } from '@aws-sdk/client-dynamodb';
import { Aborted, type Breaker } from '../aws/retry.js';
import type { EngineDeps } from '../direct/deps.js';
import { pageReader } from '../direct/export.js';
import { SegmentStop, readSegment } from '../direct/segment-pages.js';
import type { Progress } from '../direct/progress.js';
import { planSegments } from '../direct/segments.js';
import type { ExportExpressions } from '../plan.js';
import { type JsonItem, keyText } from './key.js';
import type { Pace } from './pace.js';
import type { PartitionWriter } from './partition.js';

export interface TableRead {
  items: number;
  /** Bytes of DynamoDB JSON read. */
  bytes: number;
  segments: number;
}

export async function scanIntoPartitions(
  table: TableDescription,
  read: { concurrency: number; expressions?: ExportExpressions },
  keyNames: readonly string[],
  writer: PartitionWriter,
  progress: Progress,
  pace: Pace,
  deps: EngineDeps & { breaker: Breaker },
): Promise<TableRead> {
  const plan = { concurrency: read.concurrency, ...(read.expressions && { expressions: read.expressions }) };
  const reader = pageReader(plan, table, deps);
  const segments = await planSegments(table, plan, reader);
  const totals: TableRead = { items: 0, bytes: 0, segments: segments.count };
  const onPage = () => progress.update({ items: totals.items, bytes: totals.bytes, errors: 0 });
  // Segments end rather than throw when one fails or the step is cancelled; then the whole read stops.
  const stop = new SegmentStop(deps.signal);
  await Promise.all(
    Array.from({ length: segments.count }, async (_, segment) => {
      for await (const items of readSegment(reader, segment, segments, onPage, stop)) {
        for (const raw of items) {
          // Parsed only for its key; the bytes go to the file as they came.
          const item = JSON.parse(raw.toString('utf8')) as JsonItem;
          writer.add(keyText(item, keyNames), raw);
          totals.bytes += raw.byteLength;
        }
        totals.items += items.length;
        await writer.drain();
        await pace.step('table', items.length);
      }
    }),
  );
  if (stop.failure !== undefined) throw stop.failure;
  if (stop.cut) throw new Aborted();
  return totals;
}
