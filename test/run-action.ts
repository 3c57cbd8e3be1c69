// Runs the built action as the GitHub runner does: INPUT_<NAME>
// variables with the hyphens kept and action.yml's defaults filled in, temp
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and the GITHUB_* context.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, readActionYml } from './action-yml.js';

export interface ActionRun {
  exitCode: number | null;
  /** Milliseconds from the signal (when one was sent) to the exit. */
  exitAfterSignalMs?: number;
  outputs: Record<string, string>;
  summary: string;
  /** stdout and stderr together, as the job log shows them. */
  log: string;
}

export interface RunOptions {
  /** Extra environment, such as AWS_REGION or credentials. */
  env?: Record<string, string>;
  /** Leave GITHUB_STEP_SUMMARY unset, as some runners do. */
  noSummaryFile?: boolean;
  timeoutMs?: number;
  /** Sends `signal.name` to the action once its log satisfies `signal.when`, as a cancelled workflow does. */
  signal?: { name: NodeJS.Signals; when: (log: string) => boolean };
}

export function inputEnv(inputs: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, meta] of Object.entries(readActionYml().inputs)) {
    if (meta.default !== undefined) env[`INPUT_${name.toUpperCase()}`] = meta.default;
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  return env;
}

export async function runAction(inputs: Record<string, string>, options: RunOptions = {}): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'action-run-'));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_WORKSPACE: ROOT,
    GITHUB_REPOSITORY: 'example/dynamodb-s3-transfer',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'test',
    GITHUB_ACTION: '__self',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF_NAME: 'main',
    RUNNER_TEMP: dir,
    ...(options.noSummaryFile ? {} : { GITHUB_STEP_SUMMARY: summaryFile }),
    ...inputEnv(inputs),
    ...options.env,
  };
  try {
    const { exitCode, log, exitAfterSignalMs } = await spawnNode(
      actionEntry(),
      env,
      options.timeoutMs ?? 120_000,
      options.signal,
    );
    return {
      exitCode,
      log,
      ...(exitAfterSignalMs === undefined ? {} : { exitAfterSignalMs }),
      outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
      summary: options.noSummaryFile ? '' : readFileSync(summaryFile, 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The integration tests' fresh build of src/ (test/global-setup.ts); dist/ elsewhere, as in the demo. */
export function actionEntry(): string {
  return process.env.ACTION_ENTRY ?? join(ROOT, 'dist', 'index.js');
}

function spawnNode(
  script: string,
  env: Record<string, string>,
  timeoutMs: number,
  signal: RunOptions['signal'],
): Promise<{ exitCode: number | null; log: string; exitAfterSignalMs?: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    let signalledAt: number | undefined;
    const maybeSignal = (): void => {
      if (signal !== undefined && signalledAt === undefined && signal.when(log)) {
        signalledAt = Date.now();
        child.kill(signal.name);
      }
    };
    const onData = (chunk: Buffer): void => {
      log += chunk.toString();
      maybeSignal();
    };
    // Also asked while the log is quiet: \`when\` may watch something else, such as a proxy's calls.
    const watch = setInterval(maybeSignal, 100);
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      clearInterval(watch);
      resolve({
        exitCode: code,
        log,
        ...(signalledAt === undefined ? {} : { exitAfterSignalMs: Date.now() - signalledAt }),
      });
    });
  });
}

/** The file format of @actions/core's setOutput: `name<<DELIM\nvalue\nDELIM`. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '');
    if (match === null) continue;
    const [, name, delimiter] = match;
    const value: string[] = [];
    for (i += 1; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
    outputs[name ?? ''] = value.join('\n');
  }
  return outputs;
}
