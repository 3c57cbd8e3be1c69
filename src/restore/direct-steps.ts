// The exports of a chain that this action writes itself, one after the other
// through one sink and one ledger (one rejected-items file): a full export's
// items as the import puts them, an incremental export's changes as puts and
// deletes. The sink is flushed between exports, so each export's counts are
// exact and no write of a later export overtakes one of an earlier export.
// Within an incremental export, records of one key go by their timestamps
// (src/direct/change-order.ts).

import type { TableDescription } from '@aws-sdk/client-dynamodb';
import { Aborted, Breaker } from '../aws/retry.js';
import { primaryKeyNames } from '../aws/table.js';
import { applyChangeFile } from '../direct/apply-changes.js';
import { ChangeOrder, type ChangeTally, newTally } from '../direct/change-order.js';
import type { EngineDeps } from '../direct/deps.js';
import { importObject } from '../direct/import.js';
import { Ledger } from '../direct/ledger.js';
import { Progress } from '../direct/progress.js';
import { openRejects } from '../direct/rejects-location.js';
import { CountingSink, type ItemSink } from '../direct/sink.js';
import { BatchWriter } from '../direct/writer.js';
import { TransferError } from '../errors.js';
import type { KeyCheck } from '../formats/item-checks.js';
import type { ImportPlan, ValidatePlan } from '../plan.js';
import type { ResolvedSource } from '../sources/resolve.js';
import type { SourceStore } from '../storage/store.js';
import type { StepCounts } from './chain-report.js';
import { NextFile } from './next-file.js';

export interface DirectStep {
  action: 'import' | 'apply' | 'revert';
  resolved: ResolvedSource;
  /** An incremental export's window; its records must lie inside it. */
  window?: { from: Date; to: Date };
  /** The export's folder, as people see it. */
  shown: string;
}

export interface StepsOutcome {
  /** Per step, for those that started: the last one may be partial when the work stopped in it. */
  counts: StepCounts[];
  /** How many steps were applied whole. */
  completed: number;
  ledger: Ledger;
  sink: ItemSink;
  failure: TransferError | undefined;
  cancelled: boolean;
  rejectedItems: string | undefined;
  /** Records of one key in one incremental export, over every export. */
  changes: ChangeTally;
  /** Items of the full export whose key an item just before had (the last one wins, as in AWS's import). */
  importDuplicates: number;
}

export async function runDirectSteps(
  plan: ImportPlan | ValidatePlan,
  steps: readonly DirectStep[],
  target: { table: TableDescription; keys: readonly KeyCheck[] },
  store: SourceStore,
  deps: EngineDeps & { breaker?: Breaker },
): Promise<StepsOutcome> {
  const retry = { ...deps, breaker: deps.breaker ?? new Breaker() };
  const ledger = new Ledger(openRejects(plan.rejectedItems, deps), deps.workspace);
  const sink: ItemSink =
    plan.mode === 'import'
      ? new BatchWriter({
          dynamodb: deps.dynamodb,
          table: plan.tableName,
          keyNames: primaryKeyNames(target.table),
          concurrency: plan.concurrency,
          deps: retry,
          onRejected: (r) => ledger.queue(r),
        })
      : new CountingSink();
  const progress = new Progress({
    verb: plan.mode === 'import' ? 'Applied' : 'Checked',
    log: deps.log,
    now: deps.now,
    total: steps.reduce((sum, s) => sum + (s.resolved.export?.itemCount ?? 0), 0),
  });
  const pipeline = { sink, ledger, progress, deps };
  const counts: StepCounts[] = [];
  let failure: TransferError | undefined;
  let completed = 0;
  const changes = newTally();
  let importDuplicates = 0;
  let before = snapshot(ledger, sink, changes);
  // Change files in the order they are applied, each fetched while the one before it is written.
  const changeFiles = steps.flatMap((s) => (s.action === 'import' ? [] : s.resolved.objects));
  const following = new Map(changeFiles.map((o, i) => [o, changeFiles[i + 1]]));
  const next = new NextFile(store, deps.tempDir);
  try {
    for (const step of steps) {
      if (deps.signal?.aborted) break;
      counts.push({ processed: 0, puts: 0, deletes: 0, errors: 0 });
      const duplicatesBefore = sink.stats.duplicateKeys;
      const order = step.window && new ChangeOrder(step.window.from, changes, step.shown);
      for (const object of step.resolved.objects) {
        if (deps.signal?.aborted) break;
        const format = step.resolved.export?.format ?? 'DYNAMODB_JSON';
        if (step.action === 'import') {
          await importObject(store, object, { format, compression: 'auto', keys: target.keys }, pipeline);
        } else {
          const opened = next.take(object, following.get(object));
          if (order === undefined) throw new Error(`No window for the changes of ${step.shown}`);
          await applyChangeFile(
            store,
            object,
            {
              format,
              compression: 'auto',
              keys: target.keys,
              direction: step.action,
              ...(step.window && { window: step.window }),
            },
            { ...pipeline, order },
            opened,
          );
        }
      }
      await sink.flush();
      await ledger.drain();
      if (step.action === 'import') importDuplicates += sink.stats.duplicateKeys - duplicatesBefore;
      counts[counts.length - 1] = delta(before, snapshot(ledger, sink, changes));
      before = snapshot(ledger, sink, changes);
      if (deps.signal?.aborted) break;
      completed += 1;
    }
  } catch (error) {
    if (!(error instanceof Aborted)) failure = asTransferError(error);
    // What is still in flight lands or fails before anything is counted.
    await sink.settle();
    await ledger.drain().catch(() => undefined);
    if (counts.length > 0) counts[counts.length - 1] = delta(before, snapshot(ledger, sink, changes));
  }
  await next.discard();
  const rejectedItems = await ledger.close().catch((error: unknown) => {
    failure ??= new TransferError('WRITE_FAILED', `The rejected items could not be written: ${String(error)}`);
    return undefined;
  });
  return {
    counts,
    completed,
    ledger,
    sink,
    failure,
    cancelled: deps.signal?.aborted === true && failure === undefined,
    rejectedItems,
    changes,
    importDuplicates,
  };
}

interface Snapshot {
  processed: number;
  errors: number;
  written: number;
  deleted: number;
  superseded: number;
}

function snapshot(ledger: Ledger, sink: ItemSink, changes: ChangeTally): Snapshot {
  return {
    processed: ledger.processed,
    errors: ledger.errors,
    written: sink.stats.written,
    deleted: sink.stats.deleted,
    superseded: changes.superseded,
  };
}

function delta(a: Snapshot, b: Snapshot): StepCounts {
  const deletes = b.deleted - a.deleted;
  const superseded = b.superseded - a.superseded;
  return {
    processed: b.processed - a.processed,
    puts: b.written - a.written - deletes,
    deletes,
    errors: b.errors - a.errors,
    ...(superseded > 0 && { superseded }),
  };
}

function asTransferError(error: unknown): TransferError {
  if (error instanceof TransferError) return error;
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new TransferError('WRITE_FAILED', text);
}
