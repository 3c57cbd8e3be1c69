// Whether an import or validate source is restored rather than imported: it
// holds an incremental export, several exports (a chain), an unfinished
// export beside a finished one, or the restore inputs ask for a point in time
// or a revert. An ordinary source (data files, or one full export) goes on to
// the engines as before.

import { TransferError } from '../errors.js';
import type { ImportPlan, ValidatePlan } from '../plan.js';
import { describeLocation } from '../plan-text.js';
import { type Chain, planChain } from '../sources/chain.js';
import { type ExportsInSource, findExports } from '../sources/exports-found.js';
import { openSource } from '../sources/open.js';
import type { ReadGuard } from '../storage/s3-read.js';
import type { SourceStore } from '../storage/store.js';
import type { S3Access } from '../aws/lazy-clients.js';

export interface RestoreSource {
  store: SourceStore;
  /** The source as given: the chain root, or one export's folder. */
  prefix: string;
  found: ExportsInSource;
  /** The exports to apply, in order (refused later, before any write, when it has a gap). */
  chain: Chain;
}

/** `now`: the clock a manifest's times are checked against (none may be in the future). */
export async function findRestore(
  plan: ImportPlan | ValidatePlan,
  s3: S3Access,
  now: Date,
  guard?: ReadGuard,
): Promise<RestoreSource | undefined> {
  const asked = plan.restore.restoreTo !== undefined || plan.restore.changes === 'revert';
  const opened = await openSource(plan.source.location, s3, guard);
  const found = opened.file === undefined ? await findExports(opened.store, opened.prefix, now) : undefined;
  if (found !== undefined && found.unusable.length > 0) {
    // One full export alone imports as before; in a chain, every export must say where it belongs.
    const alone = found.exports.length === 0 && found.unusable.length === 1 && found.unfinished.length === 0;
    if (alone && !asked) return undefined;
    throw new TransferError('MANIFEST_INVALID', `${found.unusable[0]?.message}. Nothing was created or written.`);
  }
  if (found === undefined || found.exports.length === 0) {
    if (!asked || found !== undefined) return undefined;
    throw new TransferError(
      'INVALID_INPUT',
      `restore-to and changes: revert apply to a source that holds DynamoDB exports, and ${describeLocation(plan.source.location)} holds none. Nothing was created or written.`,
    );
  }
  const [only] = found.exports;
  const ordinary =
    found.exports.length === 1 && only?.type === 'FULL_EXPORT' && found.unfinished.length === 0 && !asked;
  if (ordinary) return undefined;
  return { store: opened.store, prefix: opened.prefix, found, chain: planChain(found.exports, plan.restore) };
}
