// Inside the worker: run() with an AbortSignal fed by the main thread, and the
// exit code handed back through the worker's own exit.

import * as core from '@actions/core';
import { parentPort } from 'node:worker_threads';
import { run } from './main.js';

export async function runInsideWorker(): Promise<void> {
  const controller = new AbortController();
  parentPort?.on('message', (message: { abort?: string }) => {
    if (message.abort === undefined) return;
    core.info(`Received ${message.abort}: stopping, and reporting what was done.`);
    controller.abort();
  });
  await run({ env: process.env, now: () => new Date(), cwd: process.cwd(), signal: controller.signal });
  parentPort?.removeAllListeners('message');
  parentPort?.close();
}
