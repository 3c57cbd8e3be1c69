// Good and bad values of the inputs every mode shares, with the exact messages.

import { describe, expect, it } from 'vitest';
import { EXPORT, IMPORT, NOW, VALIDATE, plan, problems } from './plan-helpers.js';

describe('mode', () => {
  it.each([
    ['export', 'export'],
    ['Import', 'import'],
    ['VALIDATE', 'validate'],
  ])('%j is %s', (mode, expected) => {
    const base = { export: EXPORT, import: IMPORT, validate: VALIDATE }[expected as 'export'];
    expect(plan({ ...base, mode }).mode).toBe(expected);
  });

  it('is required', () => {
    expect(problems({ bucket: 'backups' })).toEqual([
      'Input "mode" is not set; expected one of export, import, validate, verify.',
    ]);
  });

  it('refuses an unknown mode and still checks the shared inputs', () => {
    expect(problems({ mode: 'backup', concurrency: '0' })).toEqual([
      'Input "mode" is "backup"; expected one of export, import, validate, verify.',
      'Input "concurrency" is "0"; expected a whole number from 1 to 256.',
    ]);
  });
});

describe('engine', () => {
  it.each([
    [{ ...EXPORT }, 'managed', 'AWS exports the table itself (ExportTableToPointInTime), without reading capacity'],
    [
      { ...EXPORT, 'endpoint-url': 'http://127.0.0.1:8000' },
      'direct',
      "endpoint-url is set, and AWS's managed import and export exist only on AWS itself",
    ],
    [
      { ...EXPORT, bucket: '', path: 'out' },
      'direct',
      'path is a local folder, which only the direct engine can read or write',
    ],
    [{ ...VALIDATE }, 'direct', 'mode: validate reads the source here and starts no AWS job'],
    [{ ...IMPORT }, 'managed', "the table is new, so AWS's ImportTable creates and fills it"],
    [
      { ...IMPORT, 'existing-table': 'merge' },
      'table-exists',
      "existing-table: merge writes into the table if it exists (direct); a new table is created by AWS's ImportTable (managed)",
    ],
    [{ ...IMPORT, engine: 'Direct' }, 'direct', 'engine: direct was asked for'],
    [
      { ...EXPORT, engine: 'managed', 'endpoint-url': 'http://127.0.0.1:8000' },
      'managed',
      'engine: managed was asked for',
    ],
  ])('%j runs %s', (inputs, engine, reason) => {
    expect(plan(inputs).engine).toEqual({ engine, reason });
  });

  it.each(['AWS_ENDPOINT_URL_DYNAMODB', 'AWS_ENDPOINT_URL'])(
    'takes the SDK variable %s as endpoint-url when choosing the engine',
    (variable) => {
      expect(plan({ ...IMPORT }, { [variable]: 'http://127.0.0.1:4566' }).engine).toEqual({
        engine: 'direct',
        reason: `${variable} is set (http://127.0.0.1:4566), and AWS's managed import and export exist only on AWS itself`,
      });
    },
  );

  it('keeps an explicit engine: managed over the SDK variable', () => {
    expect(plan({ ...IMPORT, engine: 'managed' }, { AWS_ENDPOINT_URL_DYNAMODB: 'http://x:1' }).engine.engine).toBe(
      'managed',
    );
  });

  it.each([
    [{ ...EXPORT, engine: 'aws' }, 'Input "engine" is "aws"; expected one of auto, managed, direct.'],
    [
      { ...VALIDATE, engine: 'managed' },
      'Input "engine" is "managed"; expected auto or direct with mode: validate, which reads the source itself and has no AWS job.',
    ],
    [
      { ...IMPORT, engine: 'managed', bucket: '', path: 'x' },
      'Input "path" is "x"; expected no path with engine: managed, because AWS reads and writes only S3; use bucket, or engine: direct.',
    ],
    [
      { ...IMPORT, engine: 'managed', 'existing-table': 'merge' },
      'Input "existing-table" is "merge"; expected fail with engine: managed, because AWS\'s ImportTable always creates a new table; use engine: direct (or auto) to write into an existing table.',
    ],
  ])('%j is refused', (inputs, message) => {
    expect(problems(inputs)).toEqual([message]);
  });
});

describe('aws-region, endpoint-url, s3-endpoint-url', () => {
  it('takes the region from the input, then AWS_REGION, then AWS_DEFAULT_REGION', () => {
    expect(plan({ ...EXPORT, 'aws-region': 'us-west-2' }).aws.region).toBe('us-west-2');
    expect(plan(EXPORT).aws.region).toBe('eu-west-1');
    expect(plan(EXPORT, { AWS_REGION: '', AWS_DEFAULT_REGION: 'ap-south-1' }).aws.region).toBe('ap-south-1');
  });

  it('needs a region for AWS itself and says where one comes from', () => {
    expect(problems(EXPORT, { AWS_REGION: '' })).toEqual([
      'Input "aws-region" is not set; no AWS_REGION or AWS_DEFAULT_REGION is set either; give aws-region, or run aws-actions/configure-aws-credentials first.',
    ]);
  });

  it('needs no region to validate a local folder against the keys given, which contacts nothing', () => {
    expect(problems(VALIDATE, { AWS_REGION: '' })).toEqual([]);
    expect(problems({ ...VALIDATE, 'table-name': 'Orders' }, { AWS_REGION: '' })).toHaveLength(1);
  });

  it('defaults to us-east-1 for a local endpoint', () => {
    expect(plan({ ...EXPORT, 'endpoint-url': 'http://127.0.0.1:8000' }, { AWS_REGION: '' }).aws.region).toBe(
      'us-east-1',
    );
  });

  it('marks S3 as S3-compatible when an S3 endpoint is set by input or by the SDK variables', () => {
    expect(plan(EXPORT).aws.s3Compatible).toBe(false);
    expect(plan({ ...EXPORT, 's3-endpoint-url': 'http://127.0.0.1:9000' }).aws).toEqual({
      region: 'eu-west-1',
      s3EndpointUrl: 'http://127.0.0.1:9000',
      s3Compatible: true,
    });
    expect(plan(EXPORT, { AWS_ENDPOINT_URL_S3: 'http://minio:9000' }).aws.s3Compatible).toBe(true);
  });

  it.each([
    [
      'endpoint-url',
      'localhost:8000',
      'Input "endpoint-url" is "localhost:8000"; expected an http:// or https:// URL such as http://127.0.0.1:8000.',
    ],
    [
      's3-endpoint-url',
      'ftp://x',
      'Input "s3-endpoint-url" is "ftp://x"; expected an http:// or https:// URL such as http://127.0.0.1:8000.',
    ],
    ['aws-region', 'US East 1', 'Input "aws-region" is "US East 1"; expected an AWS region such as us-east-1.'],
  ])('%s %j is refused', (name, value, message) => {
    expect(problems({ ...EXPORT, [name]: value })).toEqual([message]);
  });
});

describe('concurrency, wait, timeout, poll-interval, max-errors, client-token', () => {
  it('has the defaults of action.yml', () => {
    const p = plan(EXPORT);
    expect(p.concurrency).toBe(16);
    expect(p.waiting).toEqual({ wait: true, timeoutMs: 6 * 3_600_000, pollIntervalMs: 10_000 });
    expect(p.maxErrors).toBe(0);
    expect(p.clientToken).toBeUndefined();
  });

  it('reads given values', () => {
    const p = plan({
      ...EXPORT,
      concurrency: '64',
      wait: 'false',
      timeout: '1h30m',
      'poll-interval': '30s',
      'max-errors': '25',
      'client-token': 'nightly-2026-01-15',
    });
    expect(p.concurrency).toBe(64);
    expect(p.waiting).toEqual({ wait: false, timeoutMs: 5_400_000, pollIntervalMs: 30_000 });
    expect(p.maxErrors).toBe(25);
    expect(p.clientToken).toBe('nightly-2026-01-15');
  });

  it('treats an input given as an empty string as its default', () => {
    expect(plan({ ...EXPORT, concurrency: '', timeout: '  ' }).concurrency).toBe(16);
  });

  it.each([
    ['concurrency', '0', 'expected a whole number from 1 to 256'],
    ['concurrency', '300', 'expected a whole number from 1 to 256'],
    ['concurrency', 'many', 'expected a whole number from 1 to 256'],
    ['wait', 'yes', 'expected true or false'],
    ['timeout', '0s', 'expected a duration such as 10s, 90m, 2h or 1h30m, from 1s to 72h'],
    ['timeout', '73h', 'expected a duration such as 10s, 90m, 2h or 1h30m, from 1s to 72h'],
    ['timeout', 'forever', 'expected a duration such as 10s, 90m, 2h or 1h30m, from 1s to 72h'],
    ['poll-interval', '2m', 'expected a duration such as 10s, 90m, 2h or 1h30m, from 1s to 60s'],
    ['poll-interval', '500ms', 'expected a duration such as 10s, 90m, 2h or 1h30m, from 1s to 60s'],
    ['max-errors', '-1', 'expected a whole number from 0 to 9007199254740991'],
    ['client-token', 'a$b', 'expected 1 to 36 characters without $'],
    ['client-token', 'x'.repeat(37), 'expected 1 to 36 characters without $'],
  ])('%s %j is refused', (name, value, reason) => {
    expect(problems({ ...EXPORT, [name]: value })).toEqual([`Input "${name}" is ${JSON.stringify(value)}; ${reason}.`]);
  });
});

describe('bucket, prefix, path, bucket-owner', () => {
  it('expands the prefix template', () => {
    const p = plan({
      ...EXPORT,
      prefix: 'backups/{table}/{date}/{run_id}-{run_attempt}/',
      'bucket-owner': '123456789012',
    });
    expect(p.mode === 'export' && p.destination).toEqual({
      kind: 's3',
      bucket: 'backups',
      prefix: 'backups/Orders/2026-01-15/987-2/',
      owner: '123456789012',
    });
  });

  it('resolves path from the workspace', () => {
    const p = plan({ ...EXPORT, bucket: '', path: 'out/export' });
    expect(p.mode === 'export' && p.destination).toEqual({ kind: 'local', path: '/workspace/out/export' });
  });

  it.each([
    [{ bucket: '' }, 'Input "bucket" is not set; mode: export needs bucket (S3) or path (a local file or folder).'],
    [{ path: 'out' }, 'Input "path" is "out"; expected either bucket or path, not both (bucket is set too).'],
    [
      { bucket: 's3://backups/x' },
      'Input "bucket" is "s3://backups/x"; expected a bucket name only, such as my-backups; put the key path in prefix.',
    ],
    [
      { bucket: 'My_Bucket' },
      'Input "bucket" is "My_Bucket"; expected an S3 bucket name: 3 to 63 characters from a-z, 0-9, . and -.',
    ],
    [
      { prefix: '/abs' },
      'Input "prefix" is "/abs"; expected a key prefix without a leading / (S3 keys do not start with one).',
    ],
    [
      { prefix: 'x/{day}/' },
      'Input "prefix" is "x/{day}/"; expected only the placeholders {date} {time} {run_id} {run_attempt} {sha} {ref_name} {table}; {day} is not one of them.',
    ],
    [{ 'bucket-owner': '1234' }, 'Input "bucket-owner" is "1234"; expected a 12-digit AWS account id.'],
    [
      { bucket: '', path: 'out', prefix: 'x/' },
      'Input "prefix" is "x/"; expected no prefix with path; put the whole folder or file in path.',
    ],
  ])('%j is refused', (inputs, message) => {
    expect(problems({ ...EXPORT, ...inputs })).toEqual([message]);
  });

  it('says which variable a placeholder needs', () => {
    expect(problems({ ...EXPORT, prefix: '{run_id}/' }, { GITHUB_RUN_ID: '' })).toEqual([
      'Input "prefix" is "{run_id}/"; expected {run_id} to have a value, but GITHUB_RUN_ID is not set.',
    ]);
  });
});

describe('several bad inputs', () => {
  it('are reported together in one message', () => {
    let message = '';
    try {
      plan({ ...EXPORT, format: 'xml', concurrency: '0', wait: 'maybe' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      [
        '3 inputs are not valid:',
        '- Input "concurrency" is "0"; expected a whole number from 1 to 256.',
        '- Input "wait" is "maybe"; expected true or false.',
        '- Input "format" is "xml"; expected one of DYNAMODB_JSON, ION, CSV.',
      ].join('\n'),
    );
  });

  it('are checked at a fixed time', () => {
    expect(NOW.toISOString()).toBe('2026-01-15T12:00:00.000Z');
  });
});

describe('path as an s3:// URL', () => {
  it('is bucket and prefix in one, as export outputs give a place, and leaves the engine to the S3 rules', () => {
    const imported = plan({ ...IMPORT, bucket: '', path: 's3://backups/orders/AWSDynamoDB/0123-abcd/' });
    expect(imported.mode === 'import' && imported.source.location).toEqual({
      kind: 's3',
      bucket: 'backups',
      prefix: 'orders/AWSDynamoDB/0123-abcd/',
    });
    expect(imported.engine.engine).toBe('managed');
    const exported = plan({ ...EXPORT, bucket: '', path: 's3://backups/{table}/', 'bucket-owner': '123456789012' });
    expect(exported.mode === 'export' && exported.destination).toEqual({
      kind: 's3',
      bucket: 'backups',
      prefix: 'Orders/',
      owner: '123456789012',
    });
  });

  it.each([
    [
      { path: 's3://backups/x/', prefix: 'y/' },
      'Input "prefix" is "y/"; expected no prefix with an s3:// path, which holds its prefix after the bucket.',
    ],
    [
      { path: 's3://Not_A_Bucket/x' },
      'Input "path" is "s3://Not_A_Bucket/x"; expected a local path, or an s3://bucket/prefix URL whose bucket is an S3 bucket name: 3 to 63 characters from a-z, 0-9, . and -.',
    ],
    [
      { path: 's3://backups/../other/' },
      'Input "path" is "s3://backups/../other/"; expected an s3://bucket/prefix URL with a key prefix without .. segments (S3 keys are names, not paths; a .. would reach outside the folder meant).',
    ],
  ])('%j is refused', (inputs, message) => {
    expect(problems({ ...IMPORT, bucket: '', ...inputs })).toEqual([message]);
  });
});
