// The token bucket and the meter on a fake clock: the rate holds whatever the
// estimates, and what DynamoDB reports settles the difference.

import { describe, expect, it } from 'vitest';
import { TokenBucket, readUnits, writeUnits } from '../../src/aws/capacity.js';
import { itemSize } from '../../src/formats/item-checks.js';
import { Meter } from '../../src/aws/meter.js';

function fakeClock() {
  const clock = {
    t: 0,
    now: () => clock.t,
    wait: async (ms: number) => {
      clock.t += ms;
    },
  };
  return clock;
}

describe('TokenBucket', () => {
  it('lets requests start at the budgeted rate: 500 units at 50/s take 10 s', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(50, clock);
    const starts: number[] = [];
    for (let i = 0; i < 20; i++) {
      await bucket.take(25);
      starts.push(clock.t);
    }
    // Each waits for its own units (issue 23: charged before it is sent, the first one too).
    expect(starts[0]).toBe(500);
    expect(starts[19]).toBe(10_000);
    expect(starts[1]).toBe(1000);
  });

  it('workers asking together are served in turn, one budget for all', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(100, clock);
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 8 }, () => bucket.take(50).then(() => starts.push(clock.t))));
    expect(starts).toEqual([500, 1000, 1500, 2000, 2500, 3000, 3500, 4000]);
  });

  it('settles with what DynamoDB reported: an overestimate is given back, an underestimate owed', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(10, clock);
    await bucket.take(10);
    expect(clock.t).toBe(1000);
    bucket.settle(10, 2); // cost 2, not 10
    await bucket.take(10);
    expect(clock.t).toBe(1000 + 200); // only the 2 units used had to be waited out
    bucket.settle(10, 30); // cost 30: 20 more owed
    await bucket.take(1);
    expect(clock.t).toBe(1200 + 2100); // the 20 owed, then its own 1
  });

  it('saves at most one second of idle time', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(10, clock);
    clock.t = 60_000;
    await bucket.take(10);
    expect(clock.t).toBe(60_000);
    await bucket.take(10);
    await bucket.take(10);
    // 10 saved, not 600: the second and the third each wait their second after the idle minute.
    expect(clock.t).toBe(62_000);
  });

  it('a request worth many seconds waits them all before it goes, then the next waits its own (issue 23)', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(200, clock);
    const starts: number[] = [];
    // 8 items of 395 KB in one request, then a small one.
    await bucket.take(3160).then(() => starts.push(clock.t));
    await bucket.take(25).then(() => starts.push(clock.t));
    expect(starts).toEqual([15_800, 15_925]);
  });

  it('idle time before a large request saves a second, not the whole request: it still waits the rest', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(200, clock);
    clock.t = 15_000; // the table was being created
    await bucket.take(3160);
    expect(clock.t).toBe(15_000 + 14_800);
  });

  it('units taken by any moment never exceed the budget times the time since the start, whatever the sizes', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(200, clock);
    let taken = 0;
    const sizes = [1, 391, 25, 100, 391, 391, 3, 250, 10, 391, 1];
    await Promise.all(
      sizes.map((units) =>
        bucket.take(units).then(() => {
          taken += units;
          expect(taken).toBeLessThanOrEqual((200 * clock.t) / 1000 + 1e-6);
        }),
      ),
    );
    expect(clock.t).toBe(Math.ceil((sizes.reduce((a, b) => a + b, 0) / 200) * 1000));
  });

  it('a cancelled wait rejects that caller and leaves the bucket usable', async () => {
    let calls = 0;
    const clock = fakeClock();
    const bucket = new TokenBucket(10, {
      now: clock.now,
      wait: async (ms) => {
        calls += 1;
        if (calls === 2) throw new Error('cancelled');
        clock.t += ms;
      },
    });
    await bucket.take(10);
    await expect(bucket.take(10)).rejects.toThrow('cancelled');
    await bucket.take(10);
    expect(clock.t).toBe(2000);
  });
});

describe('units', () => {
  it('writes cost 1 KB units rounded up per item; reads 4 KB units, half when eventually consistent', () => {
    expect(writeUnits(1)).toBe(1);
    expect(writeUnits(1024)).toBe(1);
    expect(writeUnits(1025)).toBe(2);
    expect(writeUnits(3000)).toBe(3);
    expect(readUnits(4096, true)).toBe(1);
    expect(readUnits(4097, true)).toBe(2);
    expect(readUnits(25 * 3000, true)).toBe(19);
    expect(readUnits(25 * 3000, false)).toBe(9.5);
  });

  it('an item is its names plus its values', () => {
    expect(itemSize({ id: { S: 'abc' }, n: { N: '12345' } })).toBe(2 + 3 + 1 + 4);
    expect(itemSize({ pad: { S: 'x'.repeat(1000) } })).toBe(1003);
    expect(itemSize({ m: { M: { a: { BOOL: true } } }, l: { L: [{ NULL: true }] } })).toBe(
      1 + 3 + 1 + 1 + 1 + 1 + 3 + 1 + 1,
    );
  });
});

describe('Meter', () => {
  it('adds up what DynamoDB reported by kind and by second, and counts throttled requests', async () => {
    const clock = fakeClock();
    const meter = new Meter({ budget: 10, concurrency: 4, now: clock.now, wait: clock.wait });
    await meter.send('write', 5, async () => ({ result: 1, consumed: 5 }));
    await meter.send('write', 5, async () => ({ result: 2, consumed: 6, throttled: true }));
    await meter.send('read', 1, async () => ({ result: 3, consumed: 0.5 }));
    const throttling = Object.assign(new Error('slow down'), { name: 'ProvisionedThroughputExceededException' });
    await expect(
      meter.send('write', 5, async () => {
        throw throttling;
      }),
    ).rejects.toThrow('slow down');
    const report = meter.report();
    expect(report).toMatchObject({ readUnits: 0.5, writeUnits: 11, throttled: 2, budget: 10 });
    expect(report.perSecond.reduce((a, b) => a + b, 0)).toBe(11.5);
  });

  it('without a budget, charges nothing and never waits', async () => {
    const clock = fakeClock();
    const meter = new Meter({ budget: undefined, concurrency: 2, now: clock.now, wait: clock.wait });
    for (let i = 0; i < 100; i++) await meter.send('write', 0, async () => ({ result: i, consumed: 25 }));
    expect(clock.t).toBe(0);
    expect(meter.report().writeUnits).toBe(2500);
    expect(meter.report().budget).toBeUndefined();
  });
});

describe('the budget over time', () => {
  it('holds every 10-second window within 10% once the first second has passed, whatever the estimates missed', async () => {
    const clock = fakeClock();
    const meter = new Meter({ budget: 50, concurrency: 16, now: clock.now, wait: clock.wait });
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    // Sixteen workers, each request estimated at 10 units and really costing 5 to 15.
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (clock.t < 60_000)
          await meter.send('write', 10, async () => ({ result: undefined, consumed: 5 + Math.round(random() * 10) }));
      }),
    );
    const perSecond = meter.report().perSecond;
    for (let start = 1; start + 10 <= 60; start++) {
      const window = perSecond.slice(start, start + 10).reduce((sum, u) => sum + u, 0);
      expect(window, `seconds ${start} to ${start + 10}`).toBeGreaterThanOrEqual(450);
      expect(window, `seconds ${start} to ${start + 10}`).toBeLessThanOrEqual(550);
    }
  });
});
