// The plan in plain words, printed before any work starts.

import type { EngineChoice } from './engine-choice.js';
import type { ImportSource, Location, Plan } from './plan.js';
import { formatDuration } from './parsing/values.js';

export function describeLocation(location: Location): string {
  return location.kind === 's3' ? `s3://${location.bucket}/${location.prefix}` : location.path;
}

function describeSource(source: ImportSource): string {
  const compression =
    source.compression === 'auto' ? 'compression: auto, told from the first bytes of each object' : source.compression;
  return `${source.format} (${compression}) from ${describeLocation(source.location)}`;
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
  } else if (plan.mode === 'verify') {
    lines.push(
      `Read: table ${plan.tableName} (parallel Scan, consistent reads) and ${describeSource(plan.source)}, as an import would read it.`,
    );
    lines.push(
      `Write: nothing but the differences file, at ${describeLocation(plan.differences)}, if anything differs.`,
    );
  } else {
    const source = plan.source;
    lines.push(`Read: ${describeSource(source)}.`);
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
    // AWS's ImportTable keeps its rejected items in CloudWatch Logs, not in the action's file.
    if (choice.engine === 'managed')
      lines.push("Rejected items: AWS's import writes them to CloudWatch Logs; a failed import shows the first ones.");
    else lines.push(`Rejected items go to ${describeLocation(plan.rejectedItems)}.`);
  }
  if (plan.mode !== 'verify' && plan.mode !== 'validate' && plan.verification !== undefined) {
    lines.push(
      `Verify: then compare the table with ${plan.mode === 'export' ? 'the export' : 'the source'}, item by item; differences go to ${describeLocation(plan.verification.differences)}.`,
    );
  }
  lines.push(`Engine: ${choice.engine}, because ${choice.reason}.`);
  const waiting =
    choice.engine === 'direct'
      ? `stop after ${formatDuration(plan.waiting.timeoutMs)} at the latest (timeout), keeping where the work stopped`
      : plan.waiting.wait
        ? `wait up to ${formatDuration(plan.waiting.timeoutMs)}`
        : 'return once the job has started';
  const failing = plan.mode === 'verify' ? 'differ or cannot be read' : 'cannot be moved';
  lines.push(`Then: ${waiting}; fail when more than ${plan.maxErrors} item(s) ${failing}.`);
  return lines;
}
