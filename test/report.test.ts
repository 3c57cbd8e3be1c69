import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideOutcome, report, writeSummary } from '../src/report.js';
import type { TransferResult } from '../src/result.js';

const result: TransferResult = {
  mode: 'import',
  engine: 'direct',
  engineReason: 'r',
  status: 'COMPLETED',
  processedItemCount: 10,
  importedItemCount: 8,
  errorCount: 2,
  durationSeconds: 1.23456,
  errors: [],
};

function recorder() {
  const calls = {
    outputs: {} as Record<string, string | number>,
    failed: [] as string[],
    warnings: [] as string[],
    errors: [] as unknown[][],
  };
  return {
    calls,
    reporter: {
      setOutput: (name: string, value: string | number) => (calls.outputs[name] = value),
      setFailed: (message: string) => calls.failed.push(message),
      warning: (message: string) => calls.warnings.push(message),
      error: (...args: unknown[]) => calls.errors.push(args),
      info: () => undefined,
    },
  };
}

describe('decideOutcome', () => {
  it('passes while errors stay within max-errors', () => {
    expect(decideOutcome(result, 2).ok).toBe(true);
  });
  it('fails when errors exceed max-errors, and says so', () => {
    expect(decideOutcome(result, 1)).toEqual({
      ok: false,
      message: 'TOO_MANY_ERRORS: 2 item(s) could not be imported, more than max-errors (1).',
    });
  });
  it.each([
    ['FAILED', 'JOB_FAILED'],
    ['CANCELLED', 'CANCELLED'],
  ] as const)('fails on %s', (status, code) => {
    expect(decideOutcome({ ...result, status, errorCount: 0 }, 0)).toEqual({
      ok: false,
      message: `${code}: The import ended with status ${status}.`,
    });
  });
  it('passes a job left running with wait: false', () => {
    expect(decideOutcome({ ...result, status: 'IN_PROGRESS', errorCount: 0 }, 0).ok).toBe(true);
  });
});

describe('report', () => {
  it('sets the outputs, writes the summary and fails the step', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'summary-')), 'summary.md');
    const { calls, reporter } = recorder();
    report(result, 0, reporter, file);
    expect(calls.outputs).toEqual({
      engine: 'direct',
      status: 'FAILED', // failed on max-errors
      'processed-item-count': 10,
      'imported-item-count': 8,
      'error-count': 2,
      'duration-seconds': 1.235,
    });
    expect(calls.failed).toEqual(['TOO_MANY_ERRORS: 2 item(s) could not be imported, more than max-errors (0).']);
    expect(readFileSync(file, 'utf8')).toContain('## ❌ Import failed');
  });

  it('never fails the step over a missing or unwritable summary file', () => {
    const { calls, reporter } = recorder();
    writeSummary('x', undefined, reporter);
    writeSummary('x', '/nonexistent-dir/summary.md', reporter);
    expect(calls.failed).toEqual([]);
    expect(calls.warnings).toHaveLength(1);
    expect(calls.warnings[0]).toContain('Could not write the job summary to /nonexistent-dir/summary.md');
  });
});
