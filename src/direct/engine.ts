// The direct engine: this action reads and writes the data itself.

import type { Plan } from '../plan.js';
import type { TransferResult } from '../result.js';
import type { EngineDeps } from './deps.js';
import { runExport } from './export.js';
import { runImport } from './import.js';
import { runVerify } from '../verify/run.js';

export async function runDirect(plan: Plan, deps: EngineDeps, engineReason: string): Promise<TransferResult> {
  if (plan.mode === 'verify') return runVerify(plan, deps, engineReason);
  return plan.mode === 'export' ? runExport(plan, deps, engineReason) : runImport(plan, deps, engineReason);
}
