// The `checkpoint` input: an s3:// URL or a path, for a direct import only,
// never inside the source nor the rejected-items place; exact messages.

import { describe, expect, it } from 'vitest';
import { EXPORT, IMPORT, VALIDATE, plan, problems } from './plan-helpers.js';

const DIRECT_IMPORT = { ...IMPORT, engine: 'direct', 'existing-table': 'merge', prefix: 'data/' };

function checkpointOf(inputs: Record<string, string>, env: Record<string, string> = {}): unknown {
  const p = plan(inputs, env);
  if (p.mode !== 'import') throw new Error(`not an import plan: ${p.mode}`);
  return p.checkpoint;
}

describe('checkpoint', () => {
  it('is absent by default (the cache, or RUNNER_TEMP)', () => {
    expect(checkpointOf(DIRECT_IMPORT)).toBeUndefined();
  });

  it('reads an s3:// URL and a path (a relative one inside the workspace)', () => {
    expect(checkpointOf({ ...DIRECT_IMPORT, checkpoint: 's3://state/imports/orders.json' })).toEqual({
      kind: 's3',
      bucket: 'state',
      prefix: 'imports/orders.json',
    });
    expect(checkpointOf({ ...DIRECT_IMPORT, checkpoint: 'state/orders.json' }, { GITHUB_WORKSPACE: '/ws' })).toEqual({
      kind: 'local',
      path: '/ws/state/orders.json',
    });
    // Another prefix of the source's bucket is outside the source.
    expect(checkpointOf({ ...DIRECT_IMPORT, checkpoint: 's3://backups/checkpoints/orders.json' })).toMatchObject({
      bucket: 'backups',
    });
  });

  it.each([
    [
      { ...DIRECT_IMPORT, checkpoint: 's3://backups/data/checkpoint.json' },
      'Input "checkpoint" is "s3://backups/data/checkpoint.json"; expected a place outside the source (a different bucket or prefix, or a path outside the source folder): a checkpoint inside it would be read back as data.',
    ],
    [
      {
        ...IMPORT,
        engine: 'direct',
        'existing-table': 'merge',
        bucket: '',
        path: '/data',
        checkpoint: '/data/run/checkpoint.json',
      },
      'Input "checkpoint" is "/data/run/checkpoint.json"; expected a place outside the source (a different bucket or prefix, or a path outside the source folder): a checkpoint inside it would be read back as data.',
    ],
    [
      { ...DIRECT_IMPORT, checkpoint: '/tmp/x.jsonl', 'rejected-items': '/tmp/x.jsonl' },
      'Input "checkpoint" is "/tmp/x.jsonl"; expected a place other than rejected-items.',
    ],
    [
      { ...DIRECT_IMPORT, checkpoint: 's3://Bad_Bucket/x' },
      'Input "checkpoint" is "s3://Bad_Bucket/x"; expected an s3://bucket/key URL whose bucket is an S3 bucket name: 3 to 63 characters from a-z, 0-9, . and -.',
    ],
    [
      { ...DIRECT_IMPORT, checkpoint: '../outside.json' },
      expect.stringMatching(/^Input "checkpoint" is "\.\.\/outside\.json"; expected a local path inside the workspace/),
    ],
    [
      { ...IMPORT, engine: 'managed', checkpoint: 's3://state/c.json' },
      'Input "checkpoint" is "s3://state/c.json"; expected it only with engine: direct (or auto); AWS\'s ImportTable keeps no checkpoint.',
    ],
    [
      { ...VALIDATE, checkpoint: 's3://state/c.json' },
      'Input "checkpoint" is "s3://state/c.json"; expected it only with mode: import (mode validate writes no table).',
    ],
    [
      { ...EXPORT, checkpoint: 's3://state/c.json' },
      'Input "checkpoint" is "s3://state/c.json"; expected it only with mode: import (mode export writes no table).',
    ],
  ])('refuses %j', (inputs, message) => {
    expect(problems(inputs)).toEqual([message]);
  });
});
