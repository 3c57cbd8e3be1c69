// The direct engine: this action reads and writes the data itself, within
// the capacity budget (max-capacity), settled here before any work.

import type { Plan } from '../plan.js';
import type { TransferResult } from '../result.js';
import { runVerify } from '../verify/run.js';
import { meterFor } from './budget.js';
import type { EngineDeps } from './deps.js';
import { runExport } from './export.js';
import { runImport } from './import.js';

export async function runDirect(plan: Plan, deps: EngineDeps, engineReason: string): Promise<TransferResult> {
  // Validate writes nothing and reads no table: nothing to meter.
  if (plan.mode === 'validate') return runImport(plan, deps, engineReason);
  const meter =
    plan.mode === 'import'
      ? await meterFor(plan, 'write', plan.tableName, deps, plan.tableParameters)
      : await meterFor(plan, 'read', plan.mode === 'export' ? (plan.table.name ?? '') : plan.tableName, deps);
  const metered = { ...deps, meter };
  const result = await (plan.mode === 'verify'
    ? runVerify(plan, metered, engineReason)
    : plan.mode === 'export'
      ? runExport(plan, metered, engineReason)
      : runImport(plan, metered, engineReason));
  return { ...result, capacity: meter.report() };
}
