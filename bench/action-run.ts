// The built action started as the runner starts it, with its peak memory read
// from /proc while it runs: what the transfer benchmarks measure.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionEntry, inputEnv } from '../test/run-action.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../test/servers.js';

export interface ChildRun {
  seconds: number;
  peakMb: number;
  /** CPU time the process used, every thread (to its last sample, 100 ms before its exit at most): what load on the machine does not stretch. */
  cpuSeconds: number;
  /** Peak resident memory by each quarter of the run's time. */
  quarters: number[];
  exitCode: number | null;
  outputs: string;
  /** The `::error::` and `::warning::` lines the run printed: why it failed, when it did. */
  problems: string[];
  /** The last line the action had logged when memory peaked: which phase of the work holds the most. */
  peakAfter: string;
}

/**
 * Runs the action with these inputs; `dataDir` holds its outputs file and is its RUNNER_TEMP. `entry` is
 * dist/index.js, or ACTION_ENTRY, unless a benchmark built src/ elsewhere (test/build-action.ts).
 */
export async function runActionMeasured(
  inputs: Record<string, string>,
  dataDir: string,
  entry = actionEntry(),
): Promise<ChildRun> {
  const outputFile = join(dataDir, 'outputs.txt');
  writeFileSync(outputFile, '');
  const env = {
    PATH: process.env.PATH ?? '',
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_REGION: LOCAL_REGION,
    GITHUB_OUTPUT: outputFile,
    RUNNER_TEMP: dataDir,
    ...(process.env.BENCH_NODE_OPTIONS === undefined ? {} : { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS }),
    ...(process.env.MALLOC_ARENA_MAX === undefined ? {} : { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX }),
    ...inputEnv(inputs),
  };
  const started = performance.now();
  // BENCH_NODE_ARGS: Node options NODE_OPTIONS does not take, such as --trace-gc.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const problems: string[] = [];
  let partial = '';
  let lastLine = '(before its first line)';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    // BENCH_LOG: the action's whole log (with BENCH_NODE_ARGS=--trace-gc, where its heap goes).
    if (process.env.BENCH_LOG !== undefined) appendFileSync(process.env.BENCH_LOG, chunk);
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    problems.push(...lines.filter((l) => /^::(error|warning)/.test(l)).map((l) => l.slice(0, 500)));
    const logged = lines.filter((l) => l.trim() !== '' && !l.startsWith('::'));
    lastLine = logged.at(-1)?.slice(0, 160) ?? lastLine;
  });
  const samples: { at: number; rss: number; after: string }[] = [];
  let cpuSeconds = 0;
  const timer = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      samples.push({ at: performance.now() - started, rss, after: lastLine });
      // utime and stime, fields 14 and 15, in clock ticks of 1/100 s; the name before them may hold spaces.
      const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpuSeconds = (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // the process has just exited
    }
  }, 100);
  const [exitCode] = (await once(child, 'exit')) as [number | null];
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  const quarters = [1, 2, 3, 4].map((q) =>
    Math.round(Math.max(0, ...samples.filter((s) => s.at <= (seconds * 1000 * q) / 4).map((s) => s.rss))),
  );
  const peak = samples.reduce((top, s) => (s.rss > top.rss ? s : top), { at: 0, rss: 0, after: '' });
  return {
    seconds,
    peakMb: peak.rss,
    peakAfter: peak.after,
    cpuSeconds,
    quarters,
    exitCode,
    outputs: existsSync(outputFile) ? readFileSync(outputFile, 'utf8') : '',
    problems,
  };
}

/** Peak memory, by quarter, and the exit code; for a failed run, why it failed on the lines below. */
export function describeRun(run: ChildRun): string {
  const cpu = `CPU ${run.cpuSeconds.toFixed(0)} s (${((run.cpuSeconds / run.seconds) * 100).toFixed(0)}% of a core)`;
  const line = `${cpu}, peak ${run.peakMb.toFixed(0)} MB (by quarter ${run.quarters.join('/')} MB, after "${run.peakAfter}")   exit ${run.exitCode}`;
  return run.exitCode === 0 ? line : [line, ...run.problems.map((p) => `    ${p}`)].join('\n');
}
