// Before the work: the estimated units and time, and a warning when the time passes `timeout`.

import { describe, expect, it } from 'vitest';
import { exportEstimate, importEstimate, logEstimate } from '../../src/aws/estimate.js';

function logs() {
  const out = { lines: [] as string[], warnings: [] as string[] };
  return { out, deps: { log: (l: string) => out.lines.push(l), warn: (w: string) => out.warnings.push(w) } };
}

describe('logEstimate', () => {
  it('says the units and, under a budget, the time', () => {
    const { out, deps } = logs();
    logEstimate(exportEstimate(4096 * 1000, 4000), 'read', 50, 3_600_000, deps);
    expect(out.lines).toEqual([
      "Estimated capacity: about 1,000 read unit(s), from DescribeTable's 4,096,000 bytes in 4,000 item(s), updated about every six hours; at max-capacity 50 a second, about 20 s.",
    ]);
    expect(out.warnings).toEqual([]);
  });

  it('warns before the work when that time passes timeout', () => {
    const { out, deps } = logs();
    logEstimate(importEstimate(1024 * 720_000, undefined, false), 'write', 100, 3_600_000, deps);
    expect(out.warnings).toEqual([
      'At max-capacity 100 write unit(s) a second, the work needs about 2.0 h, more than timeout (60 min): raise max-capacity or timeout.',
    ]);
  });

  it('without a budget gives the units only; without a size, nothing', () => {
    const { out, deps } = logs();
    logEstimate(importEstimate(2048, 5, true), 'write', undefined, 1000, deps);
    logEstimate(exportEstimate(0, 0), 'read', 50, 1000, deps);
    expect(out.lines).toEqual([
      "Estimated capacity: about 5 write unit(s), from the source's 2,048 bytes (compressed: the items weigh more, so this is a floor).",
    ]);
    expect(out.warnings).toEqual([]);
  });
});
