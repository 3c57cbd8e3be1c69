// Whether a checkpoint found for an import is resumed from: only when it is
// readable, unfinished, for the same table (by identity, not only by name),
// source and format, and the source's objects are exactly as they were.
// Otherwise the import starts over, and the reason is a sentence for the log
// and the summary. What is at the place but is no checkpoint of this action
// is never used, written over or deleted.

import {
  CHECKPOINT_KIND,
  CorruptCheckpoint,
  type ImportCheckpoint,
  type ImportIdentity,
  type ObjectFingerprint,
  type TableIdentity,
  parseCheckpoint,
} from './state.js';

/** How far the runner's clock and DynamoDB's may disagree, for a table created just after a checkpoint was saved. */
const CLOCK_ALLOWANCE_MS = 5 * 60_000;

/**
 * Why the text at a checkpoint place is not one this action wrote (not even
 * a damaged one), or undefined. Each save writes the kind first, so a
 * checkpoint cut short still starts with it.
 */
export function notOurs(text: string): string | undefined {
  if (text.startsWith(`{"kind":${JSON.stringify(CHECKPOINT_KIND)}`)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text.trim() === '' ? 'it is empty' : 'it is not JSON';
  }
  const kind = (value as { kind?: unknown } | null)?.kind;
  if (kind === CHECKPOINT_KIND) return undefined;
  return typeof kind === 'string'
    ? `it is JSON of another kind (${JSON.stringify(kind)})`
    : 'it is JSON of another kind';
}

/**
 * Why the table is not the one the checkpoint's runs wrote into, or
 * undefined. A checkpoint saved just before its run created the table
 * (`table` null) takes the table made since: that run's.
 */
export function otherTable(
  checkpoint: Pick<ImportCheckpoint, 'table' | 'savedAt'>,
  name: string,
  now: TableIdentity | undefined,
): string | undefined {
  const saved = checkpoint.table;
  if (saved === null) {
    if (now === undefined) return undefined;
    const before = Date.parse(checkpoint.savedAt) - CLOCK_ALLOWANCE_MS;
    const created = Date.parse(now.created);
    return Number.isNaN(created) || created >= before
      ? undefined
      : `table ${name} was created ${now.created}, before the run that saved the checkpoint was to create it`;
  }
  if (now === undefined) return `table ${name}, which earlier runs wrote into, no longer exists`;
  if (now.arn !== saved.arn || now.id !== saved.id || now.created !== saved.created)
    return `table ${name} is not the table earlier runs wrote into: it was deleted and created again (created ${now.created}, ${now.arn}${now.id === undefined ? '' : `, id ${now.id}`}; the checkpoint's was created ${saved.created}, ${saved.arn}${saved.id === undefined ? '' : `, id ${saved.id}`})`;
  return undefined;
}

export type ResumeDecision =
  | { kind: 'none' }
  | { kind: 'resume'; checkpoint: ImportCheckpoint }
  | { kind: 'start-over'; reason: string; warn: boolean; unreachable?: boolean };

export function decideResume(
  text: string | undefined,
  identity: ImportIdentity,
  objects: readonly ObjectFingerprint[],
): ResumeDecision {
  if (text === undefined) return { kind: 'none' };
  let checkpoint: ImportCheckpoint;
  try {
    checkpoint = parseCheckpoint(text);
  } catch (error) {
    if (!(error instanceof CorruptCheckpoint)) throw error;
    return { kind: 'start-over', reason: `the checkpoint cannot be used: ${error.message}`, warn: true };
  }
  if (checkpoint.completed)
    return { kind: 'start-over', reason: 'the run that saved the checkpoint completed the import', warn: false };
  const other = otherImport(checkpoint.identity, identity);
  if (other !== undefined) return { kind: 'start-over', reason: `the checkpoint is for ${other}`, warn: true };
  const change = sourceChange(checkpoint.objects, objects);
  if (change !== undefined)
    return { kind: 'start-over', reason: `the source changed since the checkpoint was saved: ${change}`, warn: true };
  return { kind: 'resume', checkpoint };
}

function otherImport(saved: ImportIdentity, now: ImportIdentity): string | undefined {
  if (saved.table !== now.table) return `table ${saved.table}, not ${now.table}`;
  if (saved.source !== now.source) return `the source ${saved.source}, not ${now.source}`;
  if (saved.reading !== now.reading) return `reading the source as ${saved.reading}, not ${now.reading}`;
  return undefined;
}

/** The first difference between the objects then and now, as a phrase. */
export function sourceChange(
  then: readonly ObjectFingerprint[],
  now: readonly ObjectFingerprint[],
): string | undefined {
  const before = new Map(then.map((o) => [o.key, o]));
  for (const object of now) {
    const old = before.get(object.key);
    if (old === undefined) return `${object.key} is new`;
    if (old.size !== object.size) return `${object.key} was ${old.size} bytes and is now ${object.size}`;
    if (old.tag !== object.tag)
      return `${object.key} was rewritten (${old.tag ?? 'no tag'}, now ${object.tag ?? 'no tag'})`;
    before.delete(object.key);
  }
  const [gone] = before.keys();
  if (gone !== undefined) return `${gone} is gone`;
  // Same objects in another order would be read in another order.
  if (then.some((o, i) => o.key !== now[i]?.key)) return 'its objects are listed in another order';
  return undefined;
}
