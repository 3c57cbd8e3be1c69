// The managed engine: AWS does the work server-side; this action starts it
// right, waits well and explains the result.

import { TransferError } from '../errors.js';
import type { Plan } from '../plan.js';
import type { TransferResult } from '../result.js';
import type { ManagedDeps } from './deps.js';
import { runManagedExport } from './export.js';
import { runManagedImport } from './import.js';

export async function runManaged(plan: Plan, deps: ManagedDeps, engineReason: string): Promise<TransferResult> {
  if (plan.mode === 'validate' || plan.mode === 'verify')
    throw new TransferError('INVALID_INPUT', `mode: ${plan.mode} runs on the direct engine only.`);
  return plan.mode === 'export'
    ? runManagedExport(plan, deps, engineReason)
    : runManagedImport(plan, deps, engineReason);
}
