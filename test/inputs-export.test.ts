// Good and bad values of the export inputs, with the exact messages.

import { describe, expect, it } from 'vitest';
import type { ExportPlan } from '../src/plan.js';
import { EXPORT, plan, problems } from './plan-helpers.js';

function exportPlan(inputs: Record<string, string>): ExportPlan {
  const p = plan({ ...EXPORT, ...inputs });
  if (p.mode !== 'export') throw new Error('not an export plan');
  return p;
}

const refused = (inputs: Record<string, string>): string[] => problems({ ...EXPORT, ...inputs });

describe('table-name and table-arn', () => {
  const arn = 'arn:aws:dynamodb:eu-west-1:123456789012:table/Orders';

  it('takes either, and the name from the ARN', () => {
    expect(exportPlan({}).table).toEqual({ name: 'Orders' });
    expect(exportPlan({ 'table-name': '', 'table-arn': arn }).table).toEqual({ name: 'Orders', arn });
  });

  it.each([
    [{ 'table-name': '' }, 'Input "table-name" is not set; mode: export needs table-name or table-arn.'],
    [
      { 'table-name': 'ab' },
      'Input "table-name" is "ab"; expected a table name of 3 to 255 letters, digits, underscores, hyphens or dots.',
    ],
    [
      { 'table-arn': 'Orders' },
      'Input "table-arn" is "Orders"; expected a table ARN such as arn:aws:dynamodb:us-east-1:123456789012:table/Orders.',
    ],
    [
      { 'table-arn': arn.replace('Orders', 'Users') },
      `Input "table-arn" is "${arn.replace('Orders', 'Users')}"; expected the ARN of table Orders (table-name), but it names Users.`,
    ],
  ])('%j is refused', (inputs, message) => expect(refused(inputs)).toEqual([message]));
});

describe('format and compression', () => {
  it('writes DynamoDB JSON with GZIP by default', () => {
    const p = exportPlan({});
    expect([p.format, p.compression]).toEqual(['DYNAMODB_JSON', 'GZIP']);
  });

  it('writes Ion, and ZSTD with the direct engine', () => {
    const p = exportPlan({ format: 'ion', compression: 'zstd', engine: 'direct' });
    expect([p.format, p.compression]).toEqual(['ION', 'ZSTD']);
  });

  it.each([
    [
      { format: 'csv' },
      'Input "format" is "csv"; expected DYNAMODB_JSON or ION with mode: export (DynamoDB exports do not write CSV).',
    ],
    [{ compression: 'zip' }, 'Input "compression" is "zip"; expected one of NONE, GZIP, ZSTD, auto.'],
    [
      { compression: 'zstd' },
      'Input "compression" is "zstd"; expected GZIP or auto with engine: managed, because AWS\'s export writes GZIP only; use engine: direct for ZSTD or NONE.',
    ],
  ])('%j is refused', (inputs, message) => expect(refused(inputs)).toEqual([message]));
});

describe('export-type, export-time and the incremental window', () => {
  it('exports now by default, or at export-time', () => {
    expect(exportPlan({}).exportType).toEqual({ kind: 'FULL_EXPORT' });
    expect(exportPlan({ 'export-time': '-1h' }).exportType).toEqual({
      kind: 'FULL_EXPORT',
      exportTime: new Date('2026-01-15T11:00:00Z'),
    });
  });

  it('reads an incremental window, ending now by default', () => {
    expect(exportPlan({ 'export-type': 'incremental-export', 'incremental-from': '-24h' }).exportType).toEqual({
      kind: 'INCREMENTAL_EXPORT',
      from: new Date('2026-01-14T12:00:00Z'),
      to: new Date('2026-01-15T12:00:00Z'),
      viewType: 'NEW_AND_OLD_IMAGES',
    });
    expect(
      exportPlan({
        'export-type': 'INCREMENTAL_EXPORT',
        'incremental-from': '2026-01-15T08:00:00Z',
        'incremental-to': '1768478400',
        'export-view-type': 'new_image',
      }).exportType,
    ).toEqual({
      kind: 'INCREMENTAL_EXPORT',
      from: new Date('2026-01-15T08:00:00Z'),
      to: new Date('2026-01-15T12:00:00Z'),
      viewType: 'NEW_IMAGE',
    });
  });

  const incremental = { 'export-type': 'INCREMENTAL_EXPORT' };
  it.each([
    [{ 'export-type': 'DIFF' }, 'Input "export-type" is "DIFF"; expected one of FULL_EXPORT, INCREMENTAL_EXPORT.'],
    [
      { 'export-time': 'yesterday' },
      'Input "export-time" is "yesterday"; expected an ISO 8601 time (2026-01-31T12:00:00Z), epoch seconds (1767225600), now, or a time relative to now (-24h, -90m).',
    ],
    [
      { 'export-time': '2026-01-16T00:00:00Z' },
      'Input "export-time" is "2026-01-16T00:00:00Z"; expected a time that is not in the future (it is 2026-01-16T00:00:00.000Z, now is 2026-01-15T12:00:00.000Z).',
    ],
    [
      { 'incremental-from': '-2h' },
      'Input "incremental-from" is "-2h"; expected it only with export-type: INCREMENTAL_EXPORT.',
    ],
    [
      { 'export-view-type': 'NEW_IMAGE' },
      'Input "export-view-type" is "NEW_IMAGE"; expected it only with export-type: INCREMENTAL_EXPORT.',
    ],
    [
      { ...incremental },
      'Input "incremental-from" is not set; export-type: INCREMENTAL_EXPORT needs the start of its window.',
    ],
    [
      { ...incremental, 'incremental-from': '-10m' },
      'Input "incremental-from" is "-10m"; expected a window of 15 minutes to 24 hours, but 2026-01-15T11:50:00.000Z to 2026-01-15T12:00:00.000Z is 10m.',
    ],
    [
      { ...incremental, 'incremental-from': '-25h' },
      'Input "incremental-from" is "-25h"; expected a window of 15 minutes to 24 hours, but 2026-01-14T11:00:00.000Z to 2026-01-15T12:00:00.000Z is 1d1h.',
    ],
    [
      { ...incremental, 'incremental-from': '-1h', 'incremental-to': '-2h' },
      'Input "incremental-to" is "-2h"; expected an end after incremental-from (the window is 2026-01-15T11:00:00.000Z to 2026-01-15T10:00:00.000Z).',
    ],
    [
      { ...incremental, 'incremental-from': '-1h', 'export-time': '-1h' },
      'Input "export-time" is "-1h"; expected no export-time with export-type: INCREMENTAL_EXPORT; give incremental-from and incremental-to.',
    ],
    [
      { ...incremental, 'incremental-from': '-1h', 'export-view-type': 'OLD_IMAGE' },
      'Input "export-view-type" is "OLD_IMAGE"; expected one of NEW_AND_OLD_IMAGES, NEW_IMAGE.',
    ],
  ])('%j is refused', (inputs, message) => expect(refused(inputs)).toEqual([message]));
});

describe('filter and projection expressions', () => {
  it('parses names and values, values as AttributeValues', () => {
    const p = exportPlan({
      'filter-expression': '#y >= :from AND attribute_exists(#t)',
      'projection-expression': '#y, #t, id',
      'expression-attribute-names': '{"#y": "year", "#t": "title"}',
      'expression-attribute-values': '{":from": {"N": "2020"}}',
    });
    expect(p.expressions).toEqual({
      filter: '#y >= :from AND attribute_exists(#t)',
      projection: '#y, #t, id',
      names: { '#y': 'year', '#t': 'title' },
      values: { ':from': { N: '2020' } },
    });
  });

  it.each(['direct', 'managed'])('takes a key condition with the %s engine', (engine) => {
    const p = exportPlan({
      engine,
      'key-condition-expression': 'pk = :p',
      'expression-attribute-values': '{":p": {"S": "a"}}',
    });
    expect(p.expressions?.keyCondition).toBe('pk = :p');
  });

  it.each([
    [
      { 'filter-expression': '#y > :v', 'expression-attribute-values': '{":v": {"N": "1"}}' },
      'Input "expression-attribute-names" is ""; expected a definition of #y, used in the expressions.',
    ],
    [
      { 'filter-expression': 'y > :v', 'expression-attribute-values': '{":v": {"N": "1"}, ":w": {"N": "2"}}' },
      'Input "expression-attribute-values" is "{\\":v\\": {\\"N\\": \\"1\\"}, \\":w\\": {\\"N\\": \\"2\\"}}"; expected only placeholders the expressions use; :w is not used.',
    ],
    [
      { 'filter-expression': '#y > 1', 'expression-attribute-names': '{"y": "year"}' },
      'Input "expression-attribute-names" is "{\\"y\\": \\"year\\"}"; expected a JSON object of "#placeholder": "attribute name" pairs such as {"#y": "year"}.',
    ],
    [
      { 'filter-expression': 'y > :v', 'expression-attribute-values': '{":v": 1}' },
      'Input "expression-attribute-values" is "{\\":v\\": 1}"; expected values in DynamoDB JSON such as {":y": {"N": "2020"}} (:v: expected a type-tagged object such as {"S": "text"}).',
    ],
    [
      { 'filter-expression': 'y > :v', 'expression-attribute-values': 'v=1' },
      'Input "expression-attribute-values" is "v=1"; expected a JSON object such as {":y": {"N": "2020"}}.',
    ],
  ])('%j is refused', (inputs, message) => expect(refused(inputs)).toEqual([message]));
});

describe('s3-sse-algorithm and s3-sse-kms-key-id', () => {
  it('reads KMS with a key', () => {
    expect(exportPlan({ 's3-sse-algorithm': 'kms', 's3-sse-kms-key-id': 'alias/backups' }).encryption).toEqual({
      algorithm: 'KMS',
      kmsKeyId: 'alias/backups',
    });
    expect(exportPlan({ 's3-sse-algorithm': 'AES256' }).encryption).toEqual({ algorithm: 'AES256' });
  });

  it.each([
    [{ 's3-sse-algorithm': 'DES' }, 'Input "s3-sse-algorithm" is "DES"; expected one of AES256, KMS.'],
    [
      { 's3-sse-kms-key-id': 'alias/x' },
      'Input "s3-sse-kms-key-id" is "alias/x"; expected it only with s3-sse-algorithm: KMS.',
    ],
  ])('%j is refused', (inputs, message) => expect(refused(inputs)).toEqual([message]));
});

describe('import-only inputs with mode: export', () => {
  it.each([
    ['partition-key', 'id:S'],
    ['sort-key', 'sk:S'],
    ['table-creation-parameters', '{}'],
    ['rejected-items', 'out.jsonl'],
    ['csv-header', 'a,b'],
    ['existing-table', 'merge'],
  ])('%s is refused', (name, value) => {
    expect(refused({ [name]: value })).toContain(
      `Input "${name}" is "${value}"; expected it only with mode: import or validate.`.replace(
        'import or validate.',
        name === 'existing-table' ? 'import.' : 'import or validate.',
      ),
    );
  });
});
