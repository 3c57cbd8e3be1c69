// Builds plans from inputs the way the runner passes them, at a fixed time.

import { InputError } from '../src/errors.js';
import { readPlan } from '../src/inputs/index.js';
import type { Plan } from '../src/plan.js';
import { inputEnv } from './run-action.js';

export const NOW = new Date('2026-01-15T12:00:00Z');

export const BASE_ENV = {
  AWS_REGION: 'eu-west-1',
  GITHUB_RUN_ID: '987',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_SHA: 'abc123',
  GITHUB_REF_NAME: 'feature/x',
  GITHUB_WORKSPACE: '/workspace',
  RUNNER_TEMP: '/runner/tmp',
};

export const EXPORT = { mode: 'export', 'table-name': 'Orders', bucket: 'backups' };
export const IMPORT = { mode: 'import', 'table-name': 'Orders', bucket: 'backups', 'partition-key': 'id:S' };
export const VALIDATE = { mode: 'validate', path: 'fixtures', 'partition-key': 'id:S' };

export function plan(inputs: Record<string, string>, env: Record<string, string> = {}): Plan {
  return readPlan({ env: { ...BASE_ENV, ...env, ...inputEnv(inputs) }, now: NOW, cwd: '/cwd' });
}

/** The messages of every problem the inputs have; [] when they make a plan. */
export function problems(inputs: Record<string, string>, env: Record<string, string> = {}): string[] {
  try {
    plan(inputs, env);
    return [];
  } catch (error) {
    if (error instanceof InputError) return error.problems.map((p) => p.message);
    throw error;
  }
}
