// The pages of one scan segment (or of the Query), as the export writes them
// into a data file, and what stops every segment of an export at once: a
// cancel or one segment's failure. A stopped segment ends its pages rather
// than throwing, so the data file being written is finished with exactly the
// items read.

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { Aborted } from '../aws/retry.js';
import { TransferError } from '../errors.js';
import type { RawPage } from './raw-pages.js';

export type PageReader = (
  segment: number,
  total: number,
  from: Record<string, AttributeValue> | undefined,
) => Promise<RawPage>;

/** Shared by the segments of one export: once the step is cancelled or one segment fails, every segment ends its file. */
export class SegmentStop {
  failure: TransferError | undefined;
  /** Set when a segment ended before its last page. */
  cut = false;
  private readonly signal: AbortSignal | undefined;

  constructor(signal: AbortSignal | undefined) {
    this.signal = signal;
  }

  /** Asked before each page: true when the segment must end now, cut short. */
  endsHere(): boolean {
    if (this.failure !== undefined || this.signal?.aborted === true) this.cut = true;
    return this.cut;
  }

  /** A segment's failure (a cancel is none): every segment ends at its next page. */
  fail(error: unknown): void {
    this.cut = true;
    if (error instanceof Aborted) return;
    this.failure ??=
      error instanceof TransferError
        ? error
        : new TransferError('READ_FAILED', error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
}

/**
 * Where a segment is: the key its next page starts after (undefined at its
 * start), and whether its last page has been read. Kept up to date as pages
 * are handed on, so that when a data file ends, it says where the next file
 * begins: what an export's checkpoint records.
 */
export interface SegmentPosition {
  lastEvaluatedKey: Record<string, AttributeValue> | undefined;
  done: boolean;
}

/**
 * One scan segment's pages (each item's DynamoDB JSON), from `position` when
 * given (a resumed export) and keeping it up to date. It ends, rather than
 * throws, when the step is cancelled or a read fails, so that the data file
 * being written is finished with exactly the items read.
 */
export async function* readSegment(
  read: PageReader,
  segment: number,
  segments: { count: number; firstPage?: RawPage },
  onPage: () => void,
  stop: SegmentStop,
  position: SegmentPosition = { lastEvaluatedKey: undefined, done: false },
): AsyncGenerator<Buffer[]> {
  let start = position.lastEvaluatedKey;
  const first = segment === 0 ? segments.firstPage : undefined;
  let page = start === undefined && !position.done ? first : undefined;
  if (page !== first) first?.release?.(); // segment 0 starts elsewhere: the page read to plan the segments is not used
  if (position.done) return;
  try {
    do {
      if (stop.endsHere()) return;
      if (page === undefined) {
        try {
          page = await read(segment, segments.count, start);
        } catch (error) {
          stop.fail(error);
          return;
        }
      }
      start = page.lastEvaluatedKey;
      // Set before the items are handed on: a file that ends after them ends at this key.
      position.lastEvaluatedKey = start;
      position.done = start === undefined;
      yield page.items;
      // Asked for the next page: the consumer is done with this one's items.
      page.release?.();
      page = undefined;
      onPage();
    } while (start !== undefined);
  } finally {
    // Ended early (a stop, or a consumer that gave up): the page held goes back too.
    page?.release?.();
  }
}
