// run(): inputs -> plan -> engine -> report. One catch at the top turns any
// thrown value into a failed step; nothing below calls process.exit.

import * as core from '@actions/core';
import { createClients } from './aws.js';
import { Output } from './constants.js';
import { chooseEngine, tableExists } from './engine-choice.js';
import { TransferError, messageOf } from './errors.js';
import { readPlan } from './inputs.js';
import { describePlan } from './plan-text.js';
import { writeSummary } from './report.js';
import { renderStartFailure } from './summary.js';

export interface RunDeps {
  env: Record<string, string | undefined>;
  now: () => Date;
  cwd: string;
}

export async function run(
  deps: RunDeps = { env: process.env, now: () => new Date(), cwd: process.cwd() },
): Promise<void> {
  const started = deps.now();
  try {
    const plan = readPlan({ env: deps.env, now: started, cwd: deps.cwd });
    const clients = createClients(plan.aws);
    const choice = await chooseEngine(plan, (name) => tableExists(clients.dynamodb, name));
    core.startGroup('Plan');
    for (const line of describePlan(plan, choice)) core.info(line);
    core.endGroup();
    core.setOutput(Output.Engine, choice.engine);
    // The engines arrive in their own issues; until then say so plainly.
    throw new TransferError(
      'ENGINE_NOT_AVAILABLE',
      `The ${choice.engine} engine is not available yet in this version of dynamodb-s3-transfer.`,
    );
  } catch (error) {
    const message = messageOf(error);
    core.setOutput(Output.DurationSeconds, (deps.now().getTime() - started.getTime()) / 1000);
    writeSummary(renderStartFailure(message), deps.env.GITHUB_STEP_SUMMARY, core);
    core.setFailed(message);
  }
}
