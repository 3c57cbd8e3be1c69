// run(): inputs -> plan -> engine -> report. One catch at the top turns any
// thrown value into a failed step; nothing below calls process.exit.

import * as core from '@actions/core';
import { tmpdir } from 'node:os';
import { uploadArtifacts } from './artifacts.js';
import { type AwsClients, createClients } from './aws/clients.js';
import { Output } from './constants.js';
import type { EngineDeps } from './direct/deps.js';
import { runDirect } from './direct/engine.js';
import { type EngineChoice, chooseEngine } from './engine-choice.js';
import { TransferError, failureMessage } from './errors.js';
import { describeTable } from './aws/table.js';
import { explainTableNotFound } from './aws/table-elsewhere.js';
import { unreachable } from './aws/errors.js';
import { readGuard } from './storage/s3-read.js';
import { readPlan } from './inputs/index.js';
import { undeclaredInputs, undeclaredWarning } from './inputs/undeclared.js';
import { runManaged } from './managed/engine.js';
import { abortableSleep } from './aws/poll.js';
import type { Plan } from './plan.js';
import { clip } from './markdown.js';
import { afterMaxDuration, workSignal } from './max-duration.js';
import { describePlan } from './plan-text.js';
import { report, writeSummary } from './report.js';
import type { TransferResult } from './result.js';
import { renderStartFailure, renderWorkFailure } from './summary.js';
import { type RestoreSource, findRestore } from './restore/detect.js';
import { restoreEngine } from './restore/engine.js';
import { runRestore } from './restore/run.js';
import { verifyAfter } from './verify/run.js';

export interface RunDeps {
  env: Record<string, string | undefined>;
  now: () => Date;
  cwd: string;
  /** Aborted on SIGTERM or SIGINT, when a workflow is cancelled. */
  signal?: AbortSignal;
}

export async function run(deps: RunDeps): Promise<void> {
  const started = deps.now();
  let working: Plan['mode'] | undefined;
  let choice: EngineChoice | undefined;
  let planned: Plan | undefined;
  try {
    for (const input of undeclaredInputs(deps.env)) core.warning(undeclaredWarning(input));
    const plan = readPlan({ env: deps.env, now: started, cwd: deps.cwd });
    planned = plan;
    const clients = createClients(plan.aws);
    choice = await chooseEngine(plan, async (name) => (await describeTable(clients.dynamodb, name)) !== undefined);
    core.startGroup('Plan');
    for (const line of describePlan(plan, choice)) core.info(line);
    core.endGroup();
    working = plan.mode;
    core.startGroup('Pre-flight checks');
    // A source of exports (an incremental export, a chain) is restored rather than imported: reading it is work.
    const restore =
      plan.mode === 'import' || plan.mode === 'validate'
        ? await findRestore(plan, clients.s3, deps.now(), readGuard(deps))
        : undefined;
    if (restore !== undefined) {
      choice = restoreEngine(choice, restore.chain);
      core.info(
        `The source holds exports of a table: restoring them. Engine: ${choice.engine}, because ${choice.reason}.`,
      );
    }
    const engine: EngineChoice = choice;
    // max-duration and timeout stop the direct engine through the signal a cancel aborts; a managed job runs
    // server-side, and its poll stops waiting at timeout.
    const direct = engine.engine === 'direct';
    const limit = direct && 'maxDurationMs' in plan ? plan.maxDurationMs : undefined;
    const work = workSignal(
      deps.signal,
      limit,
      started.getTime(),
      () => deps.now().getTime(),
      (reached) => core.info(`${reached.message}: stopping, and keeping where the work stopped for the next run.`),
      direct ? plan.waiting.timeoutMs : undefined,
    );
    const result = await runEngine(plan, engine, clients, { ...deps, signal: work.signal }, restore)
      .finally(() => work.dispose())
      // max-duration bounds the work; a comparison after it (verify: true) runs to its end unless cancelled.
      .then((done) =>
        plan.mode === 'import' || plan.mode === 'export'
          ? verifyAfter(plan, done, directDeps(engine, clients, deps))
          : done,
      )
      .finally(() => core.endGroup());
    const stopped = afterMaxDuration(result, work.signal);
    if (stopped.status === 'IN_PROGRESS' && stopped.engine === 'direct') core.info(stopped.note ?? '');
    const shown = plan.uploadArtifacts ? await uploadArtifacts(stopped, deps.env, core) : stopped;
    report(withContext(shown, plan, deps.env), plan.maxErrors, core, deps.env.GITHUB_STEP_SUMMARY);
  } catch (thrown) {
    const error =
      planned === undefined ? thrown : await explainTableNotFound(thrown, planned.aws, tableNameOf(planned), deps.env);
    const message = failureMessage(unreachable(error));
    if (choice !== undefined) core.setOutput(Output.Engine, choice.engine);
    core.setOutput(Output.DurationSeconds, (deps.now().getTime() - started.getTime()) / 1000);
    // Once work began, a step that ends here still says how: a refused input has no status, as nothing ran.
    if (working !== undefined) core.setOutput(Output.Status, cancelled(error) ? 'CANCELLED' : 'FAILED');
    const summary = working === undefined ? renderStartFailure(message) : renderWorkFailure(working, message);
    writeSummary(summary, deps.env.GITHUB_STEP_SUMMARY, core);
    core.setFailed(clip(message, 20_000));
  }
}

function tableNameOf(plan: Plan): string | undefined {
  return plan.mode === 'export' ? plan.table.name : plan.tableName;
}

function cancelled(error: unknown): boolean {
  return error instanceof TransferError && error.code === 'CANCELLED';
}

function commonDeps(choice: EngineChoice, clients: AwsClients, deps: RunDeps) {
  return {
    ...clients,
    log: (line: string) => core.info(line),
    warn: (line: string) => core.warning(line),
    now: () => deps.now().getTime(),
    // Each phase of the work in its own collapsible group; groups cannot nest.
    phase: (name: string) => {
      core.endGroup();
      core.startGroup(`${name} (${choice.engine} engine)`);
    },
  };
}

/** What the direct engine needs; also what a comparison after either engine's work needs (`verify: true`). */
function directDeps(choice: EngineChoice, clients: AwsClients, deps: RunDeps): EngineDeps {
  const workspace = deps.env.GITHUB_WORKSPACE;
  return {
    ...commonDeps(choice, clients, deps),
    sleep: abortableSleep,
    ...(deps.signal && { signal: deps.signal }),
    tempDir: deps.env.RUNNER_TEMP ?? tmpdir(),
    ...(workspace && { workspace }),
    ...dataFileSize(deps.env),
    env: deps.env,
  };
}

/** For tests only: small export data files (DYNAMODB_S3_TRANSFER_DATA_FILE_BYTES), so a small table makes many. */
function dataFileSize(env: RunDeps['env']): { dataFileMaxBytes?: number } {
  const bytes = Number(env.DYNAMODB_S3_TRANSFER_DATA_FILE_BYTES ?? '');
  return Number.isSafeInteger(bytes) && bytes > 0 ? { dataFileMaxBytes: bytes } : {};
}

function runEngine(
  plan: Plan,
  choice: EngineChoice,
  clients: AwsClients,
  deps: RunDeps,
  restore: RestoreSource | undefined,
): Promise<TransferResult> {
  const managed = {
    ...commonDeps(choice, clients, deps),
    sleep: abortableSleep,
    env: deps.env,
    ...(deps.signal && { signal: deps.signal }),
  };
  const direct = directDeps(choice, clients, deps);
  if (restore !== undefined && (plan.mode === 'import' || plan.mode === 'validate'))
    return runRestore(plan, restore, choice, { managed, direct });
  if (choice.engine === 'managed') return runManaged(plan, managed, choice.reason);
  return runDirect(plan, direct, choice.reason);
}

/** Console links only when the endpoints are AWS's; the action's own reference for the import-back snippet. */
function withContext(result: TransferResult, plan: Plan, env: RunDeps['env']): TransferResult {
  const onAws =
    plan.aws.endpointUrl === undefined &&
    !plan.aws.s3Compatible &&
    !env.AWS_ENDPOINT_URL_DYNAMODB &&
    !env.AWS_ENDPOINT_URL;
  const uses = env.GITHUB_ACTION_REPOSITORY
    ? `${env.GITHUB_ACTION_REPOSITORY}@${env.GITHUB_ACTION_REF || 'v1'}`
    : undefined;
  const continuable = result.engine === 'direct' && (result.mode === 'export' || result.mode === 'import');
  return {
    ...result,
    ...(continuable && { resumed: result.resumed ?? false }),
    ...(onAws && { consoleRegion: plan.aws.region }),
    ...(uses && { uses }),
    ...(plan.aws.endpointUrl !== undefined && { endpointUrl: plan.aws.endpointUrl }),
    ...(plan.aws.s3EndpointUrl !== undefined && { s3EndpointUrl: plan.aws.s3EndpointUrl }),
  };
}
