// Where an import's checkpoint is kept: the `checkpoint` input when given;
// otherwise the GitHub Actions cache when the runner offers one, so that a
// re-run on a fresh runner finds it; otherwise a file under RUNNER_TEMP
// (self-hosted runners keep it between runs). The cache key and the file name
// come from the client token, the same on a re-run of the step.

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deriveClientToken } from '../managed/client-token.js';
import type { Location } from '../plan.js';
import { onGitHubDotCom } from '../runner.js';
import { CacheCheckpoint } from './cache.js';
import { type CheckpointPlace, FileCheckpoint, S3Checkpoint } from './places.js';
import type { ImportIdentity } from './state.js';
import type { S3Access } from '../aws/lazy-clients.js';

type Env = Record<string, string | undefined>;

export function checkpointPlace(
  given: Location | undefined,
  identity: ImportIdentity,
  context: { env: Env; s3: S3Access; clientToken?: string | undefined },
): CheckpointPlace {
  if (given?.kind === 's3') return new S3Checkpoint(context.s3, given.bucket, given.prefix, given.owner);
  if (given?.kind === 'local') return new FileCheckpoint(given.path);
  const token = context.clientToken ?? deriveClientToken({ importCheckpoint: identity }, { env: context.env });
  const file = join(context.env.RUNNER_TEMP || tmpdir(), 'dynamodb-s3-transfer-checkpoints', `${token}.json`);
  if (cacheOffered(context.env)) return new CacheCheckpoint(file, `dynamodb-s3-transfer-checkpoint-${token}-`);
  return new FileCheckpoint(file);
}

/**
 * @actions/cache's isFeatureAvailable, without loading the library (and the
 * Azure SDK it brings) into the worker that moves the data: the v2 service
 * on github.com, the legacy one on GitHub Enterprise Server.
 */
export function cacheOffered(env: Env): boolean {
  if (!env.ACTIONS_RUNTIME_TOKEN) return false;
  return onGitHubDotCom(env) && env.ACTIONS_CACHE_SERVICE_V2
    ? Boolean(env.ACTIONS_RESULTS_URL)
    : Boolean(env.ACTIONS_CACHE_URL);
}
