// max-capacity as units per second: a number as given, or a share of the
// table's provisioned capacity (reads for an export or a comparison, writes
// for an import or a restore), or of its on-demand maximum throughput.
// Settled before any work of its phase, since a share needs DescribeTable.

import type { TableDescription } from '@aws-sdk/client-dynamodb';
import { type CapacityKind, type CapacityReport, Meter } from '../aws/meter.js';
import { pause } from '../aws/retry.js';
import { describeTable } from '../aws/table.js';
import { TransferError } from '../errors.js';
import type { MaxCapacity, Plan } from '../plan.js';
import type { EngineDeps } from './deps.js';

/**
 * Units per second, or undefined without a budget. `table` is the table as it
 * is (or as the import would create it); undefined when neither is known.
 */
export function resolveBudget(
  max: MaxCapacity | undefined,
  kind: CapacityKind,
  table: Partial<Pick<TableDescription, 'ProvisionedThroughput' | 'OnDemandThroughput' | 'BillingModeSummary'>> & {
    BillingMode?: string | undefined;
    TableName?: string | undefined;
  },
): number | undefined {
  if (max === undefined) return undefined;
  if ('units' in max) return max.units;
  const name = table.TableName ?? 'the table';
  const provisioned =
    kind === 'read' ? table.ProvisionedThroughput?.ReadCapacityUnits : table.ProvisionedThroughput?.WriteCapacityUnits;
  const onDemand =
    (table.BillingModeSummary?.BillingMode ?? table.BillingMode) === 'PAY_PER_REQUEST' ||
    provisioned === undefined ||
    provisioned <= 0;
  let base = provisioned ?? 0;
  let what = `${kind} capacity`;
  if (onDemand) {
    const limit =
      kind === 'read' ? table.OnDemandThroughput?.MaxReadRequestUnits : table.OnDemandThroughput?.MaxWriteRequestUnits;
    // -1 (or nothing) means the on-demand table has no maximum to take a share of.
    if (limit === undefined || limit <= 0) {
      throw new TransferError(
        'INVALID_INPUT',
        `Input "max-capacity" is "${max.percent}%", but ${name} is on-demand (no provisioned ${kind} capacity and no on-demand maximum throughput) so a share means nothing; give a number of ${kind} units per second instead, such as "100". Nothing was read or written.`,
      );
    }
    base = limit;
    what = `on-demand maximum ${kind} throughput`;
  }
  const units = (base * max.percent) / 100;
  if (units < 0.5) {
    throw new TransferError(
      'INVALID_INPUT',
      `Input "max-capacity" is "${max.percent}%" of ${name}'s ${base} ${what}, under half a unit per second; give a larger share or a number. Nothing was read or written.`,
    );
  }
  return units;
}

export function describeBudget(max: MaxCapacity, units: number, kind: CapacityKind): string {
  const given = 'units' in max ? `max-capacity: ${max.units}` : `max-capacity: ${max.percent}%`;
  return `Capacity budget: ${units} ${kind} unit(s) per second (${given}).`;
}

type BudgetTable = Parameters<typeof resolveBudget>[2];

/**
 * The meter of one phase of work on `tableName` (an import or restore writes,
 * an export or a comparison reads): its budget settled before any work; a
 * share is refused when the table has nothing to share. `planned` stands in
 * for a table the work will create.
 */
export async function meterFor(
  plan: Pick<Plan, 'maxCapacity' | 'concurrency'>,
  kind: CapacityKind,
  tableName: string,
  deps: Pick<EngineDeps, 'dynamodb' | 'log' | 'now' | 'sleep' | 'signal'>,
  planned?: BudgetTable,
): Promise<Meter> {
  let budget: number | undefined;
  if (plan.maxCapacity !== undefined) {
    const table: BudgetTable =
      'percent' in plan.maxCapacity
        ? ((await describeTable(deps.dynamodb, tableName)) ?? { ...planned, TableName: tableName })
        : { TableName: tableName };
    budget = resolveBudget(plan.maxCapacity, kind, table);
    if (budget !== undefined) deps.log(describeBudget(plan.maxCapacity, budget, kind));
  }
  return new Meter({ budget, concurrency: plan.concurrency, now: deps.now, wait: (ms) => pause(ms, deps) });
}

/** A second phase's capacity (a comparison after the work) added to the first's; the chart runs on. */
export function addCapacity(first: CapacityReport | undefined, then: CapacityReport): CapacityReport {
  if (first === undefined) return then;
  const budget = first.budget ?? then.budget;
  return {
    readUnits: first.readUnits + then.readUnits,
    writeUnits: first.writeUnits + then.writeUnits,
    throttled: first.throttled + then.throttled,
    ...(budget === undefined ? {} : { budget }),
    perSecond: [...first.perSecond, ...then.perSecond],
    seconds: first.seconds + then.seconds,
  };
}
