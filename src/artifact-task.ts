// Inside the artifact worker (see artifacts.ts): one file uploaded as a
// workflow artifact of its own, as it is (no zip), answered with a message.
// Failures are answers, never thrown: an artifact cannot fail the step.

import { DefaultArtifactClient } from '@actions/artifact';
import { basename, dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { ArtifactAnswer, ArtifactTask } from './artifacts.js';

export async function runArtifactTaskInWorker(): Promise<void> {
  const task = (workerData as { artifactTask: ArtifactTask }).artifactTask;
  let answer: ArtifactAnswer;
  try {
    const { id } = await new DefaultArtifactClient().uploadArtifact(
      basename(task.path),
      [task.path],
      dirname(task.path),
      { skipArchive: true },
    );
    answer = id === undefined ? { ok: false, error: 'the service gave no artifact id' } : { ok: true, id };
  } catch (error) {
    answer = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(answer);
}
