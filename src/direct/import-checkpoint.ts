// The direct import's side of the checkpoint (src/checkpoint/): opened once
// the source is known and before the table is touched, it says where to
// start (only into the very table earlier runs wrote into), saves before the
// table is created and once it is ready, follows each record to its
// acknowledgement, saves as the import goes and once more at its end, and
// gives the summary its lines.

import { resolve } from 'node:path';
import type { TableDescription } from '@aws-sdk/client-dynamodb';
import type { ImportPlan, Location } from '../plan.js';
import type { CheckpointReport } from '../result.js';
import { describeTable } from '../aws/table.js';
import type { DecodeOptions } from '../formats/decode.js';
import type { ResolvedSource, SourceObject } from '../sources/resolve.js';
import { openCheckpoint } from '../checkpoint/session.js';
import type { TableIdentity } from '../checkpoint/state.js';
import type { EngineDeps } from './deps.js';
import type { Ledger } from './ledger.js';
import type { RejectsFile } from './rejects.js';
import type { ItemOrigin } from './sink.js';

export interface ObjectTracking {
  /** Records at the start of the object that an earlier run finished: read past, not written. */
  skip: number;
  /** A record handed to the sink: its watermark ticket. */
  issued(record: number): number;
  /** A record rejected by the checks (no write to wait for); true when an earlier run's rejected-items file has it. */
  passed(record: number): boolean;
  /** A damaged object: none of its `items` used, each an error; true when an earlier run's rejected-items file has it. */
  rejectedWhole(items: number): boolean;
  /** After each batch of records: a chance to save the checkpoint. */
  batchDone(): void;
  /** Every record read: how many the object held (fewer than `skip` means the checkpoint was wrong about it). */
  objectRead(records: number): void;
}

export interface ImportCheckpointing {
  /** A checkpoint is resumed from: the table is written into as it is (never created or emptied again). */
  resuming: boolean;
  /** Where earlier runs put (or would have put) rejected items, and how many runs there were. */
  earlier: { rejectsPlaces: readonly string[]; runs: number };
  /** A write DynamoDB rejected (before onSettled): true when an earlier run's rejected-items file has its record. */
  rejectedBefore: (origin: { ticket?: number }) => boolean;
  /** The writer's onSettled: moves the watermark. */
  settled: (acknowledged: ItemOrigin[], rejected: ItemOrigin[]) => void;
  start(parts: { ledger: Ledger; rejects: Pick<RejectsFile, 'location'> }): CheckpointTracking;
}

export interface CheckpointTracking {
  /** Saved before the table is created (`null`), and once it is ready, before any write. */
  table(table: TableDescription | null): Promise<void>;
  /** Objects before this one were finished by earlier runs. */
  firstObject: number;
  /** `fromStart`: the object is read again from its first record (the checkpoint claimed more records than it holds). */
  object(index: number, object: SourceObject, fromStart?: boolean): ObjectTracking & { shorter: boolean };
  warnings: string[];
  /** `rejectsClosed`: the rejected-items file is whole (closed without error). */
  finish(completed: boolean, rejectsClosed: boolean): Promise<CheckpointReport>;
}

/**
 * The rejected-items place of a resumed run whose given place an earlier run
 * of the same import filled: `<name>.run-<n>.jsonl` beside it (an S3 object
 * cannot be appended to, and a file this run did not create is never written
 * over). Any other refusal of the place stands.
 */
export function rejectsAfter(
  given: Location,
  checkpoint: Pick<ImportCheckpointing, 'resuming' | 'earlier'> | undefined,
  refusal: unknown,
): Location {
  const place = given.kind === 's3' ? `s3://${given.bucket}/${given.prefix}` : resolve(given.path);
  if (checkpoint?.resuming !== true || !checkpoint.earlier.rejectsPlaces.includes(place)) throw refusal;
  const run = checkpoint.earlier.runs + 1;
  const next = (name: string) => name.replace(/(\.jsonl)?$/, `.run-${run}$1`);
  return given.kind === 's3' ? { ...given, prefix: next(given.prefix) } : { kind: 'local', path: next(given.path) };
}

/** Format, compression and CSV options: a checkpoint is resumed only by an import that reads the source the same way. */
export function describeReading(reading: Omit<DecodeOptions, 'keys'>): string {
  const csv =
    reading.csv === undefined
      ? ''
      : `, delimiter ${JSON.stringify(reading.csv.delimiter)}, header ${reading.csv.header?.join(',') ?? '(first line)'}`;
  return `${reading.format}, compression ${reading.compression}${csv}`;
}

export async function openImportCheckpoint(
  plan: ImportPlan,
  source: ResolvedSource,
  describedSource: string,
  reading: Omit<DecodeOptions, 'keys'>,
  deps: EngineDeps,
): Promise<ImportCheckpointing> {
  const session = await openCheckpoint({
    given: plan.checkpoint,
    resume: plan.resume,
    identity: { table: plan.tableName, source: describedSource, reading: describeReading(reading) },
    objects: source.objects,
    env: deps.env ?? {},
    s3: deps.s3,
    clientToken: plan.clientToken,
    log: deps.log,
    warn: deps.warn,
    tableNow: async () => {
      const table = await describeTable(deps.dynamodb, plan.tableName);
      return table === undefined ? undefined : tableIdentity(table);
    },
  });
  const { watermark, start } = session;
  const settled = (acknowledged: ItemOrigin[], rejected: ItemOrigin[]): void => {
    for (const origin of acknowledged) if (origin.ticket !== undefined) watermark.done(origin.ticket, true);
    for (const origin of rejected) if (origin.ticket !== undefined) watermark.done(origin.ticket, false);
  };
  return {
    resuming: session.resumed !== undefined,
    earlier: { rejectsPlaces: session.resumed?.rejectsPlaces ?? [], runs: session.resumed?.runs ?? 0 },
    settled,
    rejectedBefore: (origin) => origin.ticket !== undefined && watermark.ticketRejectedBefore(origin.ticket),
    start: ({ ledger, rejects }) => {
      const checkpointer = session.begin({
        now: deps.now,
        log: deps.log,
        warn: deps.warn,
        rejectedItems: () => (ledger.filed > 0 ? rejects.location : undefined),
        rejectsPlace: rejects.location,
      });
      let skippedRecords = 0;
      const warnings: string[] = [];
      return {
        table: (table) => checkpointer.saveNow(table === null ? null : tableIdentity(table)),
        firstObject: start.finished,
        warnings,
        object: (index, object, fromStart = false) => {
          const skip = index === start.finished && !fromStart ? start.records : 0;
          let damaged: number | undefined;
          const tracking = {
            skip,
            shorter: false,
            issued: (record: number) => watermark.issue(index, record),
            passed: (record: number) => {
              watermark.passed(index, record);
              return watermark.rejectedBefore(index, record);
            },
            rejectedWhole: (items: number) => {
              damaged = items;
              watermark.rejectedWhole(index, items);
              return watermark.rejectedBefore(index, 0);
            },
            batchDone: () => checkpointer.tick(),
            objectRead: (records: number) => {
              skippedRecords += Math.min(skip, records);
              if (records < skip) {
                tracking.shorter = true;
                // Shown once, as a warning of the result (the annotation and the summary).
                warnings.push(
                  `The checkpoint said the first ${skip} record(s) of ${object.key} were done, but it holds ${records}: the checkpoint is wrong about it, so it was imported again from its start.`,
                );
                return;
              }
              watermark.objectRead(index, damaged ?? records);
              checkpointer.tick(true);
            },
          };
          return tracking;
        },
        finish: async (completed, rejectsClosed) => {
          await checkpointer.finish(completed, rejectsClosed);
          return {
            resumed: session.resumed !== undefined,
            place: session.place.description,
            lines: session.report({ objects: start.finished, records: skippedRecords }, completed),
          };
        },
      };
    },
  };
}

/** The table by identity: a table deleted and created again under its name is another. */
export function tableIdentity(table: TableDescription): TableIdentity {
  return {
    arn: table.TableArn ?? '',
    ...(table.TableId === undefined ? {} : { id: table.TableId }),
    created: table.CreationDateTime?.toISOString() ?? '',
  };
}
