// A checkpoint file is replaced atomically and never read through a symbolic
// link; the place is chosen from the input, the runner's cache, or RUNNER_TEMP.

import { mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { CacheCheckpoint } from '../../src/checkpoint/cache.js';
import { FileCheckpoint, S3Checkpoint } from '../../src/checkpoint/places.js';
import { cacheOffered, checkpointPlace } from '../../src/checkpoint/where.js';
import { s3Of } from '../../src/aws/lazy-clients.js';

const identity = { table: 't', source: '/data', reading: 'DYNAMODB_JSON, compression auto' };
const s3 = s3Of(new S3Client({ region: 'us-east-1' }));

describe('FileCheckpoint', () => {
  it('saves by replacing the whole file, leaves no temporary file, and removes it when completed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'checkpoint-'));
    const place = new FileCheckpoint(join(folder, 'deeper', 'checkpoint.json'));
    expect(await place.load()).toBeUndefined();
    await place.save('{"first":true}');
    await place.save('{"second":true}');
    expect(await place.load()).toBe('{"second":true}');
    expect(readdirSync(join(folder, 'deeper'))).toEqual(['checkpoint.json']);
    await place.complete();
    expect(await place.load()).toBeUndefined();
  });

  it('never reads through a symbolic link, and a save replaces the link, not its target', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'checkpoint-'));
    const target = join(folder, 'elsewhere.json');
    writeFileSync(target, 'secret');
    const path = join(folder, 'checkpoint.json');
    symlinkSync(target, path);
    const place = new FileCheckpoint(path);
    await expect(place.load()).rejects.toThrow('is not a regular file (a symbolic link is never followed)');
    await place.save('{}');
    expect(readFileSync(target, 'utf8')).toBe('secret');
    expect(readFileSync(path, 'utf8')).toBe('{}');
  });
});

describe('checkpointPlace', () => {
  const env = { RUNNER_TEMP: '/runner/temp', GITHUB_RUN_ID: '1', GITHUB_REPOSITORY: 'o/r' };

  it('takes the checkpoint input first', () => {
    expect(checkpointPlace({ kind: 's3', bucket: 'b', prefix: 'k.json' }, identity, { env, s3 })).toBeInstanceOf(
      S3Checkpoint,
    );
    expect(checkpointPlace({ kind: 'local', path: '/x/c.json' }, identity, { env, s3 }).description).toBe('/x/c.json');
  });

  it('uses the cache when the runner offers one, else a file under RUNNER_TEMP, both named by the client token', () => {
    const cacheEnv = {
      ...env,
      ACTIONS_CACHE_SERVICE_V2: 'True',
      ACTIONS_RESULTS_URL: 'http://x/',
      ACTIONS_RUNTIME_TOKEN: 't',
    };
    const cached = checkpointPlace(undefined, identity, { env: cacheEnv, s3, clientToken: 'my-token' });
    expect(cached).toBeInstanceOf(CacheCheckpoint);
    expect(cached.description).toBe('the GitHub Actions cache (key dynamodb-s3-transfer-checkpoint-my-token-*)');
    const file = checkpointPlace(undefined, identity, { env, s3, clientToken: 'my-token' });
    expect(file.description).toBe('/runner/temp/dynamodb-s3-transfer-checkpoints/my-token.json');
  });

  it('derives the same token on a re-run of the step, and another for another import', () => {
    const a = checkpointPlace(undefined, identity, { env: { ...env, GITHUB_RUN_ATTEMPT: '1' }, s3 }).description;
    const b = checkpointPlace(undefined, identity, { env: { ...env, GITHUB_RUN_ATTEMPT: '2' }, s3 }).description;
    const other = checkpointPlace(undefined, { ...identity, table: 'u' }, { env, s3 }).description;
    expect(a).toBe(b);
    expect(other).not.toBe(a);
  });
});

describe('cacheOffered', () => {
  it('needs the runtime token and the service URL of the version in use', () => {
    expect(cacheOffered({})).toBe(false);
    expect(cacheOffered({ ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_CACHE_URL: 'http://legacy/' })).toBe(true);
    expect(cacheOffered({ ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_CACHE_SERVICE_V2: 'True' })).toBe(false);
    expect(
      cacheOffered({ ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_CACHE_SERVICE_V2: 'True', ACTIONS_RESULTS_URL: 'http://v2/' }),
    ).toBe(true);
    // GitHub Enterprise Server speaks the legacy service only.
    expect(
      cacheOffered({
        ACTIONS_RUNTIME_TOKEN: 't',
        ACTIONS_CACHE_SERVICE_V2: 'True',
        ACTIONS_RESULTS_URL: 'http://v2/',
        GITHUB_SERVER_URL: 'https://ghes.example.com',
      }),
    ).toBe(false);
  });
});
