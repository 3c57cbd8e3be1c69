// Clients made on first use: one client however many ask at once, and a
// load that fails is tried again at the next use instead of being kept.

import { describe, expect, it } from 'vitest';
import { lazyClient } from '../../src/aws/lazy-clients.js';

describe('lazyClient', () => {
  it('loads and makes the client once, for callers that ask at the same time and after', async () => {
    let loads = 0;
    let made = 0;
    const access = lazyClient(
      async () => {
        loads += 1;
        return { name: 'sdk' };
      },
      (sdk) => ({ made: (made += 1), sdk }),
    );
    const [a, b] = await Promise.all([access(), access()]);
    const c = await access();
    expect(a.client).toBe(b.client);
    expect(c.client).toBe(a.client);
    expect(a.sdk).toEqual({ name: 'sdk' });
    expect({ loads, made }).toEqual({ loads: 1, made: 1 });
  });

  it('tries again after a load that failed', async () => {
    let attempts = 0;
    const access = lazyClient(
      async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('Cannot find module');
        return 'sdk';
      },
      () => 'client',
    );
    await expect(access()).rejects.toThrow('Cannot find module');
    await expect(access()).resolves.toEqual({ client: 'client', sdk: 'sdk' });
    expect(attempts).toBe(2);
  });
});
