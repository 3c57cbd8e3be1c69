// How many scan segments an export reads in parallel: enough for the table's
// size, never more than `concurrency`, and one for a table that fits in a
// single page, so a five-item table is one data file, not sixteen mostly
// empty ones.

import type { TableDescription } from '@aws-sdk/client-dynamodb';
import type { ExportPlan } from '../plan.js';
import type { RawPage } from './raw-pages.js';

/** Bytes of table per segment: each segment reads a few 1 MB pages at least. */
const SEGMENT_BYTES = 4 * 1024 * 1024;

export interface Segments {
  count: number;
  /** The page read to size a small table: segment 0's first page, used as it is. */
  firstPage?: RawPage;
}

type ReadPage = (segment: number, total: number, from: undefined) => Promise<RawPage>;

export async function planSegments(
  table: TableDescription,
  plan: Pick<ExportPlan, 'expressions' | 'concurrency'>,
  read: ReadPage,
): Promise<Segments> {
  if (plan.expressions?.keyCondition !== undefined) return { count: 1 }; // a Query has no segments
  const size = table.TableSizeBytes ?? 0;
  if (size >= SEGMENT_BYTES) return { count: Math.min(plan.concurrency, Math.ceil(size / SEGMENT_BYTES)) };
  // DescribeTable's size is up to six hours old: a small or empty figure is checked with one page.
  const first = await read(0, 1, undefined);
  if (first.lastEvaluatedKey === undefined) return { count: 1, firstPage: first };
  first.release?.(); // read again by the segments
  return { count: plan.concurrency };
}
