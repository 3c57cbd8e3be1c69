// Outputs, job summary and pass/fail from a result. Writing the summary never
// fails the step: a missing or unwritable GITHUB_STEP_SUMMARY is a warning.

import { appendFileSync } from 'node:fs';
import { Output, type OutputName } from './constants.js';
import type { TransferResult } from './result.js';
import { renderSummary } from './summary.js';

export interface Reporter {
  setOutput(name: OutputName, value: string | number): void;
  setFailed(message: string): void;
  warning(message: string): void;
  info(message: string): void;
}

export interface Outcome {
  ok: boolean;
  message: string;
}

/** Failed when the job did not complete, or when more items failed than max-errors allows. */
export function decideOutcome(result: TransferResult, maxErrors: number): Outcome {
  const errors = result.errorCount ?? 0;
  if (result.timedOut || result.aborted) {
    const why = result.timedOut ? 'The wait timed out' : 'The step was cancelled';
    return {
      ok: false,
      message: `${why} with the ${result.mode} still running; it goes on server-side: ${result.jobArn ?? ''}`,
    };
  }
  if (result.status === 'FAILED' || result.status === 'CANCELLED') {
    return { ok: false, message: `The ${result.mode} ended with status ${result.status}.` };
  }
  if (errors > maxErrors) {
    const what = result.mode === 'validate' ? 'would be rejected' : 'could not be imported';
    return { ok: false, message: `${errors} item(s) ${what}, more than max-errors (${maxErrors}).` };
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
    [Output.ProcessedSizeBytes, result.processedSizeBytes],
    [Output.ExportManifest, result.exportManifest],
    [Output.DataUrl, result.dataUrl],
    [Output.RejectedItems, result.rejectedItems],
    [Output.DurationSeconds, Math.round(result.durationSeconds * 1000) / 1000],
  ];
  for (const [name, value] of values) {
    if (value !== undefined) reporter.setOutput(name, value);
  }
}

export function report(
  result: TransferResult,
  maxErrors: number,
  reporter: Reporter,
  summaryFile: string | undefined,
): Outcome {
  const outcome = decideOutcome(result, maxErrors);
  setOutputs(result, reporter);
  writeSummary(renderSummary(result, outcome), summaryFile, reporter);
  if (!outcome.ok) reporter.setFailed(outcome.message);
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
    reporter.warning(
      `Could not write the job summary to ${summaryFile}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
