// An unfinished direct export's checkpoint, AWSDynamoDB/<exportId>/_checkpoint.json:
// what the export was asked for, where each scan segment stands after its
// last complete and stored data file, and those files with their item counts
// and MD5s. Written whole (a single PutObject, or a local file renamed into
// place) after each data file, read back by the next run to continue.

import type { AttributeValue, TableDescription } from '@aws-sdk/client-dynamodb';
import { type DataFileEntry, type ExportPaths } from '../formats/manifest.js';
import type { ExportPlan } from '../plan.js';
import { unsafeKey } from '../storage/store.js';
import type { SegmentPosition } from './segment-pages.js';

export const CHECKPOINT_NAME = '_checkpoint.json';
/** Far above what a checkpoint of thousands of data files takes; a larger file is not ours. */
export const CHECKPOINT_MAX_BYTES = 32 * 1024 * 1024;

/** What must be the same for a run to continue an earlier one's export. */
export interface ExportRequest {
  tableName: string;
  tableArn: string;
  tableId: string;
  /** CreationDateTime: DynamoDB Local gives a table created again the same ARN and no id. */
  tableCreated: string;
  format: ExportPlan['format'];
  compression: ExportPlan['compression'];
  /** The filter, projection and key condition with their placeholders, as JSON. */
  expressions: string;
}

export interface CheckpointFile extends DataFileEntry {
  segment: number;
}

export interface ExportCheckpoint extends ExportRequest {
  version: 1;
  exportId: string;
  startTime: string;
  exportTime: string;
  segments: { lastEvaluatedKey: Record<string, AttributeValue> | null; done: boolean }[];
  files: CheckpointFile[];
}

export function exportRequest(
  plan: Pick<ExportPlan, 'format' | 'compression' | 'expressions'>,
  table: Pick<TableDescription, 'TableName' | 'TableArn' | 'TableId' | 'CreationDateTime'>,
): ExportRequest {
  return {
    tableName: table.TableName ?? '',
    tableArn: table.TableArn ?? '',
    tableId: table.TableId ?? '',
    tableCreated: table.CreationDateTime?.toISOString() ?? '',
    format: plan.format,
    compression: plan.compression,
    expressions: JSON.stringify(plan.expressions ?? {}),
  };
}

/** The checkpoint of an export just started: every segment at its start, no file yet. */
export function freshCheckpoint(
  request: ExportRequest,
  exportId: string,
  startTime: string,
  exportTime: Date,
  segments: number,
): ExportCheckpoint {
  return {
    version: 1,
    exportId,
    ...request,
    startTime,
    exportTime: exportTime.toISOString(),
    segments: Array.from({ length: segments }, () => ({ lastEvaluatedKey: null, done: false })),
    files: [],
  };
}

export function sumItems(files: readonly { itemCount: number }[]): number {
  return files.reduce((sum, file) => sum + file.itemCount, 0);
}

/** A checkpoint that cannot be used, and why, in words for the log. */
export class CheckpointRefused extends Error {
  /** `other-table`: not this table's export at all, so not a reason to say "starting over". */
  readonly kind: 'other-table' | 'unusable';

  constructor(kind: 'other-table' | 'unusable', message: string) {
    super(message);
    this.name = 'CheckpointRefused';
    this.kind = kind;
  }
}

/**
 * The checkpoint, checked: it parses, it is of this table and this request,
 * its segments agree with its files, and every file it names is a data file
 * directly inside this export's data/ folder. The files' content is checked
 * by the caller, against the store.
 */
export function parseCheckpoint(text: string, paths: ExportPaths, request: ExportRequest): ExportCheckpoint {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CheckpointRefused('unusable', `it is not valid JSON (${(error as Error).message})`);
  }
  const c = value as Partial<ExportCheckpoint>;
  if (typeof c !== 'object' || c === null || c.version !== 1 || !Array.isArray(c.segments) || !Array.isArray(c.files))
    throw new CheckpointRefused('unusable', 'it is not a checkpoint of this version (no version 1, segments or files)');
  if (
    c.tableName !== request.tableName ||
    c.tableArn !== request.tableArn ||
    c.tableId !== request.tableId ||
    c.tableCreated !== request.tableCreated
  ) {
    throw new CheckpointRefused(
      'other-table',
      `it is of table ${JSON.stringify(c.tableName)} (${JSON.stringify(c.tableArn)}${c.tableCreated ? `, created ${c.tableCreated}` : ''}, id ${JSON.stringify(c.tableId)}), not this one`,
    );
  }
  for (const name of ['format', 'compression', 'expressions'] as const) {
    if (c[name] !== request[name])
      throw new CheckpointRefused(
        'unusable',
        `it was written with ${name} ${c[name]}, and this run asks for ${request[name]}`,
      );
  }
  const folderId = paths.folder.split('/').at(-2);
  if (c.exportId !== folderId)
    throw new CheckpointRefused('unusable', `it names export ${c.exportId}, not ${folderId}`);
  if (typeof c.startTime !== 'string' || typeof c.exportTime !== 'string')
    throw new CheckpointRefused('unusable', 'it has no startTime or exportTime');
  const count = c.segments.length;
  if (count < 1 || count > 256) throw new CheckpointRefused('unusable', `it has ${count} segments, not 1 to 256`);
  for (const [i, s] of c.segments.entries()) {
    const key = (s as Partial<ExportCheckpoint['segments'][number]>)?.lastEvaluatedKey;
    if (typeof s?.done !== 'boolean' || (key !== null && (typeof key !== 'object' || Array.isArray(key))))
      throw new CheckpointRefused('unusable', `segment ${i} has no done flag or a lastEvaluatedKey that is not a key`);
  }
  const seen = new Set<string>();
  for (const f of c.files as Partial<CheckpointFile>[]) checkFile(f, paths, count, seen);
  checkSegmentsAgainstFiles(c as ExportCheckpoint);
  return c as ExportCheckpoint;
}

/**
 * A segment's position is saved only with a data file of it (one, empty, at
 * least for a segment that ends without items): a segment marked done, or
 * moved on, without any file claims work no run did, and one with files but
 * at its start would read them again.
 */
function checkSegmentsAgainstFiles(c: ExportCheckpoint): void {
  const withFiles = new Set(c.files.map((f) => f.segment));
  for (const [i, s] of c.segments.entries()) {
    const has = withFiles.has(i);
    if (s.done && !has) throw new CheckpointRefused('unusable', `segment ${i} is marked done but has no data file`);
    if (!s.done && s.lastEvaluatedKey !== null && !has)
      throw new CheckpointRefused('unusable', `segment ${i} has a position but no data file`);
    if (!s.done && s.lastEvaluatedKey === null && has)
      throw new CheckpointRefused('unusable', `segment ${i} has data files but is at its start`);
  }
}

function checkFile(f: Partial<CheckpointFile>, paths: ExportPaths, segments: number, seen: Set<string>): void {
  const key = f?.dataFileS3Key;
  if (typeof key !== 'string') throw new CheckpointRefused('unusable', 'a data file has no dataFileS3Key');
  const name = key.startsWith(paths.dataFolder) ? key.slice(paths.dataFolder.length) : '';
  const why = unsafeKey(key);
  if (why !== undefined || name === '' || name.includes('/'))
    throw new CheckpointRefused(
      'unusable',
      `it names data file ${JSON.stringify(key)}, which is not a file directly inside ${paths.dataFolder}${why === undefined ? '' : ` (${why})`}`,
    );
  if (seen.has(key)) throw new CheckpointRefused('unusable', `it names data file ${key} twice`);
  seen.add(key);
  if (
    !Number.isSafeInteger(f.itemCount) ||
    (f.itemCount ?? -1) < 0 ||
    typeof f.md5Checksum !== 'string' ||
    typeof f.etag !== 'string' ||
    !Number.isInteger(f.segment) ||
    (f.segment ?? -1) < 0 ||
    (f.segment ?? segments) >= segments
  )
    throw new CheckpointRefused('unusable', `data file ${key} has no item count, MD5, ETag or segment of its export`);
}

/**
 * Keeps the checkpoint of the export being written: each data file is added
 * with where its segment then stood, and the whole checkpoint is written
 * again, one write at a time and in order, so the last one written is the
 * newest.
 */
export class CheckpointKeeper {
  private readonly state: ExportCheckpoint;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    initial: ExportCheckpoint,
    private readonly write: (text: string) => Promise<unknown>,
  ) {
    this.state = structuredClone(initial);
  }

  get files(): readonly CheckpointFile[] {
    return this.state.files;
  }

  /** Where each segment starts: from the checkpoint, or from the beginning. */
  positions(): SegmentPosition[] {
    return this.state.segments.map((s) => ({ lastEvaluatedKey: s.lastEvaluatedKey ?? undefined, done: s.done }));
  }

  /** A data file is complete and stored: record it with where its segment stands now. */
  fileDone(segment: number, entry: DataFileEntry, position: SegmentPosition): Promise<void> {
    this.state.files.push({ ...entry, segment });
    this.state.segments[segment] = { lastEvaluatedKey: position.lastEvaluatedKey ?? null, done: position.done };
    return this.save();
  }

  /** Writes the checkpoint as it is now, after any write under way. */
  save(): Promise<void> {
    const text = `${JSON.stringify(this.state)}\n`;
    this.writing = this.writing.then(() => this.write(text)).then(() => undefined);
    return this.writing;
  }
}
