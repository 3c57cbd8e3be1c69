// Whether a checkpoint found for an import is resumed from: only when it is
// readable, unfinished, for the same table, source and format, and the source's
// objects are exactly as they were. Otherwise the import starts over, and
// the reason is a sentence for the log and the summary.

import {
  CorruptCheckpoint,
  type ImportCheckpoint,
  type ImportIdentity,
  type ObjectFingerprint,
  parseCheckpoint,
} from './state.js';

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
