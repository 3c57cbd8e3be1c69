// S3 keys and local paths given as inputs (issue 12, #1, #10, #13): no ..
// segments, leading / or control characters in a key, no control characters
// in a path, a relative rejected-items path inside the workspace, and never a
// rejected-items destination that reading the source would list.

import { describe, expect, it } from 'vitest';
import { EXPORT, IMPORT, VALIDATE, plan, problems } from './plan-helpers.js';

const CONTROL = 'without control characters (U+0000 to U+001F and U+007F)';
const DOTS = 'without .. segments (S3 keys are names, not paths; a .. would reach outside the folder meant)';
const LISTED = 'expected a place outside the source, or a re-import would read the rejected items back.';

describe('prefix', () => {
  it.each([
    [IMPORT, '../../escape', `expected a key prefix ${DOTS}.`],
    [EXPORT, 'backups/../../escape/', `expected a key prefix ${DOTS}.`],
    [EXPORT, '..', `expected a key prefix ${DOTS}.`],
    [IMPORT, '/etc/', 'expected a key prefix without a leading / (S3 keys do not start with one).'],
    [IMPORT, 'in\u0000/', `expected a key prefix ${CONTROL}; it has U+0000 at character 3.`],
    [EXPORT, 'out/\nx/', `expected a key prefix ${CONTROL}; it has U+000A at character 5.`],
    [EXPORT, 'out\u007f/', `expected a key prefix ${CONTROL}; it has U+007F at character 4.`],
    [IMPORT, 'a\u001fb', `expected a key prefix ${CONTROL}; it has U+001F at character 2.`],
  ])('%j %j is refused, naming the input, the value and what is accepted', (base, prefix, reason) => {
    expect(problems({ ...base, prefix })).toEqual([`Input "prefix" is ${JSON.stringify(prefix)}; ${reason}`]);
  });

  it('is checked after its placeholders are filled in, and says what they made', () => {
    expect(problems({ ...EXPORT, prefix: 'backups/{ref_name}/' }, { GITHUB_REF_NAME: '../..' })).toEqual([
      `Input "prefix" is "backups/{ref_name}/"; expected a key prefix ${DOTS}; with its placeholders filled in it is "backups/../../".`,
    ]);
  });

  it('takes dots that are not a whole segment', () => {
    for (const prefix of ['a..b/', '.../x', 'v1.2/..data/', './x/']) {
      const p = plan({ ...IMPORT, prefix });
      expect(p.mode === 'import' && p.source.location).toEqual({ kind: 's3', bucket: 'backups', prefix });
    }
  });

  it('reports a bad prefix once, without also calling rejected-items in the same bucket inside the source', () => {
    expect(problems({ ...IMPORT, prefix: '../x/', 'rejected-items': 's3://backups/errors.jsonl' })).toEqual([
      `Input "prefix" is "../x/"; expected a key prefix ${DOTS}.`,
    ]);
  });
});

describe('path', () => {
  it('refuses control characters', () => {
    expect(problems({ ...VALIDATE, path: 'fix\ttures' })).toEqual([
      `Input "path" is "fix\\ttures"; expected a local path ${CONTROL}; it has U+0009 at character 4.`,
    ]);
  });

  it('takes any other path, relative to the workspace', () => {
    expect(plan({ ...VALIDATE, path: '../shared/fixtures' }).mode === 'validate').toBe(true);
  });
});

describe('rejected-items', () => {
  it.each([
    ['s3://errors/../x.jsonl', `expected an s3://bucket/key URL with a key ${DOTS}.`],
    [
      's3://errors//x.jsonl',
      'expected an s3://bucket/key URL with a key without a leading / (S3 keys do not start with one).',
    ],
    ['s3://errors/a\nb.jsonl', `expected an s3://bucket/key URL with a key ${CONTROL}; it has U+000A at character 2.`],
    [
      's3://Errors/x.jsonl',
      'expected an s3://bucket/key URL whose bucket is an S3 bucket name: 3 to 63 characters from a-z, 0-9, . and -.',
    ],
    ['out/\u0001.jsonl', `expected a local path ${CONTROL}; it has U+0001 at character 5.`],
    [
      '../../etc/x',
      'expected a local path inside the workspace (/workspace) when it is relative, or an absolute path; this one resolves to /etc/x.',
    ],
    [
      'out/../../x.jsonl',
      'expected a local path inside the workspace (/workspace) when it is relative, or an absolute path; this one resolves to /x.jsonl.',
    ],
  ])('%j is refused', (value, reason) => {
    expect(problems({ ...IMPORT, 'rejected-items': value })).toEqual([
      `Input "rejected-items" is ${JSON.stringify(value)}; ${reason}`,
    ]);
  });

  it('takes an absolute path anywhere, as the user chose it', () => {
    const p = plan({ ...IMPORT, 'rejected-items': '/var/log/rejected.jsonl' });
    expect(p.mode === 'import' && p.rejectedItems).toEqual({ kind: 'local', path: '/var/log/rejected.jsonl' });
  });

  it('takes a relative path that stays in the workspace, dots and all', () => {
    const p = plan({ ...IMPORT, 'rejected-items': 'out/../errors/..rejected.jsonl' });
    expect(p.mode === 'import' && p.rejectedItems).toEqual({
      kind: 'local',
      path: '/workspace/errors/..rejected.jsonl',
    });
  });

  it('takes the working directory as the workspace outside a runner', () => {
    expect(problems({ ...IMPORT, 'rejected-items': '../x.jsonl' }, { GITHUB_WORKSPACE: '' })).toEqual([
      'Input "rejected-items" is "../x.jsonl"; expected a local path inside the workspace (/cwd) when it is relative, or an absolute path; this one resolves to /x.jsonl.',
    ]);
  });

  describe('where the source would list it', () => {
    it.each([
      ['the S3 prefix itself', IMPORT, { prefix: 'in/' }, 's3://backups/in/rejected.jsonl'],
      ['a key that starts with the S3 prefix', IMPORT, { prefix: 'in/items' }, 's3://backups/in/items-rejected.jsonl'],
      ['anywhere in a bucket read whole', IMPORT, {}, 's3://backups/errors/rejected.jsonl'],
      ['the source folder', VALIDATE, { path: 'fixtures' }, 'fixtures/rejected.jsonl'],
      ['deep in the source folder', VALIDATE, { path: 'fixtures/' }, '/workspace/fixtures/a/b/rejected.jsonl'],
      ['the source file itself', VALIDATE, { path: 'fx/items.json' }, 'fx/items.json'],
    ])('%s is refused', (_, base, inputs, rejected) => {
      expect(problems({ ...base, ...inputs, 'rejected-items': rejected })).toEqual([
        `Input "rejected-items" is ${JSON.stringify(rejected)}; ${LISTED}`,
      ]);
    });

    it.each([
      ['a file beside a single source file, named after it', { path: 'fx/items.json' }, 'fx/items.json.rejected.jsonl'],
      ['a folder beside the source folder, named after it', { path: 'fx/items' }, 'fx/items-rejected/r.jsonl'],
      ['the parent of the source folder', { path: 'fx/items' }, 'fx/rejected.jsonl'],
    ])('%s is taken', (_, inputs, rejected) => {
      const p = plan({ ...VALIDATE, ...inputs, 'rejected-items': rejected });
      expect(p.mode === 'validate' && p.rejectedItems).toEqual({ kind: 'local', path: `/workspace/${rejected}` });
    });

    it('takes another bucket, or another prefix of the same bucket', () => {
      for (const rejected of ['s3://errors/in/rejected.jsonl', 's3://backups/errors/in/rejected.jsonl']) {
        expect(problems({ ...IMPORT, prefix: 'in/', 'rejected-items': rejected })).toEqual([]);
      }
    });
  });
});
