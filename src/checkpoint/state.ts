// What a direct import's checkpoint holds, and reading one back without
// trusting it: the import it belongs to (table, source, format), the table it
// writes into by identity, the source's objects as they were (sizes and ETags
// or MD5s), how far the import got (the objects finished, the records each
// held, and how many records of the next one DynamoDB has acknowledged), the
// counts so far and where rejected items went. Pure: no I/O here.

export const CHECKPOINT_KIND = 'dynamodb-s3-transfer import checkpoint';
export const CHECKPOINT_VERSION = 2;

/** One source object as the checkpointed run saw it: a change of size or tag means the source changed. */
export interface ObjectFingerprint {
  key: string;
  size: number;
  /** The ETag (S3), modification time (local) or manifest MD5 (an export's data file). */
  tag?: string;
}

/** Which import a checkpoint belongs to. */
export interface ImportIdentity {
  table: string;
  /** The source as shown to people (s3://bucket/prefix or a path). */
  source: string;
  /** Format, compression and CSV options, as one string. */
  reading: string;
}

/** How far an import got: every record of the first `finished` objects, and the first `records` records of the next. */
export interface Position {
  finished: number;
  records: number;
}

/**
 * The table as DescribeTable told it: one deleted and created again under the
 * name has another creation time (and on AWS another ARN and id).
 */
export interface TableIdentity {
  arn: string;
  /** AWS's TableId; DynamoDB Local has none. */
  id?: string;
  /** CreationDateTime, ISO 8601. */
  created: string;
}

export interface CheckpointCounts {
  processed: number;
  imported: number;
  errors: number;
}

export interface ImportCheckpoint {
  kind: typeof CHECKPOINT_KIND;
  version: typeof CHECKPOINT_VERSION;
  identity: ImportIdentity;
  /** The table written into; null when saved just before the run created it. */
  table: TableIdentity | null;
  objects: ObjectFingerprint[];
  position: Position;
  /** The records each finished object held (one entry per object before the position): the counts are checked against them. */
  objectRecords: number[];
  /** Every run's counts added up, as of the last save. */
  counts: CheckpointCounts;
  /** Where each run's rejected items went (runs that rejected nothing add nothing). */
  rejectedItems: string[];
  /** Every run's rejected-items place, saved before the run could create it: a re-run knows them for its own. */
  rejectsPlaces: string[];
  /**
   * Records at or past the position that a stopped run rejected and wrote to
   * its closed rejected-items file, as [object, record]: a resumed run counts
   * them again (the counts stop at the position) but does not write them again.
   */
  rejectedAhead: [number, number][];
  /** How many runs worked on this import. */
  runs: number;
  /** The run that saved it reached the end: a later run starts over. */
  completed: boolean;
  savedAt: string;
}

/** The checkpoint text could not be read as one: said as a sentence. */
export class CorruptCheckpoint extends Error {}

/** Parses and checks every field; throws CorruptCheckpoint saying what is wrong. */
export function parseCheckpoint(text: string): ImportCheckpoint {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CorruptCheckpoint(`it is not JSON (${(error as Error).message}); it may have been cut short`);
  }
  const c = value as Partial<ImportCheckpoint> | null;
  if (typeof c !== 'object' || c === null || c.kind !== CHECKPOINT_KIND)
    throw new CorruptCheckpoint('it is not an import checkpoint of this action');
  if (c.version !== CHECKPOINT_VERSION)
    throw new CorruptCheckpoint(
      `it is version ${String(c.version)}, and this action reads version ${CHECKPOINT_VERSION}`,
    );
  const identity = c.identity;
  if (!isRecordOf(identity, ['table', 'source', 'reading'], 'string'))
    throw new CorruptCheckpoint('its identity is malformed');
  if (c.table !== null && !isTableIdentity(c.table)) throw new CorruptCheckpoint('its table identity is malformed');
  if (!Array.isArray(c.objects) || !c.objects.every(isFingerprint))
    throw new CorruptCheckpoint('its list of source objects is malformed');
  if (!isRecordOf(c.position, ['finished', 'records'], 'count'))
    throw new CorruptCheckpoint('its position is malformed');
  if (!isRecordOf(c.counts, ['processed', 'imported', 'errors'], 'count'))
    throw new CorruptCheckpoint('its counts are malformed');
  if (!isStrings(c.rejectedItems) || !isStrings(c.rejectsPlaces))
    throw new CorruptCheckpoint('its rejected-items list is malformed');
  if (!Array.isArray(c.objectRecords) || !c.objectRecords.every(isCount))
    throw new CorruptCheckpoint('its records per object are malformed');
  if (
    !Array.isArray(c.rejectedAhead) ||
    !c.rejectedAhead.every((r) => Array.isArray(r) && r.length === 2 && r.every(isCount))
  )
    throw new CorruptCheckpoint('its list of rejected records is malformed');
  if (!isCount(c.runs) || typeof c.completed !== 'boolean' || typeof c.savedAt !== 'string')
    throw new CorruptCheckpoint('its run fields are malformed');
  const checkpoint = c as ImportCheckpoint;
  const { finished, records } = checkpoint.position;
  if (finished > checkpoint.objects.length || (finished === checkpoint.objects.length && records > 0))
    throw new CorruptCheckpoint(
      `its position (${finished} object(s) finished) is beyond its own list of ${checkpoint.objects.length} object(s)`,
    );
  checkAccounted(checkpoint);
  return checkpoint;
}

/**
 * Every record before the position is in the counts, once: a position moved
 * by hand past what the runs read (or counts that do not add up) is refused.
 */
function checkAccounted(c: ImportCheckpoint): void {
  const { processed, imported, errors } = c.counts;
  if (processed !== imported + errors)
    throw new CorruptCheckpoint(
      `its counts do not add up (${processed} processed, ${imported} imported, ${errors} error(s))`,
    );
  if (c.objectRecords.length !== c.position.finished)
    throw new CorruptCheckpoint(
      `it says ${c.position.finished} object(s) are finished, but gives the records of ${c.objectRecords.length}`,
    );
  const before = c.objectRecords.reduce((sum, n) => sum + n, 0) + c.position.records;
  if (before !== processed)
    throw new CorruptCheckpoint(
      `its position is ${before} record(s) in, but its counts say ${processed} were read: it claims work no run did`,
    );
  if (c.table === null && before > 0)
    throw new CorruptCheckpoint('it has records done but no table they were written into');
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((r) => typeof r === 'string');
}

function isTableIdentity(value: unknown): value is TableIdentity {
  const t = value as Partial<TableIdentity> | null;
  return (
    typeof t === 'object' &&
    t !== null &&
    typeof t.arn === 'string' &&
    typeof t.created === 'string' &&
    (t.id === undefined || typeof t.id === 'string')
  );
}

function isFingerprint(value: unknown): value is ObjectFingerprint {
  const o = value as Partial<ObjectFingerprint> | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    typeof o.key === 'string' &&
    isCount(o.size) &&
    (o.tag === undefined || typeof o.tag === 'string')
  );
}

function isRecordOf(value: unknown, fields: readonly string[], kind: 'string' | 'count'): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return fields.every((f) => (kind === 'string' ? typeof record[f] === 'string' : isCount(record[f])));
}
