// Settles `engine: auto` where it depends on whether the import's table exists.

import type { EngineName, Plan } from './plan.js';

export interface EngineChoice {
  engine: EngineName;
  reason: string;
}

export async function chooseEngine(plan: Plan, tableExists: (name: string) => Promise<boolean>): Promise<EngineChoice> {
  const { engine, reason } = plan.engine;
  if (engine !== 'table-exists') return { engine, reason };
  const name = plan.mode === 'import' ? plan.tableName : '';
  return (await tableExists(name))
    ? {
        engine: 'direct',
        reason: `table ${name} exists and existing-table is ${plan.mode === 'import' ? plan.existingTable : ''}, so this action writes into it`,
      }
    : { engine: 'managed', reason: `table ${name} does not exist yet, so AWS's ImportTable creates and fills it` };
}
