// The rejected-items and differences files outlive the job: a local one
// (RUNNER_TEMP by default, gone when the job ends) is uploaded as a workflow
// artifact of its own on GitHub, and the summary links it. An upload that
// fails or hangs is a warning, never a failed step.

import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { ArtifactLink, TransferResult } from './result.js';
import { onGitHubDotCom } from './runner.js';
import { type TaskAnswer, runTaskWorker } from './task-worker.js';

type Env = Record<string, string | undefined>;

export interface ArtifactTask {
  path: string;
}

export type ArtifactAnswer = TaskAnswer<{ id: number }>;

/** An upload that takes longer is abandoned, with a warning. */
export const ARTIFACT_TIMEOUT_MS = 60_000;

/** Artifacts (v4) are offered by github.com's results service, not by GitHub Enterprise Server. */
export function artifactsOffered(env: Env): boolean {
  return Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL) && onGitHubDotCom(env);
}

export async function uploadArtifacts(
  result: TransferResult,
  env: Env,
  log: { info(line: string): void; warning(line: string): void },
  timeoutMs = ARTIFACT_TIMEOUT_MS,
): Promise<TransferResult> {
  if (!artifactsOffered(env)) return result;
  const files: [ArtifactLink['what'], string | undefined][] = [
    ['rejected items', result.rejectedItems],
    ['differences', result.verification?.differences],
  ];
  const artifacts: ArtifactLink[] = [];
  for (const [what, path] of files) {
    if (path === undefined || path.startsWith('s3://') || !existsSync(path)) continue;
    const answer = await runTaskWorker<{ id: number }>({ artifactTask: { path } }, timeoutMs, 'artifact');
    if (!answer.ok) {
      log.warning(
        `The ${what} file could not be uploaded as a workflow artifact (${answer.error}); it is at ${path} until the job ends.`,
      );
      continue;
    }
    const name = basename(path);
    const url = `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY ?? ''}/actions/runs/${env.GITHUB_RUN_ID ?? ''}/artifacts/${answer.id}`;
    log.info(`The ${what} file is kept as the workflow artifact ${name}: ${url}`);
    artifacts.push({ what, name, url });
  }
  return artifacts.length === 0 ? result : { ...result, artifacts };
}
