// The direct engine: this action reads and writes the data itself.

import type { Plan } from '../plan.js';
import type { TransferResult } from '../result.js';
import type { EngineDeps } from './deps.js';
import { runExport } from './export.js';
import { runImport } from './import.js';

export async function runDirect(plan: Plan, deps: EngineDeps, engineReason: string): Promise<TransferResult> {
  return plan.mode === 'export' ? runExport(plan, deps, engineReason) : runImport(plan, deps, engineReason);
}
