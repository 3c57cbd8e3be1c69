// What a direct import's checkpoint holds, and reading one back without
// trusting it: the import it belongs to (table, source, format), the source's
// objects as they were (sizes and ETags or MD5s), how far the import got (the
// objects finished, and how many records of the next one DynamoDB has
// acknowledged), the counts so far and where rejected items went. Pure: no
// I/O here.

export const CHECKPOINT_KIND = 'dynamodb-s3-transfer import checkpoint';
export const CHECKPOINT_VERSION = 1;

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

export interface CheckpointCounts {
  processed: number;
  imported: number;
  errors: number;
}

export interface ImportCheckpoint {
  kind: typeof CHECKPOINT_KIND;
  version: typeof CHECKPOINT_VERSION;
  identity: ImportIdentity;
  objects: ObjectFingerprint[];
  position: Position;
  /** Every run's counts added up, as of the last save. */
  counts: CheckpointCounts;
  /** Where each run's rejected items went (runs that rejected nothing add nothing). */
  rejectedItems: string[];
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
  if (!Array.isArray(c.objects) || !c.objects.every(isFingerprint))
    throw new CorruptCheckpoint('its list of source objects is malformed');
  if (!isRecordOf(c.position, ['finished', 'records'], 'count'))
    throw new CorruptCheckpoint('its position is malformed');
  if (!isRecordOf(c.counts, ['processed', 'imported', 'errors'], 'count'))
    throw new CorruptCheckpoint('its counts are malformed');
  if (!Array.isArray(c.rejectedItems) || !c.rejectedItems.every((r) => typeof r === 'string'))
    throw new CorruptCheckpoint('its rejected-items list is malformed');
  if (!isCount(c.runs) || typeof c.completed !== 'boolean' || typeof c.savedAt !== 'string')
    throw new CorruptCheckpoint('its run fields are malformed');
  const checkpoint = c as ImportCheckpoint;
  const { finished, records } = checkpoint.position;
  if (finished > checkpoint.objects.length || (finished === checkpoint.objects.length && records > 0))
    throw new CorruptCheckpoint(
      `its position (${finished} object(s) finished) is beyond its own list of ${checkpoint.objects.length} object(s)`,
    );
  return checkpoint;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
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
