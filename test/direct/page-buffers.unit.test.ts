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

  it('lets only `limit` pages out at once; the room freed passes to the next one waiting, once', async () => {
    const buffers = new PageBuffers(2);
    const first = await buffers.reserve();
    const second = await buffers.reserve();
    let third: (() => void) | undefined;
    const waiting = buffers.reserve().then((free) => {
      third = free;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(third).toBeUndefined();
    first();
    first(); // freed twice: still one page's room
    await waiting;
    expect(third).toBeDefined();
    let fourth = false;
    const next = buffers.reserve().then(() => {
      fourth = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fourth).toBe(false);
    second();
    await next;
    expect(fourth).toBe(true);
  });

  it('does not keep a page larger than its buffers', () => {
    const buffers = new PageBuffers();
    const large = buffers.take(3 * 1024 * 1024);
    expect(large.length).toBe(3 * 1024 * 1024);
    buffers.give(large);
    expect(buffers.take(100).buffer).not.toBe(large.buffer);
  });
});

/** Pages of `count` segments of three pages each, reading through one PageBuffers of `limit`. */
function pagedSegments(limit: number) {
  const buffers = new PageBuffers(limit);
  const reads: number[] = [];
  const read = async (segment: number): Promise<RawPage> => {
    const free = await buffers.reserve();
    reads.push(segment);
    const n = reads.filter((s) => s === segment).length;
    return {
      items: [Buffer.from(`${segment}:${n}`)],
      lastEvaluatedKey: n < 3 ? { n: { N: String(n) } } : undefined,
      release: free,
    };
  };
  return { read, reads };
}

describe('readSegment', () => {
  it('a segment whose consumer gives up gives its page back: the segments waiting for room go on', async () => {
    const { read } = pagedSegments(1);
    const stop = new SegmentStop(undefined);
    const quitter = readSegment(read, 0, { count: 2 }, () => undefined, stop);
    expect((await quitter.next()).value).toEqual([Buffer.from('0:1')]);
    // The other segment waits for room while the first holds its page.
    const other = (async () => {
      const seen: string[] = [];
      for await (const items of readSegment(read, 1, { count: 2 }, () => undefined, stop)) seen.push(String(items[0]));
      return seen;
    })();
    await quitter.return(undefined);
    expect(await other).toEqual(['1:1', '1:2', '1:3']);
  });

  it('a stopped export ends every segment, and none is left waiting for room', async () => {
    const { read } = pagedSegments(2);
    const stop = new SegmentStop(undefined);
    const segments = [0, 1, 2, 3].map(async (segment) => {
      let pages = 0;
      for await (const items of readSegment(read, segment, { count: 4 }, () => undefined, stop)) {
        pages += items.length;
        if (segment === 0) stop.fail(new Error('the data file could not be written'));
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      return pages;
    });
    const pages = await Promise.all(segments);
    expect(pages[0]).toBe(1);
    expect(stop.failure?.message).toContain('could not be written');
  });

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
