// A chain's full export into a new table on AWS through AWS's ImportTable:
// server-side, no write capacity used, pointed at the export's data/ folder
// (ImportTable reads data files, not manifests). The incremental exports are
// applied afterwards by this action, so the import is waited for.

import { TransferError } from '../errors.js';
import { runManagedImport } from '../managed/import.js';
import type { ManagedDeps } from '../managed/deps.js';
import type { ImportPlan } from '../plan.js';
import type { TransferResult } from '../result.js';
import type { FoundExport } from '../sources/exports-found.js';

export async function importBaseManaged(
  plan: ImportPlan,
  base: FoundExport,
  deps: ManagedDeps,
  reason: string,
): Promise<TransferResult> {
  const location = plan.source.location;
  if (location.kind !== 's3') throw new TransferError('INVALID_INPUT', 'The managed engine imports from S3 only.');
  const basePlan: ImportPlan = {
    ...plan,
    engine: { engine: 'managed', reason },
    source: { location: { ...location, prefix: `${base.folder}data/` }, format: base.format, compression: 'auto' },
    existingTable: 'fail',
  };
  return runManagedImport(basePlan, deps, reason);
}

/** A chain waits for ImportTable: the changes can only be applied to the table it makes. */
export function refuseNoWait(plan: ImportPlan): void {
  if (plan.waiting.wait) return;
  throw new TransferError(
    'INVALID_INPUT',
    'wait: false cannot restore a chain into a new table on AWS: its incremental exports are applied once ImportTable has made the table, so the step waits for it. Use wait: true (and a timeout long enough for the import), or engine: direct.',
  );
}
