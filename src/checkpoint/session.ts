// An import's checkpoint from start to end: where it is kept, whether the
// one found there is resumed from (or why not), the watermark of what
// DynamoDB acknowledged, and what the log and the summary say about it.

import type { SourceObject } from '../sources/resolve.js';
import { Checkpointer, type CheckpointerDeps, describePosition } from './checkpointer.js';
import { InputError } from '../errors.js';
import { type ResumeDecision, decideResume, notOurs, otherTable } from './decide.js';
import type { CheckpointPlace } from './places.js';
import type { ImportCheckpoint, ImportIdentity, ObjectFingerprint, Position, TableIdentity } from './state.js';
import { Watermark } from './watermark.js';
import { checkpointPlace } from './where.js';
import type { ImportPlan, Location } from '../plan.js';
import type { S3Access } from '../aws/lazy-clients.js';

export interface CheckpointOptions {
  given: Location | undefined;
  resume: ImportPlan['resume'];
  identity: ImportIdentity;
  objects: readonly SourceObject[];
  env: Record<string, string | undefined>;
  s3: S3Access;
  clientToken?: string | undefined;
  log: (line: string) => void;
  warn: (line: string) => void;
  /** Asked before a checkpoint is resumed from: the table of that name as it is now, if there is one. */
  tableNow?: () => Promise<TableIdentity | undefined>;
}

export interface CheckpointSession {
  place: CheckpointPlace;
  /** The checkpoint resumed from, when there is one. */
  resumed: ImportCheckpoint | undefined;
  /** Why a checkpoint that was found is not used. */
  startedOver: string | undefined;
  start: Position;
  watermark: Watermark;
  /** Started with what the import counts: `begin(deps)` once the writes can start. */
  begin(deps: CheckpointerDeps): Checkpointer;
  /** Lines for the summary: what was resumed from and skipped, or why not. */
  report(skipped: { objects: number; records: number }, completed: boolean): string[];
}

export async function openCheckpoint(options: CheckpointOptions): Promise<CheckpointSession> {
  const fingerprints: ObjectFingerprint[] = options.objects.map((o) => ({
    key: o.key,
    size: o.size,
    ...(o.md5 !== undefined ? { tag: `md5:${o.md5}` } : o.etag !== undefined ? { tag: o.etag } : {}),
  }));
  const place = checkpointPlace(options.given, options.identity, options);
  const decision = await load(place, options, fingerprints);
  // A place that could not be read (a cache service down or hanging) is not written to either.
  const unreachable = decision.kind === 'start-over' && decision.unreachable === true;
  const resumed = decision.kind === 'resume' ? decision.checkpoint : undefined;
  const startedOver = decision.kind === 'start-over' ? decision.reason : undefined;
  if (startedOver !== undefined) {
    const line = unreachable
      ? `No checkpoint could be read from ${place.description}: ${startedOver}. The import starts at the beginning.`
      : `Starting over, not from the checkpoint in ${place.description}: ${startedOver}.`;
    if (decision.kind === 'start-over' && decision.warn) options.warn(line);
    else options.log(line);
  }
  const start = resumed?.position ?? { finished: 0, records: 0 };
  if (resumed !== undefined) options.log(resumeLine(place, resumed));
  const watermark = new Watermark(start, resumed ?? {});
  return {
    place,
    resumed,
    startedOver,
    start,
    watermark,
    begin: (deps) =>
      new Checkpointer(
        place,
        {
          identity: options.identity,
          table: resumed?.table ?? null,
          objects: fingerprints,
          rejectedItems: resumed?.rejectedItems ?? [],
          rejectsPlaces: resumed?.rejectsPlaces ?? [],
          runs: resumed?.runs ?? 0,
          earlier: resumed?.counts ?? { processed: 0, imported: 0, errors: 0 },
        },
        watermark,
        deps,
        unreachable,
      ),
    report: (skipped, completed) => [
      ...reportLines(place, resumed, startedOver, skipped),
      ...(completed || unreachable
        ? []
        : [`A re-run of this step resumes from the checkpoint in ${place.description}.`]),
    ],
  };
}

async function load(
  place: CheckpointPlace,
  options: CheckpointOptions,
  objects: ObjectFingerprint[],
): Promise<ResumeDecision> {
  let text: string | undefined;
  try {
    text = await place.load();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      kind: 'start-over',
      reason: `${why}; none is saved there this run`,
      warn: true,
      unreachable: true,
    };
  }
  // Even with resume: never: what is there is replaced as the import goes, and removed at its end.
  const foreign = text === undefined ? undefined : notOurs(text);
  if (foreign !== undefined) throw refusal(place, foreign);
  if (options.resume === 'never') {
    options.log(`resume: never: any checkpoint in ${place.description} is ignored, and replaced as the import goes.`);
    return { kind: 'none' };
  }
  const decision = decideResume(text, options.identity, objects);
  if (decision.kind !== 'resume' || options.tableNow === undefined) return decision;
  const other = otherTable(decision.checkpoint, options.identity.table, await options.tableNow());
  return other === undefined ? decision : { kind: 'start-over', reason: other, warn: true };
}

/** A checkpoint place holding what this action did not write: never written over or deleted. */
function refusal(place: CheckpointPlace, why: string): InputError {
  return new InputError([
    {
      input: 'checkpoint',
      value: place.description,
      message: `checkpoint ${place.description} is not a checkpoint of this action (${why}); nothing was created, written or deleted. The checkpoint is written over as the import goes and removed at its end, so it must be a new place or one an earlier run of this action wrote: choose a new path or object key, or remove what is there.`,
    },
  ]);
}

const n = (value: number): string => value.toLocaleString('en-US');

function resumeLine(place: CheckpointPlace, c: ImportCheckpoint): string {
  return `Resuming from the checkpoint in ${place.description} (saved ${c.savedAt}, run ${c.runs}): ${describePosition(c)}; skipped without writing.`;
}

function reportLines(
  place: CheckpointPlace,
  resumed: ImportCheckpoint | undefined,
  startedOver: string | undefined,
  skipped: { objects: number; records: number },
): string[] {
  if (resumed === undefined) return startedOver === undefined ? [] : [`Started over: ${startedOver}.`];
  const { counts } = resumed;
  const lines = [
    `Resumed from the checkpoint in ${place.description}, saved ${resumed.savedAt} by run ${resumed.runs} of this import.`,
    `Skipped, done by earlier runs: ${n(skipped.objects)} whole object(s) and ${n(skipped.records)} record(s) of the next one, without writing them (earlier runs: ${n(counts.processed)} processed, ${n(counts.imported)} imported, ${n(counts.errors)} error(s)).`,
  ];
  if (resumed.rejectedItems.length > 0)
    lines.push(`Rejected items of earlier runs are in ${resumed.rejectedItems.join(', ')}.`);
  return lines;
}
