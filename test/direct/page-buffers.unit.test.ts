// Scan pages' buffers are used again, but never while their items can still
// be read: a segment gives its page back only when the next one is asked for.

import { describe, expect, it } from 'vitest';
import { PageBuffers, type RawPage } from '../../src/direct/raw-pages.js';
import { SegmentStop, readSegment } from '../../src/direct/segment-pages.js';

describe('PageBuffers', () => {
  it('gives a page buffer back for the next page, sized to each', () => {
    const buffers = new PageBuffers();
    const first = buffers.take(1000);
    expect(first.length).toBe(1000);
    buffers.give(first);
    const second = buffers.take(5000);
    expect(second.length).toBe(5000);
    expect(second.buffer).toBe(first.buffer);
    // Not given back: the next page gets other memory.
    expect(buffers.take(10).buffer).not.toBe(second.buffer);
  });

  it('does not keep a page larger than its buffers', () => {
    const buffers = new PageBuffers();
    const large = buffers.take(3 * 1024 * 1024);
    expect(large.length).toBe(3 * 1024 * 1024);
    buffers.give(large);
    expect(buffers.take(100).buffer).not.toBe(large.buffer);
  });
});

describe('readSegment', () => {
  it('releases a page only once the next one is asked for, and the last one when the segment ends', async () => {
    const events: string[] = [];
    const page = (n: number, last: boolean): RawPage => ({
      items: [Buffer.from(`{"n":{"N":"${n}"}}`)],
      lastEvaluatedKey: last ? undefined : { n: { N: String(n) } },
      release: () => events.push(`released ${n}`),
    });
    let reads = 0;
    const read = async () => {
      reads += 1;
      events.push(`read ${reads}`);
      return page(reads, reads === 3);
    };
    const stop = new SegmentStop(undefined);
    for await (const items of readSegment(read, 0, { count: 1 }, () => undefined, stop)) {
      events.push(`used ${items[0]?.toString()}`);
    }
    expect(events).toEqual([
      'read 1',
      'used {"n":{"N":"1"}}',
      'released 1',
      'read 2',
      'used {"n":{"N":"2"}}',
      'released 2',
      'read 3',
      'used {"n":{"N":"3"}}',
      'released 3',
    ]);
  });
});
