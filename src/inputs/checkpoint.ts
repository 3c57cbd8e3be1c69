// The `checkpoint` input: where a direct import keeps its checkpoint, an
// s3:// URL or a local path (relative paths stay in the workspace), never
// where the source would list it (a re-import would read it as data) and
// never the rejected-items place.

import { resolve } from 'node:path';
import { Input } from '../constants.js';
import type { ImportPlan, Location } from '../plan.js';
import { workspace } from './common.js';
import { listedBy, parseFileLocation } from './import.js';
import type { InputReader, PlanContext } from './reader.js';

export function readCheckpoint(r: InputReader, context: PlanContext, plan: ImportPlan): Location | undefined {
  const given = r.parse(Input.Checkpoint, parseFileLocation(resolve(workspace(context))));
  if (given === undefined) return undefined;
  const value = r.get(Input.Checkpoint);
  if (plan.engine.engine === 'managed') {
    r.reject(
      Input.Checkpoint,
      value,
      "expected it only with engine: direct (or auto); AWS's ImportTable keeps no checkpoint",
    );
  } else if (listedBy(plan.source.location, given)) {
    r.reject(
      Input.Checkpoint,
      value,
      'expected a place outside the source (a different bucket or prefix, or a path outside the source folder): a checkpoint inside it would be read back as data',
    );
  } else if (sameLocation(given, plan.rejectedItems)) {
    r.reject(Input.Checkpoint, value, 'expected a place other than rejected-items');
  }
  return given;
}

export function rejectCheckpoint(r: InputReader, mode: string): void {
  r.notApplicable(Input.Checkpoint, `expected it only with mode: import (mode ${mode} writes no table)`);
}

function sameLocation(a: Location, b: Location): boolean {
  if (a.kind === 's3' && b.kind === 's3') return a.bucket === b.bucket && a.prefix === b.prefix;
  return a.kind === 'local' && b.kind === 'local' && resolve(a.path) === resolve(b.path);
}
