// Scan and Query pages under a budget: each page's Limit is sized so that it
// costs about a quarter of a second's worth of the budget, so one page never
// overdraws it by more than a second's worth, and the rate stays smooth. The
// read units per item are learnt from what each page really cost.

import type { TableDescription } from '@aws-sdk/client-dynamodb';
import { readUnits } from '../aws/capacity.js';

/** A page is at most 1 MB: 256 read units strongly consistent. */
const PAGE_BYTES = 1024 * 1024;
const PAGES_PER_SECOND = 4;

export class PageSizer {
  private unitsPerItem: number;
  private readonly budget: number | undefined;
  private readonly consistent: boolean;

  constructor(budget: number | undefined, table: TableDescription, consistent: boolean) {
    this.budget = budget;
    this.consistent = consistent;
    const count = table.ItemCount ?? 0;
    const bytes = table.TableSizeBytes ?? 0;
    // DescribeTable's average item, or, for a table it calls empty, one read unit an item until a page says better.
    const average = count > 0 && bytes > 0 ? bytes / count : 4096;
    this.unitsPerItem = (average / 4096) * (consistent ? 1 : 0.5);
  }

  /** The next page's Limit; undefined without a budget (DynamoDB's own 1 MB pages). */
  limit(): number | undefined {
    if (this.budget === undefined) return undefined;
    return Math.max(1, Math.floor(this.budget / PAGES_PER_SECOND / this.unitsPerItem));
  }

  /** What a page of `limit` items is charged before it is read. */
  estimate(limit: number | undefined): number {
    const most = readUnits(PAGE_BYTES, this.consistent);
    return limit === undefined ? most : Math.min(most, Math.max(0.5, limit * this.unitsPerItem));
  }

  /** A page read: its real cost per item scanned. */
  learn(consumed: number | undefined, scanned: number | undefined): void {
    if (consumed !== undefined && scanned !== undefined && scanned > 0) this.unitsPerItem = consumed / scanned;
  }
}
