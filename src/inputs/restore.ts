// The inputs of a restore from exports: `restore-to`, `changes` and
// `changes-onto-table`, for import and validate; refused with export. Whether the source is a chain or
// an incremental export is known only once it is listed (src/restore/), so
// here they are only parsed.

import { Input } from '../constants.js';
import { optional } from '../optional.js';
import { InvalidValue, parseBoolean, parseEnum, parseTime } from '../parsing/values.js';
import type { ChangeDirection, ExistingTable, Location, RestoreOptions } from '../plan.js';
import { exportFileOf } from '../sources/export-folder.js';
import type { InputReader, PlanContext } from './reader.js';

const DIRECTIONS: readonly ChangeDirection[] = ['apply', 'revert'];

export function readRestore(r: InputReader, context: PlanContext): RestoreOptions {
  const changes = r.parseDefaulted(Input.Changes, (v) => parseEnum(v, DIRECTIONS));
  const restoreTo = r.parseDefaulted(Input.RestoreTo, (v) => parseRestoreTo(v, context.now));
  const ontoTable = r.parseDefaulted(Input.ChangesOntoTable, parseBoolean);
  if (ontoTable && changes === 'revert')
    r.reject(
      Input.ChangesOntoTable,
      r.get(Input.ChangesOntoTable),
      'expected it only with changes: apply; changes: revert always works on the table as it is',
    );
  return { changes, ...optional('restoreTo', restoreTo), ontoTable };
}

/**
 * existing-table: replace is never ignored in a restore: changes: revert
 * undoes the windows' changes on the table as it is, and an emptied table
 * would be left holding only the old images of the items they changed.
 */
export function rejectReplaceWithRevert(r: InputReader, restore: RestoreOptions, existingTable: ExistingTable): void {
  if (restore.changes !== 'revert' || existingTable !== 'replace') return;
  r.reject(
    Input.ExistingTable,
    existingTable,
    'expected fail or merge with changes: revert, which undoes the changes of the windows on the table as it is; emptied first, the table would hold only the old images of the items the windows changed',
  );
}

function parseRestoreTo(value: string, now: Date): Date | undefined {
  if (value.trim().toLowerCase() === 'latest') return undefined;
  try {
    const time = parseTime(value, now);
    if (time.getTime() > now.getTime()) throw new InvalidValue('a time not in the future');
    return time;
  } catch (error) {
    if (!(error instanceof InvalidValue)) throw error;
    throw new InvalidValue(`latest, or ${error.expected}`);
  }
}

/**
 * Whether a new table's key schema can wait until the source is read: the
 * source is an export's folder (an incremental export changes a table that
 * exists), or restore inputs were given. A chain into a new table, or a full
 * export, still needs it, and says so (NO_KEY_SCHEMA) before anything is
 * created or written.
 */
export function keySchemaCanWait(r: InputReader, location: Location): boolean {
  const where = location.kind === 's3' ? location.prefix : location.path.replace(/\\/g, '/');
  return (
    r.changedFromDefault(Input.RestoreTo) ||
    r.changedFromDefault(Input.Changes) ||
    exportFileOf(where.endsWith('/') ? where : `${where}/`) !== undefined
  );
}

/** Refuses the restore inputs with mode: export. */
export function rejectRestoreInputs(r: InputReader): void {
  for (const name of [Input.RestoreTo, Input.Changes, Input.ChangesOntoTable] as const) {
    if (r.changedFromDefault(name)) r.reject(name, r.get(name), 'expected it only with mode: import or validate');
  }
}
