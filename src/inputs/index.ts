// Every input read and checked in one place into one typed Plan. All checks
// that need no network happen here, and all problems are reported together.
//
// reader.ts reads one input at a time and collects problems; common.ts has
// the inputs every mode shares; import.ts and export.ts the ones of each
// mode; engine.ts decides the engine. Only this file knows them all.

import { Input } from '../constants.js';
import { parseEnum } from '../parsing/values.js';
import type { ExistingTable, Mode, Plan } from '../plan.js';
import { readCommon } from './common.js';
import { decideEngine } from './engine.js';
import { readExportPlan, rejectExportOnlyInputs } from './export.js';
import { readCheckpoint, rejectCheckpoint } from './checkpoint.js';
import { readImportPlan, rejectImportOnlyInputs } from './import.js';
import { InputReader, type PlanContext } from './reader.js';
import { rejectResumeInputs } from './resume.js';
import { readVerifyFlag, readVerifyPlan, withVerification } from './verify.js';

export type { Env, PlanContext } from './reader.js';

const MODES: readonly Mode[] = ['export', 'import', 'validate', 'verify'];
const EXISTING_TABLE: readonly ExistingTable[] = ['fail', 'merge', 'replace'];

export function readPlan(context: PlanContext): Plan {
  const r = new InputReader(context.env);
  const mode = r.parse(Input.Mode, (v) => parseEnum(v, MODES));
  if (mode === undefined) {
    if (!r.given(Input.Mode)) r.missing(Input.Mode, `expected one of ${MODES.join(', ')}`);
    // Without a mode only the inputs every mode shares can be checked.
    readCommon(r, context, { engine: 'direct', reason: '' });
    throw r.error();
  }
  const plan = buildPlan(r, context, mode);
  r.throwIfAny();
  return plan;
}

function buildPlan(r: InputReader, context: PlanContext, mode: Mode): Plan {
  const plan = buildModePlan(r, context, mode);
  if (plan.mode !== 'import') {
    rejectCheckpoint(r, mode);
    return plan;
  }
  const checkpoint = readCheckpoint(r, context, plan);
  return checkpoint === undefined ? plan : { ...plan, checkpoint };
}

function buildModePlan(r: InputReader, context: PlanContext, mode: Mode): Plan {
  const existingTable = r.parseDefaulted(Input.ExistingTable, (v) => parseEnum(v, EXISTING_TABLE));
  const common = readCommon(r, context, decideEngine(r, mode, existingTable, context.env));
  if (mode === 'verify') {
    rejectExportOnlyInputs(r);
    rejectResumeInputs(r);
    return readVerifyPlan(r, context, common);
  }
  const verify = readVerifyFlag(r);
  if (mode === 'export') {
    rejectImportOnlyInputs(r, { verify });
    return withVerification(r, context, readExportPlan(r, context, common), verify);
  }
  rejectExportOnlyInputs(r);
  const plan = readImportPlan(r, context, mode, common, existingTable);
  if (plan.mode === 'validate') {
    if (verify) r.reject(Input.Verify, r.get(Input.Verify), 'expected it only with mode: import or export');
    return plan;
  }
  return withVerification(r, context, plan, verify);
}
