// The table an import writes into, or validate checks against: found first,
// and created, emptied (existing-table: replace) or refused only once the
// source's first records have been read, so a source that cannot be imported
// never leaves a new table behind or an old one empty.

import type { TableDescription } from '@aws-sdk/client-dynamodb';
import { type Breaker, type RetryDeps } from '../aws/retry.js';
import { createTable, describeTable } from '../aws/table.js';
import { TransferError } from '../errors.js';
import type { ImportPlan, ValidatePlan } from '../plan.js';
import type { EngineDeps } from './deps.js';
import { emptyTable } from './empty-table.js';

export interface TargetTable {
  /** What the items are checked against: the table's key schema and indexes, or the plan's. */
  keys: Pick<
    TableDescription,
    'KeySchema' | 'AttributeDefinitions' | 'GlobalSecondaryIndexes' | 'LocalSecondaryIndexes'
  >;
  /** Creates or empties the table as the plan says; the table ready for writes. */
  prepare(): Promise<TableDescription>;
  /** prepare() creates the table: it does not exist yet. */
  creates?: boolean;
}

/** `resuming`: an earlier run of this import created or emptied the table, which is written into as it is. */
export async function findTargetTable(
  plan: ImportPlan | ValidatePlan,
  deps: EngineDeps & RetryDeps & { breaker: Breaker },
  resuming = false,
): Promise<TargetTable> {
  if (plan.mode === 'validate') {
    const given =
      plan.tableParameters?.KeySchema === undefined ? undefined : (plan.tableParameters as TableDescription);
    const table = given ?? (await describeTable(deps.dynamodb, plan.tableName ?? ''));
    if (table === undefined)
      throw new TransferError(
        'TABLE_NOT_FOUND',
        `Table ${plan.tableName} does not exist, so it cannot give the key schema to check against; give partition-key or table-creation-parameters instead.`,
      );
    return { keys: table, prepare: async () => table };
  }
  const tableDeps = { dynamodb: deps.dynamodb, sleep: deps.sleep, now: deps.now, log: deps.log, signal: deps.signal };
  const existing = await describeTable(deps.dynamodb, plan.tableName);
  if (existing === undefined) {
    const parameters = { ...plan.tableParameters, TableName: plan.tableName };
    if (parameters.KeySchema === undefined) {
      throw new TransferError(
        'NO_KEY_SCHEMA',
        `Table ${plan.tableName} does not exist, and there is no key schema to create it with: give partition-key (and sort-key) or table-creation-parameters.`,
      );
    }
    return {
      keys: parameters,
      creates: true,
      prepare: () => createTable(parameters, tableDeps, plan.waiting.timeoutMs),
    };
  }
  if (resuming) {
    return {
      keys: existing,
      prepare: async () => {
        deps.log(
          `Writing on into ${plan.tableName}, which earlier runs of this import created or wrote into (resumed from the checkpoint, whatever existing-table says)`,
        );
        return existing;
      },
    };
  }
  if (plan.existingTable === 'fail') {
    throw new TransferError(
      'TABLE_EXISTS',
      `Table ${plan.tableName} already exists and existing-table is fail, so nothing was written. Use existing-table: merge to write into it, or replace to empty it first.`,
    );
  }
  if (plan.existingTable === 'merge') {
    return {
      keys: existing,
      prepare: async () => {
        deps.log(
          `Writing into the existing table ${plan.tableName} (existing-table: merge): items with the same key are overwritten`,
        );
        return existing;
      },
    };
  }
  return {
    keys: existing,
    prepare: async () => {
      deps.log(`Emptying table ${plan.tableName} (existing-table: replace), keeping its key schema`);
      const deleted = await emptyTable(existing, deps.dynamodb, deps, plan.concurrency);
      deps.log(`Deleted ${deleted.toLocaleString('en-US')} item(s) from ${plan.tableName}`);
      return existing;
    },
  };
}
