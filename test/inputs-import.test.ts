// Good and bad values of the import and validate inputs, with the exact messages.

import { describe, expect, it } from 'vitest';
import type { ImportPlan, ValidatePlan } from '../src/plan.js';
import { IMPORT, VALIDATE, plan, problems } from './plan-helpers.js';

function importPlan(inputs: Record<string, string>): ImportPlan {
  const p = plan({ ...IMPORT, ...inputs });
  if (p.mode !== 'import') throw new Error('not an import plan');
  return p;
}

function validatePlan(inputs: Record<string, string>): ValidatePlan {
  const p = plan({ ...VALIDATE, ...inputs });
  if (p.mode !== 'validate') throw new Error('not a validate plan');
  return p;
}

describe('source', () => {
  it('reads DynamoDB JSON from an S3 prefix, compression detected', () => {
    expect(importPlan({ prefix: 'exports/{date}/data/' }).source).toEqual({
      location: { kind: 's3', bucket: 'backups', prefix: 'exports/2026-01-15/data/' },
      format: 'DYNAMODB_JSON',
      compression: 'auto',
    });
  });

  it('reads CSV with a header list and a tab, given as \\t, tab or the character itself', () => {
    for (const delimiter of ['\\t', 'tab', '\t']) {
      expect(
        importPlan({ format: 'csv', 'csv-delimiter': delimiter, 'csv-header': 'id, title ,year' }).source.csv,
      ).toEqual({
        delimiter: '\t',
        header: ['id', 'title', 'year'],
      });
    }
  });

  it('keeps a single space as the CSV delimiter', () => {
    expect(importPlan({ format: 'CSV', 'csv-delimiter': ' ' }).source.csv).toEqual({ delimiter: ' ' });
  });

  it.each([',', ';', ':', '|'])('accepts %j as the CSV delimiter', (delimiter) => {
    expect(importPlan({ format: 'CSV', 'csv-delimiter': delimiter }).source.csv?.delimiter).toBe(delimiter);
  });

  it.each([
    [{ format: 'parquet' }, 'Input "format" is "parquet"; expected one of DYNAMODB_JSON, ION, CSV.'],
    [
      { format: 'CSV', 'csv-delimiter': '#' },
      'Input "csv-delimiter" is "#"; expected one of , ; : | \\t (tab) and a single space.',
    ],
    [
      { format: 'CSV', 'csv-delimiter': ',,' },
      'Input "csv-delimiter" is ",,"; expected one of , ; : | \\t (tab) and a single space.',
    ],
    [
      { 'csv-delimiter': ';' },
      'Input "csv-delimiter" is ";"; expected no csv-delimiter with format DYNAMODB_JSON; it applies to CSV only.',
    ],
    [
      { format: 'ION', 'csv-header': 'a,b' },
      'Input "csv-header" is "a,b"; expected no csv-header with format ION; it applies to CSV only.',
    ],
    [
      { format: 'CSV', 'csv-header': 'a,,b' },
      'Input "csv-header" is "a,,b"; expected comma-separated column names, none of them empty.',
    ],
    [
      { format: 'CSV', 'csv-header': 'a,b,a' },
      'Input "csv-header" is "a,b,a"; expected comma-separated column names, each once; a appears twice.',
    ],
    [{ compression: 'brotli' }, 'Input "compression" is "brotli"; expected one of NONE, GZIP, ZSTD, auto.'],
  ])('%j is refused', (inputs, message) => expect(problems({ ...IMPORT, ...inputs })).toEqual([message]));
});

describe('target table', () => {
  it('creates an on-demand table from the shorthand', () => {
    expect(importPlan({ 'sort-key': 'year:N' }).tableParameters).toEqual({
      TableName: 'Orders',
      KeySchema: [
        { AttributeName: 'id', KeyType: 'HASH' },
        { AttributeName: 'year', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'id', AttributeType: 'S' },
        { AttributeName: 'year', AttributeType: 'N' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('takes the table name from table-creation-parameters, and table-name overrides it', () => {
    const params =
      'TableName: Music\nAttributeDefinitions: [{AttributeName: a, AttributeType: S}]\nKeySchema: [{AttributeName: a, KeyType: HASH}]';
    expect(importPlan({ 'table-name': '', 'partition-key': '', 'table-creation-parameters': params }).tableName).toBe(
      'Music',
    );
    const overridden = importPlan({ 'table-name': 'Songs', 'partition-key': '', 'table-creation-parameters': params });
    expect([overridden.tableName, overridden.tableParameters?.TableName]).toEqual(['Songs', 'Songs']);
  });

  it('needs no key schema to merge into a table that may exist', () => {
    const p = importPlan({ 'partition-key': '', 'existing-table': 'Merge' });
    expect([p.existingTable, p.tableParameters]).toEqual(['merge', undefined]);
  });

  it.each([
    [
      { 'table-name': '' },
      'Input "table-name" is not set; mode: import needs the table to import into: table-name, or TableName in table-creation-parameters.',
    ],
    [
      { 'table-name': 'ab' },
      'Input "table-name" is "ab"; expected a table name of 3 to 255 letters, digits, underscores, hyphens or dots.',
    ],
    [
      { 'partition-key': '' },
      'Input "partition-key" is not set; mode: import with existing-table: fail creates the table, so it needs partition-key (and sort-key) or table-creation-parameters with a KeySchema.',
    ],
    [
      { 'partition-key': 'id' },
      'Input "partition-key" is "id"; expected name:S, name:N or name:B (an attribute name of 1 to 255 characters and its type).',
    ],
    [
      { 'partition-key': '', 'sort-key': 'sk:S', 'existing-table': 'merge' },
      'Input "partition-key" is not set; sort-key is set, and a sort key needs a partition key.',
    ],
    [{ 'existing-table': 'overwrite' }, 'Input "existing-table" is "overwrite"; expected one of fail, merge, replace.'],
    [
      {
        'table-creation-parameters':
          '{"AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "S"}], "KeySchema": [{"AttributeName": "a", "KeyType": "HASH"}]}',
      },
      'Input "partition-key" is "id:S"; expected no partition-key when table-creation-parameters has a KeySchema; give the key schema in one place.',
    ],
    [
      { 'table-creation-parameters': 'BillingMode: FREE' },
      'Input "table-creation-parameters" is "BillingMode: FREE"; expected BillingMode PROVISIONED or PAY_PER_REQUEST, not FREE.',
    ],
  ])('%j is refused', (inputs, message) => expect(problems({ ...IMPORT, ...inputs })).toEqual([message]));
});

describe('rejected-items', () => {
  it('goes to a file under RUNNER_TEMP by default', () => {
    expect(importPlan({}).rejectedItems).toEqual({
      kind: 'local',
      path: `/runner/tmp/dynamodb-s3-transfer-rejected-${Date.parse('2026-01-15T12:00:00Z')}.jsonl`,
    });
  });

  it('takes an s3:// URL or a path in the workspace', () => {
    expect(importPlan({ 'rejected-items': 's3://errors/orders/rejected.jsonl' }).rejectedItems).toEqual({
      kind: 's3',
      bucket: 'errors',
      prefix: 'orders/rejected.jsonl',
    });
    expect(importPlan({ 'rejected-items': 'out/rejected.jsonl' }).rejectedItems).toEqual({
      kind: 'local',
      path: '/workspace/out/rejected.jsonl',
    });
  });

  it.each([
    [
      IMPORT,
      { prefix: 'in/', 'rejected-items': 's3://backups/in/rejected.jsonl' },
      'Input "rejected-items" is "s3://backups/in/rejected.jsonl"; expected a place outside the source, or a re-import would read the rejected items back.',
    ],
    [
      VALIDATE,
      { 'rejected-items': 'fixtures/bad.jsonl' },
      'Input "rejected-items" is "fixtures/bad.jsonl"; expected a place outside the source, or a re-import would read the rejected items back.',
    ],
    [
      IMPORT,
      { 'rejected-items': 's3://bucket-only' },
      'Input "rejected-items" is "s3://bucket-only"; expected an s3://bucket/key URL or a local file path.',
    ],
  ])('%j %j is refused', (base, inputs, message) => expect(problems({ ...base, ...inputs })).toEqual([message]));
});

describe('validate', () => {
  it('checks a local folder against the shorthand key schema, with the direct engine', () => {
    const p = validatePlan({});
    expect(p.source.location).toEqual({ kind: 'local', path: '/workspace/fixtures' });
    expect(p.tableParameters?.KeySchema).toEqual([{ AttributeName: 'id', KeyType: 'HASH' }]);
    expect(p.engine.engine).toBe('direct');
  });

  it('can take the key schema from an existing table', () => {
    expect(validatePlan({ 'partition-key': '', 'table-name': 'Orders' }).tableName).toBe('Orders');
  });

  it('needs a key schema from somewhere', () => {
    expect(problems({ ...VALIDATE, 'partition-key': '' })).toEqual([
      'Input "partition-key" is not set; mode: validate needs the key schema to check against: partition-key (and sort-key), table-creation-parameters with a KeySchema, or the table-name of an existing table.',
    ]);
  });
});

describe('export-only inputs with mode: import', () => {
  it.each([
    ['table-arn', 'arn:aws:dynamodb:eu-west-1:123456789012:table/Orders', 'import'],
    ['export-time', '-1h', 'import'],
    ['incremental-from', '-1h', 'import'],
    ['filter-expression', 'a = b', 'import'],
    ['s3-sse-algorithm', 'KMS', 'validate'],
  ])('%s is refused', (name, value, mode) => {
    const base = mode === 'import' ? IMPORT : VALIDATE;
    expect(problems({ ...base, [name]: value })).toEqual([
      `Input "${name}" is "${value}"; expected no ${name} with mode: ${mode}; it applies to mode: export only.`,
    ]);
  });

  it.each([
    ['export-type', 'INCREMENTAL_EXPORT'],
    ['export-view-type', 'NEW_IMAGE'],
  ])('%s is refused unless it is the default', (name, value) => {
    expect(problems({ ...IMPORT, [name]: value })).toEqual([
      `Input "${name}" is "${value}"; expected it only with mode: export.`,
    ]);
    expect(problems({ ...IMPORT, [name]: name === 'export-type' ? 'full-export' : 'new_and_old_images' })).toEqual([]);
  });
});

describe('table-creation-parameters without a KeySchema', () => {
  it('still needs the key schema for a new table', () => {
    expect(
      problems({ ...IMPORT, 'partition-key': '', 'table-creation-parameters': 'BillingMode: PAY_PER_REQUEST' }),
    ).toEqual([
      'Input "partition-key" is not set; mode: import with existing-table: fail creates the table, so it needs partition-key (and sort-key) or table-creation-parameters with a KeySchema.',
    ]);
  });
});

describe('table-creation-parameters that do not parse', () => {
  const JSON_READ =
    'expected JSON or YAML in the shape of TableCreationParameters (it does not parse: read as JSON because it starts with { (YAML flow style such as {a: b} is not taken);';

  it.each([
    ['JSON with a trailing comma', '{"TableName": "Music",}'],
    ['a shape DynamoDB refuses', 'TableName: Music\nBillingMode: FREE'],
    ['YAML that does not parse', 'TableName: ['],
  ])('%s give one error, not a second one claiming TableName is missing', (_, parameters) => {
    const messages = problems({
      ...IMPORT,
      'table-name': '',
      'partition-key': '',
      'table-creation-parameters': parameters,
    });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^Input "table-creation-parameters" is /);
  });

  it('says the text was read as JSON', () => {
    expect(
      problems({
        ...IMPORT,
        'table-name': '',
        'partition-key': '',
        'table-creation-parameters': '{"TableName": "Music",}',
      }),
    ).toEqual([
      `Input "table-creation-parameters" is "{\\"TableName\\": \\"Music\\",}"; ${JSON_READ} Expected double-quoted property name in JSON at position 22 (line 1 column 23)).`,
    ]);
  });

  it('with mode: validate, gives one error and no second one about the key schema', () => {
    expect(
      problems({ ...VALIDATE, 'partition-key': '', 'table-creation-parameters': '{"KeySchema": [],}' }),
    ).toHaveLength(1);
  });
});
