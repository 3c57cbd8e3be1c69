// Idempotent starts: the client token comes from the repository, the run,
// the job, the step and a hash of the request (not the run attempt), so a
// re-run of a step cut off while waiting finds the job it already started
// instead of paying for a second one, and a changed request never gets the
// old job back.

import { createHash } from 'node:crypto';

export interface TokenContext {
  env: Record<string, string | undefined>;
  /** Added after a job found by the token had FAILED or been CANCELLED. */
  attempt?: string;
}

export function deriveClientToken(request: unknown, context: TokenContext): string {
  const { env } = context;
  const parts = [
    env.GITHUB_REPOSITORY,
    env.GITHUB_RUN_ID,
    env.GITHUB_JOB,
    env.GITHUB_ACTION,
    requestHash(request),
    context.attempt ?? '',
  ];
  // 36 characters at most, as ImportTable allows; no `$`.
  return `dst-${createHash('sha256')
    .update(parts.map((p) => p ?? '').join('\u0000'))
    .digest('hex')
    .slice(0, 32)}`;
}

/** A hash of the request that does not depend on key order. */
export function requestHash(request: unknown): string {
  return createHash('sha256').update(canonical(request)).digest('hex');
}

function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString('base64'));
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
