// The inputs of a restore from exports: `restore-to` and `changes`, for
// import and validate; refused with export. Whether the source is a chain or
// an incremental export is known only once it is listed (src/restore/), so
// here they are only parsed.

import { Input } from '../constants.js';
import { optional } from '../optional.js';
import { InvalidValue, parseEnum, parseTime } from '../parsing/values.js';
import type { ChangeDirection, Location, RestoreOptions } from '../plan.js';
import { exportFileOf } from '../sources/export-folder.js';
import type { InputReader, PlanContext } from './reader.js';

const DIRECTIONS: readonly ChangeDirection[] = ['apply', 'revert'];

export function readRestore(r: InputReader, context: PlanContext): RestoreOptions {
  const changes = r.parseDefaulted(Input.Changes, (v) => parseEnum(v, DIRECTIONS));
  const restoreTo = r.parseDefaulted(Input.RestoreTo, (v) => parseRestoreTo(v, context.now));
  return { changes, ...optional('restoreTo', restoreTo) };
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
  for (const name of [Input.RestoreTo, Input.Changes] as const) {
    if (r.changedFromDefault(name)) r.reject(name, r.get(name), 'expected it only with mode: import or validate');
  }
}
