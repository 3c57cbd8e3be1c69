// Timing and peak memory for a benchmark step, sampled while it runs.

export interface Measurement {
  seconds: number;
  peakRssMb: number;
  /** Peak RSS seen by the time each quarter of the work was done. */
  peakByQuarter: number[];
}

export async function measure(run: (progress: (fraction: number) => void) => Promise<void>): Promise<Measurement> {
  globalThis.gc?.();
  let peak = process.memoryUsage().rss;
  const quarters: number[] = [];
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = process.hrtime.bigint();
  try {
    await run((fraction) => {
      peak = Math.max(peak, process.memoryUsage().rss);
      while (quarters.length < 4 && fraction >= (quarters.length + 1) / 4) quarters.push(peak);
    });
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  while (quarters.length < 4) quarters.push(peak);
  return {
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    peakRssMb: peak / 1024 / 1024,
    peakByQuarter: quarters.map((q) => Math.round(q / 1024 / 1024)),
  };
}

export function mb(bytes: number): number {
  return bytes / 1024 / 1024;
}

export function row(cells: (string | number)[]): string {
  return cells.map((c) => (typeof c === 'number' ? c.toFixed(1) : c).toString().padStart(16)).join('');
}
