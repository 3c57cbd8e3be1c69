// AIMD: throttling halves the requests in flight, successes raise them slowly.

import { describe, expect, it } from 'vitest';
import { Aimd } from '../../src/aws/rate.js';

describe('Aimd', () => {
  it('halves on throttling, once for requests sent together, and climbs back by about one a round', async () => {
    const aimd = new Aimd(16);
    const tickets = await Promise.all(Array.from({ length: 16 }, () => aimd.acquire()));
    for (const ticket of tickets) aimd.throttled(ticket); // all sent before the halving: one halving
    for (let i = 0; i < 16; i++) aimd.release();
    expect(aimd.allowed).toBe(8);
    const next = await aimd.acquire();
    aimd.throttled(next);
    aimd.release();
    expect(aimd.allowed).toBe(4);
    for (let i = 0; i < 4; i++) aimd.succeeded();
    expect(aimd.allowed).toBe(4); // 4 + 4 * ~1/4 is just under 5
    for (let i = 0; i < 6; i++) aimd.succeeded();
    expect(aimd.allowed).toBe(6);
    for (let i = 0; i < 1000; i++) aimd.succeeded();
    expect(aimd.allowed).toBe(16); // never above the concurrency asked for
  });

  it('never goes under one request in flight', async () => {
    const aimd = new Aimd(4);
    for (let i = 0; i < 10; i++) {
      const t = await aimd.acquire();
      aimd.throttled(t);
      aimd.release();
    }
    expect(aimd.allowed).toBe(1);
  });

  it('holds requests beyond the limit until one ends', async () => {
    const aimd = new Aimd(2);
    await aimd.acquire();
    await aimd.acquire();
    let third = false;
    const waiting = aimd.acquire().then(() => {
      third = true;
    });
    await Promise.resolve();
    expect(third).toBe(false);
    aimd.release();
    await waiting;
    expect(third).toBe(true);
  });
});
