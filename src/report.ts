// Outputs, annotations, job summary and pass/fail from a result. Writing the
// summary never fails the step: a missing or unwritable GITHUB_STEP_SUMMARY
// is a warning.

import { appendFileSync } from 'node:fs';
import { Output, type OutputName } from './constants.js';
import { clip } from './markdown.js';
import type { TransferResult } from './result.js';
import { firstErrors, renderSummary } from './summary.js';

export interface AnnotationProperties {
  file?: string;
  startLine?: number;
  title?: string;
}

export interface Reporter {
  setOutput(name: OutputName, value: string | number): void;
  setFailed(message: string): void;
  warning(message: string, properties?: AnnotationProperties): void;
  error(message: string, properties?: AnnotationProperties): void;
  info(message: string): void;
}

/** At most this many annotations of each kind; GitHub shows only ten per step anyway. */
export const MAX_ANNOTATIONS = 10;

export interface Outcome {
  ok: boolean;
  message: string;
}

/** Failed when the job did not complete, or when more items failed than max-errors allows. */
export function decideOutcome(result: TransferResult, maxErrors: number): Outcome {
  const errors = result.errorCount ?? 0;
  if (result.failure !== undefined) return { ok: false, message: result.failure };
  if (result.timedOut || result.aborted) {
    if (result.engine === 'direct') {
      const note = result.note ?? '';
      if (result.timedOut) return { ok: false, message: `WAIT_TIMED_OUT: ${note}` };
      const why = note.startsWith('The step was cancelled') ? note : `The step was cancelled; ${note}`;
      return { ok: false, message: `CANCELLED: ${why}`.trim() };
    }
    const why = result.timedOut ? 'WAIT_TIMED_OUT: The wait timed out' : 'CANCELLED: The step was cancelled';
    return {
      ok: false,
      message: `${why} with the ${result.mode} still running; it goes on server-side: ${result.jobArn ?? ''}`,
    };
  }
  if (result.status === 'FAILED' || result.status === 'CANCELLED') {
    const code = result.status === 'FAILED' ? 'JOB_FAILED' : 'CANCELLED';
    return { ok: false, message: `${code}: The ${result.mode} ended with status ${result.status}.` };
  }
  const verification = result.verification;
  if (verification !== undefined && verification.status !== 'COMPLETED') {
    return {
      ok: false,
      message:
        verification.failure ??
        `CANCELLED: The step was cancelled while comparing the table with the ${verification.against}, after the ${result.mode} completed; run mode: verify to compare them.`,
    };
  }
  // Verify's own errors are unreadable source records, counted with its differences below.
  if (errors > maxErrors && result.mode !== 'verify') {
    const what = result.mode === 'validate' ? 'would be rejected' : 'could not be imported';
    return {
      ok: false,
      message: `TOO_MANY_ERRORS: ${errors} item(s) ${what}, more than max-errors (${maxErrors}).`,
    };
  }
  if (verification !== undefined) {
    const differences = verification.missing + verification.extra + verification.different;
    const unreadable = verification.unreadable;
    if (differences + unreadable > maxErrors) {
      const counts = `${differences} difference(s) (${verification.missing} missing, ${verification.extra} extra, ${verification.different} different)${unreadable > 0 ? ` and ${unreadable} unreadable source record(s)` : ''}`;
      const where =
        verification.differences === undefined ? '' : `; the differences are in ${verification.differences}`;
      return {
        ok: false,
        message:
          differences > 0
            ? `DIFFERENCES_FOUND: The table does not match the ${verification.against}: ${counts}, more than max-errors (${maxErrors})${where}.`
            : `TOO_MANY_ERRORS: ${unreadable} record(s) of the ${verification.against} could not be read as items to compare, more than max-errors (${maxErrors}).`,
      };
    }
  }
  return { ok: true, message: `The ${result.mode} ended with status ${result.status}.` };
}

export function setOutputs(result: TransferResult, reporter: Pick<Reporter, 'setOutput'>): void {
  const values: [OutputName, string | number | undefined][] = [
    [Output.Engine, result.engine],
    [Output.JobArn, result.jobArn],
    [Output.Status, result.status],
    [Output.TableName, result.tableName],
    [Output.TableArn, result.tableArn],
    [Output.ItemCount, result.itemCount],
    [Output.ProcessedItemCount, result.processedItemCount],
    [Output.ImportedItemCount, result.importedItemCount],
    [Output.ErrorCount, result.errorCount],
    [Output.UnwrittenItemCount, result.unwrittenItemCount],
    [Output.ProcessedSizeBytes, result.processedSizeBytes],
    [Output.ExportManifest, result.exportManifest],
    [Output.DataUrl, result.dataUrl],
    [Output.RejectedItems, result.rejectedItems],
    [Output.DurationSeconds, Math.round(result.durationSeconds * 1000) / 1000],
    [Output.ConsumedReadCapacity, result.capacity?.readUnits],
    [Output.ConsumedWriteCapacity, result.capacity?.writeUnits],
    [Output.MatchedCount, result.verification?.matched],
    [Output.MissingCount, result.verification?.missing],
    [Output.ExtraCount, result.verification?.extra],
    [Output.DifferentCount, result.verification?.different],
    [Output.Differences, result.verification?.differences],
    [Output.PutCount, result.putCount],
    [Output.DeleteCount, result.deleteCount],
    [Output.RestoredTo, result.restoredTo],
    [Output.ExportsApplied, result.exportsApplied],
    [Output.Resumed, result.resumed === undefined ? undefined : String(result.resumed)],
  ];
  for (const [name, value] of values) {
    if (value !== undefined) reporter.setOutput(name, value);
  }
}

/** Warnings, and rejected items on their file and line: the first ten of each kind, then a count. */
export function annotate(result: TransferResult, reporter: Pick<Reporter, 'warning' | 'error'>): void {
  const warnings = result.warnings ?? [];
  for (const warning of warnings.slice(0, MAX_ANNOTATIONS)) reporter.warning(clip(warning));
  if (warnings.length > MAX_ANNOTATIONS)
    reporter.warning(`${warnings.length - MAX_ANNOTATIONS} more warning(s) not shown.`);
  const annotations = result.annotations ?? [];
  // Validate writes nothing: its items would be rejected, not "not imported".
  const title = result.mode === 'validate' ? 'Item would be rejected' : 'Item not imported';
  for (const a of annotations.slice(0, MAX_ANNOTATIONS)) {
    reporter.error(clip(a.message), { file: a.file, startLine: a.line, title });
  }
  const omitted = Math.max(0, annotations.length - MAX_ANNOTATIONS) + (result.annotationsOmitted ?? 0);
  if (omitted > 0) {
    const where = result.rejectedItems === undefined ? '' : `; all are in ${result.rejectedItems}`;
    reporter.error(`${omitted} more rejected item(s) not annotated${where}.`);
  }
}

/**
 * The first rejected items in the log, as the summary lists them: an
 * annotation carries its code and place only for a file in the repository.
 */
export function logErrors(result: TransferResult, reporter: Pick<Reporter, 'info'>): void {
  if (result.errors.length === 0) return;
  const { title, shown, rest } = firstErrors(result, (place) => place);
  reporter.info(`${title}:`);
  for (const e of shown) reporter.info(`- ${oneLine(clip(e.location))} ${e.code}: ${oneLine(clip(e.message))}`);
  if (rest !== undefined) reporter.info(oneLine(rest));
}

/** Control characters escaped: a name or key from the source must not start a line (a `::` command) of its own. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function report(
  result: TransferResult,
  maxErrors: number,
  reporter: Reporter,
  summaryFile: string | undefined,
): Outcome {
  const outcome = decideOutcome(result, maxErrors);
  // A step that fails on max-errors has not completed what it was asked to do.
  const shown = !outcome.ok && result.status === 'COMPLETED' ? { ...result, status: 'FAILED' as const } : result;
  setOutputs(shown, reporter);
  annotate(result, reporter);
  logErrors(result, reporter);
  writeSummary(renderSummary(shown, outcome), summaryFile, reporter);
  if (!outcome.ok) reporter.setFailed(clip(outcome.message, 20_000));
  return outcome;
}

export function writeSummary(
  markdown: string,
  summaryFile: string | undefined,
  reporter: Pick<Reporter, 'warning'>,
): void {
  if (summaryFile === undefined || summaryFile === '') return;
  try {
    appendFileSync(summaryFile, markdown, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    reporter.warning(`Could not write the job summary to ${summaryFile}: ${reason}`);
  }
}
