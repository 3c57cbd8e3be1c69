// max-capacity: units or a share, parsed before any work; settled against the
// table by resolveBudget (on-demand tables have no share to give).

import { describe, expect, it } from 'vitest';
import { resolveBudget } from '../src/direct/budget.js';
import { TransferError } from '../src/errors.js';
import { capacitySection } from '../src/summary-capacity.js';
import { EXPORT, IMPORT, plan, problems } from './plan-helpers.js';

const DIRECT = { 'endpoint-url': 'http://127.0.0.1:8000' };
const EXPECTED =
  "expected a number of capacity units per second above 0 (up to 1,000,000), or a share of the table's provisioned capacity from 1% to 100%, such as 25%";

describe('max-capacity', () => {
  it.each([
    ['400', { units: 400 }],
    ['12.5', { units: 12.5 }],
    ['25%', { percent: 25 }],
    ['100%', { percent: 100 }],
  ])('%j is %j', (value, expected) => {
    expect(plan({ ...EXPORT, ...DIRECT, 'max-capacity': value }).maxCapacity).toEqual(expected);
  });

  it('is absent by default: no budget', () => {
    expect(plan({ ...IMPORT, ...DIRECT }).maxCapacity).toBeUndefined();
  });

  it.each(['0', '-5', 'lots', '0%', '150%', '2000000'])('refuses %j', (value) => {
    expect(problems({ ...EXPORT, ...DIRECT, 'max-capacity': value })).toEqual([
      `Input "max-capacity" is "${value}"; ${EXPECTED}.`,
    ]);
  });

  it('is refused with the managed engine, whose jobs use no table capacity', () => {
    expect(problems({ ...EXPORT, engine: 'managed', 'max-capacity': '100' })).toEqual([
      'Input "max-capacity" is "100"; expected no max-capacity with the managed engine, whose jobs use none of the table\'s capacity; use engine: direct.',
    ]);
  });
});

describe('resolveBudget', () => {
  const provisioned = { TableName: 'T', ProvisionedThroughput: { ReadCapacityUnits: 200, WriteCapacityUnits: 40 } };

  it('takes a share of the provisioned capacity of the kind the work uses', () => {
    expect(resolveBudget({ percent: 25 }, 'read', provisioned)).toBe(50);
    expect(resolveBudget({ percent: 25 }, 'write', provisioned)).toBe(10);
    expect(resolveBudget({ units: 7 }, 'write', provisioned)).toBe(7);
    expect(resolveBudget(undefined, 'write', provisioned)).toBeUndefined();
  });

  it('refuses a share of an on-demand table, unless it has a maximum throughput', () => {
    const onDemand = {
      TableName: 'T',
      BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' as const },
      ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
    };
    expect(() => resolveBudget({ percent: 25 }, 'read', onDemand)).toThrow(TransferError);
    expect(() => resolveBudget({ percent: 25 }, 'read', onDemand)).toThrow(/give a number of read units per second/);
    const capped = { ...onDemand, OnDemandThroughput: { MaxReadRequestUnits: 1000, MaxWriteRequestUnits: -1 } };
    expect(resolveBudget({ percent: 25 }, 'read', capped)).toBe(250);
    expect(() => resolveBudget({ percent: 25 }, 'write', capped)).toThrow(/on-demand/);
  });
});

describe('capacity summary', () => {
  it('shows the units, the rate, the throttled requests and a chart against the budget', () => {
    const text = capacitySection({
      readUnits: 0,
      writeUnits: 502,
      throttled: 3,
      budget: 50,
      perSecond: [25, 50, 50, 48],
      seconds: 10,
    });
    expect(text).toContain('| **Write units consumed** | 502 |');
    expect(text).toContain('| **Average rate** | 50.2 units/s (budget 50 units/s) |');
    expect(text).toContain('| **Throttled requests** | 3 |');
    // The palette comes first, as Mermaid reads an init directive only before the diagram's type.
    expect(text).toMatch(
      /```mermaid\n%%\{init: \{"themeVariables": \{"xyChart": \{"plotColorPalette": "#[0-9a-f]{6}, #[0-9a-f]{6}"\}\}\}\}%%\nxychart-beta\n/,
    );
    expect(text).toContain('  title "Units consumed per second (bars) against the budget of 50 (line)"');
    expect(text).toContain('  bar [25, 50, 50, 48]');
    expect(text).toContain('  line [50, 50, 50, 50]');
  });

  it('averages a long run into at most 60 points', () => {
    const text = capacitySection({
      readUnits: 1,
      writeUnits: 0,
      throttled: 0,
      perSecond: Array(600).fill(2),
      seconds: 600,
    });
    const bar = /bar \[(.*)\]/.exec(text)?.[1]?.split(', ') ?? [];
    expect(bar).toHaveLength(60);
    expect(text).not.toContain('line [');
  });
});
