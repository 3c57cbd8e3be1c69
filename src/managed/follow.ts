// Follows a started job: returns at once with wait: false, else polls until a
// final status, the timeout or a cancellation, logging each poll.

import { formatDuration } from '../parsing/values.js';
import type { Plan } from '../plan.js';
import type { ManagedDeps } from './deps.js';
import { pollUntil } from '../aws/poll.js';

export interface Followed<T> {
  state: T;
  timedOut: boolean;
  aborted: boolean;
  note: string;
}

const FINAL = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);

export async function followJob<T>(options: {
  plan: Plan;
  deps: ManagedDeps;
  initial: T;
  describe: () => Promise<T>;
  statusOf: (state: T) => string | undefined;
  progressOf: (state: T) => string;
}): Promise<Followed<T>> {
  const { plan, deps } = options;
  if (!plan.waiting.wait) {
    return {
      state: options.initial,
      timedOut: false,
      aborted: false,
      note: 'wait is false: the job goes on server-side; follow it with its ARN.',
    };
  }
  const outcome = await pollUntil({
    describe: options.describe,
    isFinal: (state) => FINAL.has(options.statusOf(state) ?? ''),
    onPoll: (state) => deps.log(`${options.statusOf(state)}: ${options.progressOf(state)}`),
    firstIntervalMs: plan.waiting.pollIntervalMs,
    deadline: deps.now() + plan.waiting.timeoutMs,
    signal: deps.signal,
    sleep: deps.sleep,
    now: deps.now,
  });
  const state = outcome.state ?? options.initial;
  if (outcome.kind === 'final') return { state, timedOut: false, aborted: false, note: '' };
  if (outcome.kind === 'deadline') {
    // A job whose status could not be read for the last polls is not known to be running.
    const status =
      outcome.lastError === undefined
        ? 'Still running'
        : `The status could not be read at the last poll (${outcome.lastError}), so it is unknown,`;
    return {
      state,
      timedOut: true,
      aborted: false,
      note: `${status} after ${formatDuration(plan.waiting.timeoutMs)} (timeout); the job goes on server-side.`,
    };
  }
  return {
    state,
    timedOut: false,
    aborted: true,
    note: 'The step was cancelled while waiting; the job goes on server-side.',
  };
}

export function consoleLink(region: string, kind: 'import' | 'export', arn: string): string {
  const page = kind === 'import' ? 'import-from-s3' : 'export-to-s3';
  return `https://${region}.console.aws.amazon.com/dynamodbv2/home?region=${region}#${page}/${encodeURIComponent(arn)}`;
}
