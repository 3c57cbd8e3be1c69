// Good and bad values of the verify inputs: mode: verify, and verify: true on
// an import or export, with the exact messages.

import { describe, expect, it } from 'vitest';
import type { VerifyPlan } from '../src/plan.js';
import { EXPORT, IMPORT, VALIDATE, plan, problems } from './plan-helpers.js';

const VERIFY = { mode: 'verify', 'table-name': 'Orders', bucket: 'backups', prefix: 'nightly/' };
const STAMP = Date.parse('2026-01-15T12:00:00Z');

function verifyPlan(inputs: Record<string, string>): VerifyPlan {
  const p = plan({ ...VERIFY, ...inputs });
  if (p.mode !== 'verify') throw new Error('not a verify plan');
  return p;
}

describe('mode: verify', () => {
  it('reads the table, the source as an import would, and puts the differences file under RUNNER_TEMP', () => {
    expect(verifyPlan({})).toMatchObject({
      mode: 'verify',
      tableName: 'Orders',
      engine: { engine: 'direct' },
      source: {
        location: { kind: 's3', bucket: 'backups', prefix: 'nightly/' },
        format: 'DYNAMODB_JSON',
        compression: 'auto',
      },
      differences: { kind: 'local', path: `/runner/tmp/dynamodb-s3-transfer-differences-${STAMP}.jsonl` },
    });
    expect(verifyPlan({}).keys).toBeUndefined();
  });

  it('puts the differences file where rejected-items says, by its rules', () => {
    expect(verifyPlan({ 'rejected-items': 's3://audit/orders/differences.jsonl' }).differences).toEqual({
      kind: 's3',
      bucket: 'audit',
      prefix: 'orders/differences.jsonl',
    });
    expect(verifyPlan({ 'rejected-items': 'out/differences.jsonl' }).differences).toEqual({
      kind: 'local',
      path: '/workspace/out/differences.jsonl',
    });
  });

  it('reads CSV options, and partition-key and sort-key to check against the table', () => {
    const p = verifyPlan({ format: 'CSV', 'csv-delimiter': ';', 'partition-key': 'id:S', 'sort-key': 'n:N' });
    expect(p.source.csv).toEqual({ delimiter: ';' });
    expect(p.keys).toEqual({ partition: { name: 'id', type: 'S' }, sort: { name: 'n', type: 'N' } });
  });

  it.each([
    [{ 'table-name': '' }, 'Input "table-name" is not set; mode: verify needs the table to compare.'],
    [
      { engine: 'managed' },
      'Input "engine" is "managed"; expected auto or direct with mode: verify, which reads the table and the source itself and has no AWS job.',
    ],
    [
      { 'table-creation-parameters': '{}' },
      'Input "table-creation-parameters" is "{}"; expected no table-creation-parameters with mode: verify, which takes the key schema from the table (partition-key and sort-key, when given, are checked against it).',
    ],
    [{ 'existing-table': 'merge' }, 'Input "existing-table" is "merge"; expected it only with mode: import.'],
    [
      { verify: 'true' },
      'Input "verify" is "true"; expected it only with mode: import or export; mode: verify is the comparison itself.',
    ],
    [
      { 'filter-expression': 'a = b' },
      'Input "filter-expression" is "a = b"; expected no filter-expression with mode: verify; it applies to mode: export only.',
    ],
    [{ 'sort-key': 'n:N' }, 'Input "partition-key" is not set; sort-key is set, and a sort key needs a partition key.'],
    [
      { 'rejected-items': 's3://backups/nightly/differences.jsonl' },
      'Input "rejected-items" is "s3://backups/nightly/differences.jsonl"; expected a place outside the source, or a re-import would read the rejected items back.',
    ],
  ])('refuses %j', (inputs, message) => {
    expect(problems({ ...VERIFY, ...inputs })).toEqual([message]);
  });
});

describe('verify: true', () => {
  it('on an export: the differences file under RUNNER_TEMP, or where rejected-items says', () => {
    expect(plan({ ...EXPORT, verify: 'true' })).toMatchObject({
      verification: {
        differences: { kind: 'local', path: `/runner/tmp/dynamodb-s3-transfer-differences-${STAMP}.jsonl` },
      },
    });
    expect(plan({ ...EXPORT, verify: 'true', 'rejected-items': 's3://audit/d.jsonl' })).toMatchObject({
      verification: { differences: { kind: 's3', bucket: 'audit', prefix: 'd.jsonl' } },
    });
    expect(plan({ ...EXPORT })).not.toHaveProperty('verification');
  });

  it('on an import: the differences file beside the rejected-items file', () => {
    expect(plan({ ...IMPORT, verify: 'true', 'rejected-items': 's3://audit/run/rejected.jsonl' })).toMatchObject({
      rejectedItems: { kind: 's3', bucket: 'audit', prefix: 'run/rejected.jsonl' },
      verification: { differences: { kind: 's3', bucket: 'audit', prefix: 'run/rejected.differences.jsonl' } },
    });
    expect(plan({ ...IMPORT, verify: 'TRUE' })).toMatchObject({
      verification: {
        differences: { kind: 'local', path: `/runner/tmp/dynamodb-s3-transfer-differences-${STAMP}.jsonl` },
      },
    });
  });

  it.each([
    [
      { ...EXPORT, 'rejected-items': 'r.jsonl' },
      'Input "rejected-items" is "r.jsonl"; expected it only with mode: import or validate.',
    ],
    [
      { ...EXPORT, verify: 'true', wait: 'false' },
      'Input "verify" is "true"; expected false with wait: false, because the comparison needs the work to have finished.',
    ],
    [
      { ...EXPORT, verify: 'true', 'export-type': 'INCREMENTAL_EXPORT', 'incremental-from': '-1h' },
      'Input "verify" is "true"; expected false with an incremental export, which holds changes rather than the table.',
    ],
    [
      { ...EXPORT, verify: 'true', 'projection-expression': 'id' },
      'Input "verify" is "true"; expected false with projection-expression: the export holds part of each item, and verify compares whole items.',
    ],
    [
      { ...EXPORT, verify: 'true', prefix: 'out/', 'rejected-items': 's3://backups/out/d.jsonl' },
      'Input "rejected-items" is "s3://backups/out/d.jsonl"; expected a place outside the source, or a re-import would read the rejected items back.',
    ],
    [{ ...VALIDATE, verify: 'true' }, 'Input "verify" is "true"; expected it only with mode: import or export.'],
    [
      { ...IMPORT, prefix: 'in/r.d', verify: 'true', 'rejected-items': 's3://backups/in/r.jsonl' },
      'Input "verify" is "true"; expected a rejected-items place whose differences file (s3://backups/in/r.differences.jsonl) the source would not list.',
    ],
    [{ ...IMPORT, verify: 'maybe' }, 'Input "verify" is "maybe"; expected true or false.'],
  ])('refuses %j', (inputs, message) => {
    expect(problems(inputs)).toEqual([message]);
  });
});
