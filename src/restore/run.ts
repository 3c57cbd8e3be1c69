// A restore from exports: the chain planned from the source's exports (see
// src/sources/chain.ts), refused before any write when it has a gap, every
// export's manifests read, then the exports applied in order. A full export
// into a new table on AWS goes through ImportTable; everything else, and
// every incremental export, is written by this action.

import type { TableDescription } from '@aws-sdk/client-dynamodb';
import { Breaker } from '../aws/retry.js';
import { describeTable } from '../aws/table.js';
import { meterFor } from '../direct/budget.js';
import type { EngineDeps } from '../direct/deps.js';
import { changeWarnings } from '../direct/change-order.js';
import { importWarnings } from '../direct/import-result.js';
import type { EngineChoice } from '../engine-choice.js';
import { TransferError } from '../errors.js';
import { type KeyCheck, keyChecksFrom } from '../formats/item-checks.js';
import type { ManagedDeps } from '../managed/deps.js';
import type { ImportPlan, ValidatePlan } from '../plan.js';
import type { Status, TransferResult } from '../result.js';
import { gapMessage } from '../sources/chain.js';
import { resolveSource } from '../sources/resolve.js';
import { type ChainReport, chainReport, describeChain } from './chain-report.js';
import type { RestoreSource } from './detect.js';
import { type DirectStep, type StepsOutcome, runDirectSteps } from './direct-steps.js';
import { importBaseManaged, refuseNoWait } from './managed-base.js';
import { type RestoreOutcome, restoreResult } from './result.js';
import { restoreTarget } from './target.js';
import { refuseWithoutBase } from './without-base.js';

export interface RestoreDeps {
  managed: ManagedDeps;
  direct: EngineDeps;
}

export async function runRestore(
  plan: ImportPlan | ValidatePlan,
  source: RestoreSource,
  choice: EngineChoice,
  deps: RestoreDeps,
): Promise<TransferResult> {
  const { chain } = source;
  const log = deps.direct.log;
  const started = deps.direct.now();
  const report = chainReport(chain, source.found.unfinished);
  for (const line of describeChain(report)) log(line);
  const outcome = (o: Partial<RestoreOutcome>): TransferResult =>
    restoreResult(plan, {
      report,
      engine: choice.engine,
      engineReason: choice.reason,
      cancelled: false,
      unwritten: 0,
      source: source.store.describe(source.prefix),
      errors: [],
      notes: [],
      warnings: [],
      durationSeconds: (deps.direct.now() - started) / 1000,
      ...o,
    });
  if (chain.gap !== undefined) {
    // Refused before anything is read or written; the summary still draws the chain and its gap.
    return outcome({ failure: new TransferError('CHAIN_GAP', gapMessage(chain.gap)) });
  }
  // Changes without a full export, onto a table that exists (a missing one is TABLE_NOT_FOUND, naming the full export to restore first).
  if (plan.mode === 'import') {
    const refused = refuseWithoutBase(plan, chain);
    if (refused !== undefined && (await describeTable(deps.direct.dynamodb, plan.tableName)) !== undefined)
      return outcome({ failure: refused });
  }
  // The budget settled before anything is read: a share the table cannot give is refused here.
  const meter =
    plan.mode === 'import'
      ? await meterFor(plan, 'write', plan.tableName, deps.direct, plan.tableParameters)
      : undefined;
  // Every export's manifests read (a missing data file, a damaged manifest) before any write.
  const steps: DirectStep[] = [];
  for (const step of chain.steps) {
    const { from, to } = step.export;
    steps.push({
      action: step.action,
      resolved: await resolveSource({ store: source.store, prefix: step.export.folder }),
      ...(from !== undefined && to !== undefined && { window: { from, to } }),
      shown: step.export.shown,
    });
  }
  const breaker = new Breaker();
  const direct = { ...deps.direct, breaker, ...(meter && { meter }) };
  const baseStep = steps[0]?.action === 'import' ? steps[0] : undefined;
  const managedBase = plan.mode === 'import' && baseStep !== undefined && choice.engine === 'managed';

  let table: TableDescription;
  let keys: KeyCheck[];
  let directSteps = steps;
  const rowOffset = managedBase ? 1 : 0;
  let jobArn: string | undefined;
  if (managedBase) {
    refuseNoWait(plan);
    deps.managed.phase('Import of the full export');
    const base = await importBaseManaged(plan, chain.steps[0]!.export, deps.managed, choice.reason);
    jobArn = base.jobArn;
    const row = report.rows[0]!;
    row.engine = 'managed';
    row.counts = {
      processed: base.processedItemCount ?? 0,
      puts: base.importedItemCount ?? 0,
      deletes: 0,
      errors: base.errorCount ?? 0,
    };
    const done = base.status === 'COMPLETED' && !base.timedOut && !base.aborted;
    row.state = done ? 'applied' : 'failed';
    if (!done) {
      return outcome({
        managedStatus: base.status === 'COMPLETED' ? 'IN_PROGRESS' : (base.status as Status),
        ...(base.aborted ? { cancelled: true } : {}),
        ...(base.timedOut ? { timedOut: true } : {}),
        ...(base.failure === undefined ? {} : { failure: new TransferError('JOB_FAILED', base.failure) }),
        ...(base.jobArn === undefined ? {} : { jobArn: base.jobArn }),
        errors: base.errors,
        notes: [base.note ?? ''].filter((n) => n !== ''),
        ...(base.tableArn === undefined ? {} : { tableArn: base.tableArn }),
      });
    }
    const made = await describeTable(deps.direct.dynamodb, plan.tableName);
    if (made === undefined)
      throw new TransferError('TABLE_NOT_FOUND', `ImportTable completed, but table ${plan.tableName} is not there.`);
    table = made;
    keys = keyChecksFrom(made);
    directSteps = steps.slice(1);
  } else {
    const target = await restoreTarget(plan, chain, baseStep?.resolved, source.store, direct);
    keys = target.keys;
    table = await target.prepare();
  }
  deps.direct.phase(plan.mode === 'validate' ? 'Validate' : chain.direction === 'apply' ? 'Apply' : 'Revert');
  const done = await runDirectSteps(plan, directSteps, { table, keys }, source.store, direct);
  markRows(report, done, rowOffset, plan.mode);
  deps.direct.phase('Counts');
  const objects = directSteps.flatMap((s) => s.resolved.objects);
  const result = outcome({
    engine: directSteps.length > 0 ? 'direct' : choice.engine,
    ...(done.failure === undefined ? {} : { failure: done.failure }),
    cancelled: done.cancelled,
    unwritten: done.ledger.processed - done.sink.stats.written - done.ledger.errors - done.changes.superseded,
    ...(table.TableArn === undefined ? {} : { tableArn: table.TableArn }),
    bytes: done.ledger.bytes,
    ...(done.rejectedItems === undefined ? {} : { rejectedItems: done.rejectedItems }),
    ...(jobArn === undefined ? {} : { jobArn }),
    errors: done.ledger.samples,
    warnings: [...importWarnings(objects, source.store, done.importDuplicates), ...changeWarnings(done.changes)],
  });
  log(result.note ?? '');
  return meter === undefined ? result : { ...result, capacity: meter.report() };
}

function markRows(report: ChainReport, done: StepsOutcome, offset: number, mode: 'import' | 'validate'): void {
  done.counts.forEach((counts, i) => {
    const row = report.rows[offset + i];
    if (row === undefined) return;
    row.engine = 'direct';
    row.counts = counts;
    row.state = i >= done.completed ? 'failed' : mode === 'validate' ? 'checked' : 'applied';
  });
}
