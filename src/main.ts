// run(): inputs -> plan -> engine -> report. One catch at the top turns any
// thrown value into a failed step; nothing below calls process.exit.

import * as core from '@actions/core';
import { tmpdir } from 'node:os';
import { createClients } from './aws.js';
import { Output } from './constants.js';
import { runDirect } from './direct/engine.js';
import { chooseEngine, tableExists } from './engine-choice.js';
import { TransferError, messageOf } from './errors.js';
import { readPlan } from './inputs.js';
import { describePlan } from './plan-text.js';
import { report, writeSummary } from './report.js';
import { renderStartFailure } from './summary.js';

export interface RunDeps {
  env: Record<string, string | undefined>;
  now: () => Date;
  cwd: string;
}

const defaultDeps: RunDeps = { env: process.env, now: () => new Date(), cwd: process.cwd() };

export async function run(deps: RunDeps = defaultDeps): Promise<void> {
  const started = deps.now();
  try {
    const plan = readPlan({ env: deps.env, now: started, cwd: deps.cwd });
    const clients = createClients(plan.aws);
    const choice = await chooseEngine(plan, (name) => tableExists(clients.dynamodb, name));
    core.startGroup('Plan');
    for (const line of describePlan(plan, choice)) core.info(line);
    core.endGroup();
    core.setOutput(Output.Engine, choice.engine);
    if (choice.engine === 'managed') {
      // The managed engine arrives in its own issue; until then say so plainly.
      throw new TransferError(
        'ENGINE_NOT_AVAILABLE',
        'The managed engine is not available yet in this version of dynamodb-s3-transfer; use engine: direct.',
      );
    }
    const result = await runDirect(
      plan,
      {
        ...clients,
        log: (line) => core.info(line),
        warn: (line) => core.warning(line),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        now: () => deps.now().getTime(),
        tempDir: deps.env.RUNNER_TEMP ?? tmpdir(),
      },
      choice.reason,
    );
    report(result, plan.maxErrors, core, deps.env.GITHUB_STEP_SUMMARY);
  } catch (error) {
    const message = messageOf(error);
    core.setOutput(Output.DurationSeconds, (deps.now().getTime() - started.getTime()) / 1000);
    writeSummary(renderStartFailure(message), deps.env.GITHUB_STEP_SUMMARY, core);
    core.setFailed(message);
  }
}
