// DynamoDB Local is AWS's jar and needs a Java 17+ runtime. The demo checks
// for one before starting any server, so that a machine without Java hears
// what to install instead of "DynamoDB Local did not start".

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const REQUIRED_JAVA_MAJOR = 17;

export interface JavaFound {
  /** What was run: $JAVA_HOME/bin/java, else `java` on PATH, as test/servers.ts starts DynamoDB Local. */
  command: string;
  /** The major version `java -version` reported; undefined when it did not run or said no version. */
  major: number | undefined;
  /** Why it did not run (ENOENT when there is no such command), or its first line of output. */
  detail: string;
}

/** The major version in `java -version` output: 17 for "17.0.15", 8 for "1.8.0_381", 21 for "21" or "21-ea". */
export function parseJavaMajor(output: string): number | undefined {
  const version = /version "([^"]+)"/.exec(output)?.[1];
  if (version === undefined) return undefined;
  const [first, second] = version.split(/[._+-]/);
  const major = Number(first === '1' ? second : first);
  return Number.isInteger(major) && major > 0 ? major : undefined;
}

export function findJava(env: NodeJS.ProcessEnv = process.env): JavaFound {
  const command = env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java';
  const result = spawnSync(command, ['-version'], { env, encoding: 'utf8', timeout: 30_000 });
  if (result.error !== undefined) {
    const code = (result.error as NodeJS.ErrnoException).code;
    return { command, major: undefined, detail: code ?? result.error.message };
  }
  // Java prints its version on stderr; a stub (macOS's /usr/bin/java without a JDK) prints why it cannot run.
  const output = `${result.stderr}${result.stdout}`;
  const firstLine = output.split('\n').find((line) => line.trim() !== '' && !line.startsWith('Picked up ')) ?? '';
  const major = result.status === 0 ? parseJavaMajor(output) : undefined;
  return { command, major, detail: firstLine.trim() || `exit code ${result.status}` };
}

/** Why DynamoDB Local cannot start with this environment's Java, or undefined when it can. */
export function javaProblem(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const java = findJava(env);
  if (java.major !== undefined && java.major >= REQUIRED_JAVA_MAJOR) return undefined;
  const which = env.JAVA_HOME ? `${java.command} (from JAVA_HOME)` : '`java` on PATH';
  const found =
    java.detail === 'ENOENT'
      ? `there is no ${which}`
      : java.major !== undefined
        ? `the ${which} is Java ${java.major} (${java.detail})`
        : `the ${which} did not say its version (${java.detail})`;
  return [
    `DynamoDB Local needs a Java ${REQUIRED_JAVA_MAJOR}+ runtime, and ${found}.`,
    'Install one with `sudo apt-get install default-jre-headless` (Debian, Ubuntu),',
    `or put any JDK ${REQUIRED_JAVA_MAJOR}+ on PATH (or set JAVA_HOME to it), then run the command again.`,
  ].join('\n');
}
