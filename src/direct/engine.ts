// The direct engine: this action reads and writes the data itself, within
// the capacity budget (max-capacity), settled here before any work.

import { type Meter, type CapacityKind, Meter as CapacityMeter } from '../aws/meter.js';
import { pause } from '../aws/retry.js';
import { describeTable } from '../aws/table.js';
import type { Plan } from '../plan.js';
import type { TransferResult } from '../result.js';
import { describeBudget, resolveBudget } from './budget.js';
import type { EngineDeps } from './deps.js';
import { runExport } from './export.js';
import { runImport } from './import.js';

export async function runDirect(plan: Plan, deps: EngineDeps, engineReason: string): Promise<TransferResult> {
  const meter = await newMeter(plan, deps);
  const metered = { ...deps, meter };
  const result = await (plan.mode === 'export'
    ? runExport(plan, metered, engineReason)
    : runImport(plan, metered, engineReason));
  return plan.mode === 'validate' ? result : { ...result, capacity: meter.report() };
}

/** The budget in units per second: a share is refused here, before any work, when the table has nothing to share. */
async function newMeter(plan: Plan, deps: EngineDeps): Promise<Meter> {
  const kind: CapacityKind = plan.mode === 'export' ? 'read' : 'write';
  let budget: number | undefined;
  if (plan.maxCapacity !== undefined && plan.mode !== 'validate') {
    const name = plan.mode === 'export' ? (plan.table.name ?? '') : plan.tableName;
    const table =
      'percent' in plan.maxCapacity
        ? ((await describeTable(deps.dynamodb, name)) ??
          (plan.mode === 'import' ? { ...plan.tableParameters, TableName: name } : { TableName: name }))
        : { TableName: name };
    budget = resolveBudget(plan.maxCapacity, kind, table);
    if (budget !== undefined) deps.log(describeBudget(plan.maxCapacity, budget, kind));
  }
  return new CapacityMeter({
    budget,
    concurrency: plan.concurrency,
    now: deps.now,
    wait: (ms) => pause(ms, deps),
  });
}
