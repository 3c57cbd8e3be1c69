// The table a restore writes into. With a full export in the chain it is
// found, created, emptied (existing-table: replace) or refused exactly as an
// import's, once the full export's first records have been read. Incremental
// exports alone change a table that must already exist, as it is (only with
// changes-onto-table: true or changes: revert, see without-base.ts; never
// with existing-table: replace), and a missing table says which full export
// to restore first.

import type { TableDescription } from '@aws-sdk/client-dynamodb';
import type { Breaker, RetryDeps } from '../aws/retry.js';
import { describeTable } from '../aws/table.js';
import type { EngineDeps } from '../direct/deps.js';
import { findTargetTable } from '../direct/target-table.js';
import { TransferError } from '../errors.js';
import { type KeyCheck, keyChecksFrom } from '../formats/item-checks.js';
import type { ImportPlan, ValidatePlan } from '../plan.js';
import type { Chain } from '../sources/chain.js';
import { endOf, startOf } from '../sources/chain.js';
import { type FoundExport, findExports } from '../sources/exports-found.js';
import type { ResolvedSource } from '../sources/resolve.js';
import { refuseUnreadable, sampleObject } from '../sources/sample.js';
import type { SourceStore } from '../storage/store.js';

export interface RestoreTarget {
  keys: KeyCheck[];
  /** Creates, empties or just returns the table, as the plan says; nothing before it was written. */
  prepare(): Promise<TableDescription>;
}

export async function restoreTarget(
  plan: ImportPlan | ValidatePlan,
  chain: Chain,
  base: ResolvedSource | undefined,
  store: SourceStore,
  deps: EngineDeps & RetryDeps & { breaker: Breaker },
): Promise<RestoreTarget> {
  if (plan.mode === 'validate' || base !== undefined) {
    const target = await findTargetTable(plan, deps);
    const keys = keyChecksFrom(target.keys);
    const first = base?.objects[0];
    if (plan.mode === 'import' && first !== undefined) {
      // The full export's first records, read before the table is created or emptied.
      const format = base?.export?.format ?? 'DYNAMODB_JSON';
      const sample = await sampleObject(store, first, { format, compression: 'auto', keys });
      refuseUnreadable(
        sample,
        store.describe(first.key),
        `${format} (auto)`,
        `Table ${plan.tableName} was not created, emptied or written.`,
      );
    }
    return { keys, prepare: () => target.prepare() };
  }
  const table = await describeTable(deps.dynamodb, plan.tableName);
  if (table === undefined) throw await missingTable(plan.tableName, chain, store, new Date(deps.now()));
  return {
    keys: keyChecksFrom(table),
    prepare: async () => {
      // Refused before (without-base.ts, and with revert by the inputs): never emptied and then given changes alone.
      if (plan.mode === 'import' && plan.existingTable === 'replace')
        throw new TransferError(
          'CHAIN_UNUSABLE',
          `existing-table: replace would empty ${plan.tableName} and leave only the changes of the windows in it. Nothing was written.`,
        );
      if (plan.mode === 'import')
        deps.log(
          chain.direction === 'apply'
            ? `changes-onto-table: true: the changes are applied onto ${plan.tableName} as it is (existing-table: ${plan.existingTable}).`
            : `changes: revert undoes the changes of the windows on ${plan.tableName} as it is (existing-table: ${plan.existingTable}).`,
        );
      return table;
    },
  };
}

/** TABLE_NOT_FOUND for changes without a base: which full export to restore first, if the exports' root holds one. */
async function missingTable(name: string, chain: Chain, store: SourceStore, now: Date): Promise<TransferError> {
  if (chain.direction === 'revert')
    return new TransferError(
      'TABLE_NOT_FOUND',
      `Table ${name} does not exist, and changes: revert undoes changes in a table that exists. Check table-name and aws-region. Nothing was created or written.`,
    );
  const first = chain.steps[0]?.export as FoundExport;
  const since = startOf(first);
  const root = first.root;
  const siblings = (await findExports(store, `${root}AWSDynamoDB/`, now).catch(() => undefined))?.exports ?? [];
  const base = siblings
    .filter((e) => e.type === 'FULL_EXPORT' && e.tableArn === chain.tableArn && endOf(e).getTime() <= since.getTime())
    .sort((a, b) => endOf(b).getTime() - endOf(a).getTime())[0];
  const which =
    base === undefined
      ? `a full export of ${chain.tableArn} made at or before ${since.toISOString()} (there is none under ${store.describe(`${root}AWSDynamoDB/`)})`
      : `the full export ${base.shown} (${chain.tableArn} as of ${endOf(base).toISOString()})`;
  const both =
    base === undefined
      ? ''
      : ` Or restore both in one step from ${store.describe(root)}, the folder that holds them (give partition-key for the new table).`;
  return new TransferError(
    'TABLE_NOT_FOUND',
    `Table ${name} does not exist. An incremental export changes a table that holds the state its window starts from, so restore ${which} into ${name} first, then apply this.${both} Nothing was created or written.`,
  );
}
