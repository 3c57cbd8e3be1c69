// Which exports restore a table to a point in time, and in what order: a
// pure function of the exports found and the restore inputs.
//
// Applying: the newest full export at or before restore-to, then every
// incremental export of the same table whose window ends at or before it,
// in order of exportToTime. Reverting: every incremental export that starts
// at or after restore-to, newest first. The windows must leave no gap (from
// the full export's time, when there is one, to the restore point); overlaps
// are fine, since each window holds each item's final state in it. A gap is
// returned, not thrown, so that the summary can draw it before the step fails.
// Two full exports of one exportTime as the base are refused: which holds the
// table as it was then cannot be told.

import { TransferError } from '../errors.js';
import type { RestoreOptions } from '../plan.js';
import type { FoundExport } from './exports-found.js';

export interface ChainStep {
  export: FoundExport;
  /** `import` a full export's items; `apply` or `revert` an incremental export's changes. */
  action: 'import' | 'apply' | 'revert';
}

export interface LeftOut {
  export: FoundExport;
  why: string;
}

/** Time no export of the chain covers, between the two exports that bound it. */
export interface Gap {
  after: FoundExport;
  before: FoundExport;
  from: Date;
  to: Date;
}

export interface Chain {
  tableArn: string;
  direction: RestoreOptions['changes'];
  /** In the order they are applied. */
  steps: ChainStep[];
  leftOut: LeftOut[];
  /** The point in time the steps bring the table to. */
  restoredTo: Date;
  /** restore-to, when it was given. */
  requested?: Date;
  /** Why the table is restored to another point than requested, and what it is restored over. */
  notes: string[];
  gap?: Gap;
}

/** The exports' point in time: a full export's, or the end of an incremental export's window. */
export function endOf(e: FoundExport): Date {
  return (e.type === 'FULL_EXPORT' ? e.exportTime : e.to) as Date;
}

export function startOf(e: FoundExport): Date {
  return (e.type === 'FULL_EXPORT' ? e.exportTime : e.from) as Date;
}

const iso = (d: Date): string => d.toISOString();
const t = (d: Date): number => d.getTime();

export function planChain(
  found: readonly FoundExport[],
  options: Pick<RestoreOptions, 'changes' | 'restoreTo'>,
): Chain {
  if (found.length === 0) throw new TransferError('CHAIN_UNUSABLE', 'The source holds no finished export.');
  return options.changes === 'revert' ? planRevert(found, options.restoreTo) : planApply(found, options.restoreTo);
}

function planApply(found: readonly FoundExport[], requested: Date | undefined): Chain {
  const inReach = (e: FoundExport): boolean => requested === undefined || t(endOf(e)) <= t(requested);
  const candidates = found.filter(inReach);
  if (candidates.length === 0) {
    const earliest = found.reduce((a, b) => (t(endOf(a)) <= t(endOf(b)) ? a : b));
    throw new TransferError(
      'CHAIN_UNUSABLE',
      `restore-to ${iso(requested as Date)} is before every export in the source: the earliest, ${earliest.shown}, reaches ${iso(endOf(earliest))}. Nothing was created or written.`,
    );
  }
  const tableArn = chosenTable(candidates);
  const fulls = candidates.filter((e) => e.type === 'FULL_EXPORT' && e.tableArn === tableArn);
  const base = newest(fulls, endOf);
  const twin = fulls.find((e) => e !== base && base !== undefined && t(endOf(e)) === t(endOf(base)));
  if (base !== undefined && twin !== undefined) throw tie(tableArn, base, twin);
  const leftOut: LeftOut[] = [];
  const chainIncrementals: FoundExport[] = [];
  for (const e of found) {
    if (e === base) continue;
    if (e.tableArn !== tableArn) leftOut.push({ export: e, why: `an export of another table (${e.tableArn})` });
    else if (!inReach(e))
      leftOut.push({ export: e, why: `${e.type === 'FULL_EXPORT' ? 'made' : 'ends'} after restore-to` });
    else if (e.type === 'FULL_EXPORT')
      leftOut.push({ export: e, why: `an older full export; ${base?.id ?? ''} is the newest at or before restore-to` });
    else if (base !== undefined && t(endOf(e)) <= t(endOf(base)))
      leftOut.push({ export: e, why: `its window ends at or before the full export ${base.id} was made` });
    else chainIncrementals.push(e);
  }
  // Applied in order of their window's end: each leaves every item it holds as it was at that end.
  chainIncrementals.sort((a, b) => t(endOf(a)) - t(endOf(b)) || t(startOf(a)) - t(startOf(b)));
  const steps: ChainStep[] = [
    ...(base === undefined ? [] : [{ export: base, action: 'import' as const }]),
    ...chainIncrementals.map((e) => ({ export: e, action: 'apply' as const })),
  ];
  const start = base === undefined ? new Date(Math.min(...chainIncrementals.map((e) => t(startOf(e))))) : endOf(base);
  const gap = firstGap(base, chainIncrementals, start);
  const restoredTo = new Date(Math.max(t(start), ...chainIncrementals.map((e) => t(endOf(e)))));
  const notes = tablesNote(found, tableArn);
  if (base === undefined)
    notes.push(
      `No full export of this table is at or before the restore point: the changes can only be applied onto the table as it is (changes-onto-table: true), which must hold its state as of ${iso(start)}.`,
    );
  if (requested !== undefined && t(restoredTo) < t(requested))
    notes.push(shortOfApply(found, tableArn, requested, restoredTo));
  return {
    tableArn,
    direction: 'apply',
    steps,
    leftOut,
    restoredTo,
    ...(requested === undefined ? {} : { requested }),
    notes,
    ...(gap === undefined ? {} : { gap }),
  };
}

function shortOfApply(found: readonly FoundExport[], tableArn: string, requested: Date, restoredTo: Date): string {
  const inside = found.find(
    (e) =>
      e.tableArn === tableArn &&
      e.type === 'INCREMENTAL_EXPORT' &&
      t(startOf(e)) < t(requested) &&
      t(requested) < t(endOf(e)),
  );
  if (inside !== undefined)
    return `restore-to ${iso(requested)} is inside the window of ${inside.id} (${iso(startOf(inside))} to ${iso(endOf(inside))}): an incremental export holds each item's state at its window's end only, so the table is restored to ${iso(restoredTo)}, the end of the last window that ends at or before restore-to.`;
  return `The exports reach only to ${iso(restoredTo)}, before restore-to ${iso(requested)}: the table is restored to ${iso(restoredTo)}.`;
}

function planRevert(found: readonly FoundExport[], requested: Date | undefined): Chain {
  const incrementals = found.filter((e) => e.type === 'INCREMENTAL_EXPORT');
  if (incrementals.length === 0)
    throw new TransferError(
      'CHANGES_NOT_REVERTIBLE',
      'changes: revert undoes incremental exports, and the source holds only full exports, which record no changes. Nothing was written.',
    );
  const inReach = (e: FoundExport): boolean => requested === undefined || t(startOf(e)) >= t(requested);
  const reachable = incrementals.filter(inReach);
  const tableArn = chosenTable(reachable.length > 0 ? reachable : incrementals);
  const leftOut: LeftOut[] = [];
  const reverted: FoundExport[] = [];
  for (const e of found) {
    if (e.tableArn !== tableArn) leftOut.push({ export: e, why: `an export of another table (${e.tableArn})` });
    else if (e.type === 'FULL_EXPORT') leftOut.push({ export: e, why: 'a full export records no changes to revert' });
    else if (!inReach(e)) leftOut.push({ export: e, why: 'starts before restore-to' });
    else reverted.push(e);
  }
  if (reverted.length === 0)
    throw new TransferError(
      'CHAIN_UNUSABLE',
      `No incremental export of ${tableArn} starts at or after restore-to ${iso(requested as Date)}; nothing was written.`,
    );
  const newImageOnly = reverted.filter((e) => e.view !== 'NEW_AND_OLD_IMAGES');
  if (newImageOnly.length > 0)
    throw new TransferError(
      'CHANGES_NOT_REVERTIBLE',
      `changes: revert puts back each item's OldImage, and ${newImageOnly.map((e) => e.shown).join(', ')} ${newImageOnly.length === 1 ? 'was' : 'were'} exported with view NEW_IMAGE, which records no old images: what those items were before the window is not in the export. Nothing was written. Revert needs exports made with export-view-type: NEW_AND_OLD_IMAGES.`,
    );
  const ascending = [...reverted].sort((a, b) => t(startOf(a)) - t(startOf(b)) || t(endOf(a)) - t(endOf(b)));
  const gap = firstGap(undefined, ascending, startOf(ascending[0] as FoundExport));
  // Newest first: the window that starts last is undone first, so each earlier one puts back what was before it.
  const steps = [...ascending].reverse().map((e) => ({ export: e, action: 'revert' as const }));
  const restoredTo = startOf(ascending[0] as FoundExport);
  const notes = tablesNote(found, tableArn);
  if (requested !== undefined && t(restoredTo) > t(requested)) {
    const inside = incrementals.find(
      (e) => e.tableArn === tableArn && t(startOf(e)) < t(requested) && t(requested) < t(endOf(e)),
    );
    notes.push(
      inside === undefined
        ? `No window starts at restore-to ${iso(requested)}: the table goes back to ${iso(restoredTo)}, the start of the earliest window reverted.`
        : `restore-to ${iso(requested)} is inside the window of ${inside.id} (${iso(startOf(inside))} to ${iso(endOf(inside))}): reverting it would go back past restore-to, so the table goes back to ${iso(restoredTo)}, the start of the earliest window reverted.`,
    );
  }
  return {
    tableArn,
    direction: 'revert',
    steps,
    leftOut,
    restoredTo,
    ...(requested === undefined ? {} : { requested }),
    notes,
    ...(gap === undefined ? {} : { gap }),
  };
}

/** The first time from `start` on that no window covers, with the exports on either side of it. */
function firstGap(base: FoundExport | undefined, incrementals: readonly FoundExport[], start: Date): Gap | undefined {
  const byStart = [...incrementals].sort((a, b) => t(startOf(a)) - t(startOf(b)) || t(endOf(a)) - t(endOf(b)));
  let covered = t(start);
  let reachedBy = base ?? byStart[0];
  for (const e of byStart) {
    if (t(startOf(e)) > covered && reachedBy !== undefined)
      return { after: reachedBy, before: e, from: new Date(covered), to: startOf(e) };
    if (t(endOf(e)) > covered) {
      covered = t(endOf(e));
      reachedBy = e;
    }
  }
  return undefined;
}

/**
 * The table whose exports make the chain, when a prefix holds exports of
 * several: the one with the most exports in reach (a stray export of another
 * table is the exception), then the one exported last.
 */
function chosenTable(exports: readonly FoundExport[]): string {
  const byTable = new Map<string, FoundExport[]>();
  for (const e of exports) byTable.set(e.tableArn, [...(byTable.get(e.tableArn) ?? []), e]);
  const ranked = [...byTable.entries()].sort(
    ([arnA, a], [arnB, b]) =>
      b.length - a.length ||
      t(endOf(newest(b, endOf) as FoundExport)) - t(endOf(newest(a, endOf) as FoundExport)) ||
      (arnA < arnB ? -1 : 1),
  );
  return (ranked[0] as [string, FoundExport[]])[0];
}

function tablesNote(found: readonly FoundExport[], tableArn: string): string[] {
  const tables = new Set(found.map((e) => e.tableArn)).size;
  if (tables === 1) return [];
  return [
    `The source holds exports of ${tables} tables: this restores ${tableArn}, which has the most exports in reach; the exports of the others are left out. Point prefix or path at the exports of one table to choose another.`,
  ];
}

function newest(exports: readonly FoundExport[], time: (e: FoundExport) => Date): FoundExport | undefined {
  let best: FoundExport | undefined;
  for (const e of exports) {
    if (best === undefined || t(time(e)) > t(time(best)) || (t(time(e)) === t(time(best)) && e.id > best.id)) best = e;
  }
  return best;
}

function tie(tableArn: string, a: FoundExport, b: FoundExport): TransferError {
  const [first, second] = [a, b].sort((x, y) => (x.id < y.id ? -1 : 1)) as [FoundExport, FoundExport];
  return new TransferError(
    'CHAIN_UNUSABLE',
    `Two full exports of ${tableArn} have the same exportTime ${iso(endOf(a))}: ${first.shown} and ${second.shown}. Which of them holds the table as it was then cannot be told, so neither is used. Nothing was created or written. Move the one that does not belong out of the prefix, or set restore-to before ${iso(endOf(a))}.`,
  );
}

/** CHAIN_GAP: the sentence that refuses a chain with a gap, naming both exports and the missing window. */
export function gapMessage(gap: Gap): string {
  return `No export covers ${iso(gap.from)} to ${iso(gap.to)}: ${gap.after.shown} reaches ${iso(gap.from)}, and the next, ${gap.before.shown}, starts at ${iso(gap.to)}. The changes made in between are in no export, so the table cannot be restored past ${iso(gap.from)}. Nothing was created or written. Export that window (export-type: INCREMENTAL_EXPORT, incremental-from: ${iso(gap.from)}, incremental-to: ${iso(gap.to)}) into the same prefix, or set restore-to at or before ${iso(gap.from)}.`;
}
