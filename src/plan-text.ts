// The plan in plain words, printed before any work starts.

import type { EngineChoice } from './engine-choice.js';
import type { Location, Plan } from './plan.js';
import { formatDuration } from './parsing/values.js';

export function describeLocation(location: Location): string {
  return location.kind === 's3' ? `s3://${location.bucket}/${location.prefix}` : location.path;
}

export function describePlan(plan: Plan, choice: EngineChoice): string[] {
  const lines: string[] = [];
  if (plan.mode === 'export') {
    const table = plan.table.name ?? plan.table.arn ?? '';
    const when =
      plan.exportType.kind === 'FULL_EXPORT'
        ? `as of ${plan.exportType.exportTime?.toISOString() ?? 'now'}`
        : `changes from ${plan.exportType.from.toISOString()} to ${plan.exportType.to.toISOString()} (${plan.exportType.viewType})`;
    lines.push(`Read: table ${table}, ${when}.`);
    lines.push(`Write: ${plan.format} files, ${plan.compression}, under ${describeLocation(plan.destination)}.`);
  } else {
    const source = plan.source;
    lines.push(
      `Read: ${source.format} (${source.compression === 'auto' ? 'compression detected' : source.compression}) from ${describeLocation(source.location)}.`,
    );
    if (plan.mode === 'validate') {
      lines.push('Write: nothing; every item is checked against the key schema.');
    } else {
      const existing = {
        fail: 'stop if it exists',
        merge: 'merge into it if it exists',
        replace: 'empty it first if it exists',
      }[plan.existingTable];
      lines.push(`Write: table ${plan.tableName} (${existing}).`);
    }
    lines.push(`Rejected items go to ${describeLocation(plan.rejectedItems)}.`);
  }
  lines.push(`Engine: ${choice.engine}, because ${choice.reason}.`);
  const waiting = plan.waiting.wait
    ? `wait up to ${formatDuration(plan.waiting.timeoutMs)}`
    : 'return once the job has started';
  lines.push(`Then: ${waiting}; fail when more than ${plan.maxErrors} item(s) cannot be moved.`);
  return lines;
}
