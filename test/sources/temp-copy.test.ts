// A copy made to check an object first stops on a cancel and leaves nothing behind.

import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Aborted } from '../../src/aws/retry.js';
import { copyToTemp } from '../../src/sources/verified-copy.js';

describe('copyToTemp', () => {
  it('stops at the next chunk when the step is cancelled, and removes what it had copied', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'temp-copy-'));
    const controller = new AbortController();
    let sent = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) {
        sent += 1;
        if (sent === 3) controller.abort();
        yield new Uint8Array(64 * 1024);
      }
    }
    await expect(copyToTemp(endless(), folder, controller.signal)).rejects.toBeInstanceOf(Aborted);
    expect(sent).toBe(3);
    expect(readdirSync(folder)).toEqual([]);
  });
});
