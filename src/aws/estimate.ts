// Before the work: about how many capacity units it will consume and, under
// a budget, how long it will take; a warning when that passes `timeout`, so a
// nightly job that cannot finish says so before it starts.

import type { CapacityKind } from './meter.js';

export interface Estimate {
  units: number;
  /** Where the figure comes from, for the log. */
  basis: string;
}

/** A full export reads the whole table with consistent reads: 4 KB a unit. */
export function exportEstimate(
  tableSizeBytes: number | undefined,
  itemCount: number | undefined,
): Estimate | undefined {
  if (tableSizeBytes === undefined || tableSizeBytes <= 0) return undefined;
  return {
    units: Math.ceil(tableSizeBytes / 4096),
    basis: `DescribeTable's ${tableSizeBytes.toLocaleString('en-US')} bytes in ${(itemCount ?? 0).toLocaleString('en-US')} item(s), updated about every six hours`,
  };
}

/** An import writes each item at 1 KB a unit, rounded up per item: the source's bytes give a floor. */
export function importEstimate(
  sourceBytes: number,
  itemCount: number | undefined,
  compressed: boolean,
): Estimate | undefined {
  if (sourceBytes <= 0) return undefined;
  const units = Math.max(Math.ceil(sourceBytes / 1024), itemCount ?? 0);
  const basis = `the source's ${sourceBytes.toLocaleString('en-US')} bytes${compressed ? ' (compressed: the items weigh more, so this is a floor)' : ''}`;
  return { units, basis };
}

export function logEstimate(
  estimate: Estimate | undefined,
  kind: CapacityKind,
  budget: number | undefined,
  timeoutMs: number,
  deps: { log: (line: string) => void; warn: (line: string) => void },
): void {
  if (estimate === undefined) return;
  const units = `about ${estimate.units.toLocaleString('en-US')} ${kind} unit(s), from ${estimate.basis}`;
  if (budget === undefined) {
    deps.log(`Estimated capacity: ${units}.`);
    return;
  }
  const seconds = estimate.units / budget;
  deps.log(`Estimated capacity: ${units}; at max-capacity ${budget} a second, about ${duration(seconds)}.`);
  if (seconds * 1000 > timeoutMs)
    deps.warn(
      `At max-capacity ${budget} ${kind} unit(s) a second, the work needs about ${duration(seconds)}, more than timeout (${duration(timeoutMs / 1000)}): raise max-capacity or timeout.`,
    );
}

function duration(seconds: number): string {
  if (seconds < 120) return `${Math.ceil(seconds)} s`;
  if (seconds < 7200) return `${Math.ceil(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
