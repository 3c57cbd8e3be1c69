// The entry GitHub runs. The work happens in a worker thread whose young
// generation is capped: Node's default lets the heap of a long import grow
// well past 200 MB, and an action cannot pass V8 flags to the runner's node.
import { isMainThread, workerData } from 'node:worker_threads';

if (isMainThread) {
  const { runInWorker } = await import('./worker-launch.js');
  await runInWorker(new URL(import.meta.url));
} else if ((workerData as { cacheTask?: unknown } | null)?.cacheTask !== undefined) {
  // A checkpoint's cache restore or save, in a worker of its own (src/checkpoint/cache.ts).
  const { runCacheTaskInWorker } = await import('./checkpoint/cache-task.js');
  await runCacheTaskInWorker();
} else if ((workerData as { artifactTask?: unknown } | null)?.artifactTask !== undefined) {
  // A file uploaded as a workflow artifact, in a worker of its own (src/artifacts.ts).
  const { runArtifactTaskInWorker } = await import('./artifact-task.js');
  await runArtifactTaskInWorker();
} else {
  const { runInsideWorker } = await import('./worker-main.js');
  await runInsideWorker();
}
