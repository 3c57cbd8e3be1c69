// The two sides of a comparison kept within `lead` items of each other.

import { describe, expect, it } from 'vitest';
import { Pace } from '../../src/verify/pace.js';

const settled = async (promise: Promise<void>): Promise<boolean> => {
  let done = false;
  void promise.then(() => (done = true));
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return done;
};

describe('Pace', () => {
  it('holds a side that is more than `lead` items ahead until the other catches up', async () => {
    const pace = new Pace(100);
    expect(await settled(pace.step('source', 100))).toBe(true);
    const ahead = pace.step('source', 50);
    expect(await settled(ahead)).toBe(false);
    await pace.step('table', 40);
    expect(await settled(ahead)).toBe(false);
    await pace.step('table', 10);
    expect(await settled(ahead)).toBe(true);
  });

  it('lets a side go on once the other has finished, or when the work stops', async () => {
    const pace = new Pace(10);
    const table = pace.step('table', 1000);
    expect(await settled(table)).toBe(false);
    pace.finish('source');
    expect(await settled(table)).toBe(true);

    const controller = new AbortController();
    const stopped = new Pace(10, controller.signal);
    const source = stopped.step('source', 1000);
    expect(await settled(source)).toBe(false);
    controller.abort();
    expect(await settled(source)).toBe(true);
  });
});
