// The summary's capacity section (direct engine): the units consumed as
// DynamoDB reported them, the average rate, the throttled requests, and a
// Mermaid xychart of units per second against the budget line, which GitHub
// renders in a job summary.

import type { CapacityReport } from './aws/meter.js';
import { keyValueTable } from './markdown.js';

/** A chart of more seconds than this shows each point as the average of several seconds. */
const MAX_POINTS = 60;

export function capacitySection(c: CapacityReport): string {
  const units = c.readUnits + c.writeUnits;
  const average = c.seconds > 0 ? units / c.seconds : 0;
  const rows: [string, string][] = [
    ['**Read units consumed**', format(c.readUnits)],
    ['**Write units consumed**', format(c.writeUnits)],
    [
      '**Average rate**',
      `${format(average)} units/s${c.budget === undefined ? '' : ` (budget ${format(c.budget)} units/s)`}`,
    ],
    ['**Throttled requests**', c.throttled.toLocaleString('en-US')],
  ];
  const parts = [`### Capacity\n\n${keyValueTable(rows)}`];
  const chart = capacityChart(c);
  if (chart !== undefined) parts.push(chart);
  return parts.join('\n\n');
}

/** Units per second over the run, with the budget as a line; undefined for a run too short to chart. */
export function capacityChart(c: CapacityReport): string | undefined {
  if (c.perSecond.length < 2) return undefined;
  const step = Math.ceil(c.perSecond.length / MAX_POINTS);
  const points: number[] = [];
  const labels: string[] = [];
  for (let i = 0; i < c.perSecond.length; i += step) {
    const slice = c.perSecond.slice(i, i + step);
    points.push(Math.round((slice.reduce((sum, u) => sum + u, 0) / slice.length) * 10) / 10);
    labels.push(String(i));
  }
  const top = Math.max(...points, c.budget ?? 0) * 1.1 || 1;
  const title =
    c.budget === undefined
      ? 'Capacity units consumed per second'
      : `Units consumed per second (bars) against the budget of ${format(c.budget)} (line)`;
  const lines = [
    '```mermaid',
    // GitHub's default palette draws the bars in a pale grey; a saturated blue and a red budget line read at a glance.
    '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#0969da, #cf222e"}}}}%%',
    'xychart-beta',
    `  title "${title}"`,
    `  x-axis "seconds" [${labels.join(', ')}]`,
    `  y-axis "units per second" 0 --> ${Math.ceil(top)}`,
    `  bar [${points.join(', ')}]`,
  ];
  if (c.budget !== undefined) lines.push(`  line [${points.map(() => c.budget).join(', ')}]`);
  lines.push('```');
  return lines.join('\n');
}

function format(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 1 });
}
