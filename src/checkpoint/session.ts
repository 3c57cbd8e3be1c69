// An import's checkpoint from start to end: where it is kept, whether the
// one found there is resumed from (or why not), the watermark of what
// DynamoDB acknowledged, and what the log and the summary say about it.

import type { SourceObject } from '../sources/resolve.js';
import { Checkpointer, type CheckpointerDeps, describePosition } from './checkpointer.js';
import { type ResumeDecision, decideResume } from './decide.js';
import type { CheckpointPlace } from './places.js';
import type { ImportCheckpoint, ImportIdentity, ObjectFingerprint, Position } from './state.js';
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
  /** Asked before a checkpoint is resumed from: a reason to start over instead (the table is gone). */
  stillThere?: () => Promise<string | undefined>;
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
  const watermark = new Watermark(start);
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
          objects: fingerprints,
          rejectedItems: resumed?.rejectedItems ?? [],
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
  if (options.resume === 'never') {
    options.log(`resume: never: any checkpoint in ${place.description} is ignored, and replaced as the import goes.`);
    return { kind: 'none' };
  }
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
  const decision = decideResume(text, options.identity, objects);
  const gone = decision.kind === 'resume' ? await options.stillThere?.() : undefined;
  return gone === undefined ? decision : { kind: 'start-over', reason: gone, warn: true };
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
