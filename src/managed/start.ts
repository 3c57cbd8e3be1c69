// Starting a job idempotently: the derived client token finds a job this
// step already started; a job found that way which FAILED or was CANCELLED
// is started afresh with the run attempt in the token, and the log says so.

import { deriveClientToken } from './client-token.js';
import type { ManagedDeps } from './deps.js';

export interface StartedJob<T> {
  job: T;
  token: string;
  restarted: boolean;
}

export async function startIdempotently<T>(options: {
  request: unknown;
  givenToken: string | undefined;
  deps: ManagedDeps;
  start: (token: string) => Promise<T>;
  statusOf: (job: T) => string | undefined;
  what: string;
}): Promise<StartedJob<T>> {
  const { deps } = options;
  const token = options.givenToken ?? deriveClientToken(options.request, { env: deps.env });
  const job = await options.start(token);
  const status = options.statusOf(job);
  if (options.givenToken !== undefined || (status !== 'FAILED' && status !== 'CANCELLED')) {
    return { job, token, restarted: false };
  }
  const attempt = deps.env.GITHUB_RUN_ATTEMPT ?? String(deps.now());
  deps.log(
    `This step already started this ${options.what} before, and it ended ${status}; starting a new one (run attempt ${attempt}).`,
  );
  const retryToken = deriveClientToken(options.request, { env: deps.env, attempt });
  return { job: await options.start(retryToken), token: retryToken, restarted: true };
}
