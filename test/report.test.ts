import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideOutcome, logErrors, report, writeSummary } from '../src/report.js';
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

describe('logErrors', () => {
  const rejected = (n: number) => ({
    location: `s3://bkt/items.json:${n}`,
    code: 'EMPTY_ATTRIBUTE_NAME',
    message: `m\n::error::x${n}`,
  });

  it('logs the first errors as the summary lists them, each on one line, with how many more and where', () => {
    const lines: string[] = [];
    const errors = Array.from({ length: 10 }, (_, i) => rejected(i + 1));
    logErrors(
      { ...result, errorCount: 12, errors, rejectedItems: 's3://bkt/rejects.jsonl' },
      { info: (l) => lines.push(l) },
    );
    expect(lines[0]).toBe('First errors (10 of 12):');
    expect(lines[1]).toBe('- s3://bkt/items.json:1 EMPTY_ATTRIBUTE_NAME: m\\u000a::error::x1');
    expect(lines).toHaveLength(12);
    expect(lines[11]).toBe('2 more not shown; all are in s3://bkt/rejects.jsonl.');
    expect(lines.some((l) => l.startsWith('::'))).toBe(false);
  });

  it('escapes control characters in an object key too', () => {
    const lines: string[] = [];
    const errors = [{ location: 's3://bkt/a\r\n::error::k:1', code: 'INVALID_SET', message: 'm' }];
    logErrors({ ...result, errorCount: 1, errors }, { info: (l) => lines.push(l) });
    expect(lines).toEqual(['First errors (1 of 1):', '- s3://bkt/a\\u000d\\u000a::error::k:1 INVALID_SET: m']);
  });

  it('logs nothing when nothing was rejected', () => {
    const lines: string[] = [];
    logErrors(result, { info: (l) => lines.push(l) });
    expect(lines).toEqual([]);
  });
});
