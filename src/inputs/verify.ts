// The verify inputs: `mode: verify` (a table and a source, read as an import
// reads it; the differences file where `rejected-items` says, since verify
// rejects nothing) and `verify: true` on an import or export.

import { Input } from '../constants.js';
import { optional } from '../optional.js';
import { checkTableName } from '../parsing/names.js';
import { parseKeyShorthand } from '../parsing/table-parameters.js';
import { parseBoolean } from '../parsing/values.js';
import type { ExportPlan, ImportPlan, Location, Verification, VerifyPlan } from '../plan.js';
import type { CommonSettings } from './common.js';
import { defaultFileInTemp, listedBy, readImportSource, readRejectedItems } from './import.js';
import type { InputReader, PlanContext } from './reader.js';

export function readVerifyPlan(r: InputReader, context: PlanContext, common: CommonSettings): VerifyPlan {
  const tableName = r.parse(Input.TableName, checkTableName);
  if (!r.given(Input.TableName)) r.missing(Input.TableName, 'mode: verify needs the table to compare');
  const partition = r.parse(Input.PartitionKey, parseKeyShorthand);
  const sort = r.parse(Input.SortKey, parseKeyShorthand);
  if (r.given(Input.SortKey) && !r.given(Input.PartitionKey)) {
    r.missing(Input.PartitionKey, 'sort-key is set, and a sort key needs a partition key');
  }
  r.notApplicable(
    Input.TableCreationParameters,
    'expected no table-creation-parameters with mode: verify, which takes the key schema from the table (partition-key and sort-key, when given, are checked against it)',
  );
  if (r.changedFromDefault(Input.ExistingTable)) {
    r.reject(Input.ExistingTable, r.get(Input.ExistingTable), 'expected it only with mode: import');
  }
  if (r.changedFromDefault(Input.Verify)) {
    r.reject(
      Input.Verify,
      r.get(Input.Verify),
      'expected it only with mode: import or export; mode: verify is the comparison itself',
    );
  }
  const source = readImportSource(r, context, 'verify', tableName);
  const differences = readRejectedItems(r, context, source.location, 'differences');
  return {
    mode: 'verify',
    ...common,
    // Empty only when a problem is recorded, and then no plan is made.
    tableName: tableName ?? '',
    source,
    ...optional('keys', partition === undefined ? undefined : { partition, ...optional('sort', sort) }),
    differences,
  };
}

/** `verify`, read once; what it allows is checked by `withVerification`. */
export function readVerifyFlag(r: InputReader): boolean {
  return r.parseDefaulted(Input.Verify, parseBoolean);
}

/** An import or export plan with `verify: true` checked and its differences file placed. */
export function withVerification<P extends ImportPlan | ExportPlan>(
  r: InputReader,
  context: PlanContext,
  plan: P,
  verify: boolean,
): P {
  if (!verify) return plan;
  const refuse = (why: string): P => {
    r.reject(Input.Verify, r.get(Input.Verify), why);
    return plan;
  };
  if (!plan.waiting.wait) {
    return refuse('expected false with wait: false, because the comparison needs the work to have finished');
  }
  if (plan.mode === 'export') {
    if (plan.exportType.kind === 'INCREMENTAL_EXPORT') {
      return refuse('expected false with an incremental export, which holds changes rather than the table');
    }
    if (plan.expressions?.projection !== undefined) {
      return refuse(
        'expected false with projection-expression: the export holds part of each item, and verify compares whole items',
      );
    }
    // An export rejects nothing: rejected-items, when given, names the differences file.
    const given = r.given(Input.RejectedItems)
      ? readRejectedItems(r, context, plan.destination, 'differences')
      : defaultFileInTemp(context, 'differences');
    return { ...plan, verification: { differences: given } satisfies Verification };
  }
  const differences = r.given(Input.RejectedItems)
    ? besideRejects(plan.rejectedItems)
    : defaultFileInTemp(context, 'differences');
  if (listedBy(plan.source.location, differences)) {
    return refuse(
      `expected a rejected-items place whose differences file (${describe(differences)}) the source would not list`,
    );
  }
  return { ...plan, verification: { differences } };
}

/** `<name>.differences.jsonl` beside the rejected-items file (`.jsonl` replaced when it has it). */
export function besideRejects(rejects: Location): Location {
  const name = (path: string): string => `${path.replace(/\.jsonl$/, '')}.differences.jsonl`;
  return rejects.kind === 'local'
    ? { kind: 'local', path: name(rejects.path) }
    : { ...rejects, prefix: name(rejects.prefix) };
}

function describe(location: Location): string {
  return location.kind === 's3' ? `s3://${location.bucket}/${location.prefix}` : location.path;
}
