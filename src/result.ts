// What an engine reports back; report.ts turns it into outputs and a summary.

import type { CapacityReport } from './aws/meter.js';
import type { EngineName, Location, Mode } from './plan.js';
import type { ChainReport } from './restore/chain-report.js';

export type Status = 'COMPLETED' | 'FAILED' | 'CANCELLED' | 'IN_PROGRESS';

/** One item that could not be moved, and where it came from. */
export interface ItemErrorSample {
  /** bucket/key:line, path:line, or item index. */
  location: string;
  code: string;
  message: string;
}

/** A file of the step's kept as a workflow artifact, for the summary's link. */
export interface ArtifactLink {
  what: 'rejected items' | 'differences';
  name: string;
  url: string;
}

/** A rejected item from a file in the repository, shown on that file's line in the pull request. */
export interface Annotation {
  /** Path relative to the repository root. */
  file: string;
  line: number;
  message: string;
}

/** One difference, for the summary; the differences file has them all. */
export interface DifferenceSample {
  kind: 'missing' | 'extra' | 'different';
  /** The key attributes as DynamoDB JSON text. */
  key: string;
  /** The attributes that differ (kind `different`). */
  attributes: string[];
}

/** What a comparison of a table with a source or an export found (mode verify, or `verify: true`). */
export interface VerificationResult {
  status: Exclude<Status, 'IN_PROGRESS'>;
  /** Why the comparison stopped before its end, `CODE: sentence`. */
  failure?: string;
  /** What the table was compared with: `export` (one read by its manifest) or `source`. */
  against: 'export' | 'source';
  /** The source or export, as s3:// URL or path. */
  source: string;
  tableName: string;
  /** Items read from the table. */
  tableItems: number;
  /** Records read from the source, good or not. */
  sourceRecords: number;
  /** Source records an import would reject: they have no trustworthy key and are not compared. */
  unreadable: number;
  /** Source records whose key an earlier one had; the last one was compared, as an import would write it. */
  duplicateKeys: number;
  matched: number;
  missing: number;
  extra: number;
  different: number;
  /** Where the differences file went, when anything differed. */
  differences?: string;
  first: DifferenceSample[];
  /** Partitions compared, of how many. */
  partitions: { done: number; total: number };
  durationSeconds: number;
}

/** A direct import's checkpoint: where it is kept, and whether this run resumed from it. */
export interface CheckpointReport {
  resumed: boolean;
  place: string;
  /** For the summary: what was skipped, or why the import started over. */
  lines: string[];
}

export interface TransferResult {
  mode: Mode;
  engine: EngineName;
  engineReason: string;
  status: Status;
  tableName?: string;
  tableArn?: string;
  jobArn?: string;
  /** Where data was read from and written to, as s3:// URLs or paths. */
  source?: string;
  destination?: string;
  itemCount?: number;
  processedItemCount?: number;
  importedItemCount?: number;
  errorCount?: number;
  /** Import and validate: read but neither written nor rejected (only when stopped); processed = imported + errors + this. */
  unwrittenItemCount?: number;
  processedSizeBytes?: number;
  exportManifest?: string;
  /** Set by an export: an incremental one holds change records, which ImportTable cannot read. */
  exportType?: 'FULL_EXPORT' | 'INCREMENTAL_EXPORT';
  dataUrl?: string;
  rejectedItems?: string;
  /** The rejected-items and differences files uploaded as workflow artifacts (on GitHub, when local). */
  artifacts?: ArtifactLink[];
  durationSeconds: number;
  /** The first errors, for the summary; errorCount has them all. */
  errors: ItemErrorSample[];
  /** Why the work stopped before its end, `CODE: sentence`; the counts above say what was done before. */
  failure?: string;
  /** A sentence for the end of the summary, such as "the job goes on server-side". */
  note?: string;
  /** The wait ended at the timeout with the job still running. */
  timedOut?: boolean;
  /** The step was cancelled: while waiting (managed), or during the work (direct). */
  aborted?: boolean;
  /** Direct export and import: whether this run continued an unfinished earlier one (`resume: auto`). */
  resumed?: boolean;
  /** Legal but probably wrong: duplicate keys, sorted data, very large objects. */
  warnings?: string[];
  /** The first rejected items from repository files; `annotationsOmitted` counts the rest. */
  annotations?: Annotation[];
  annotationsOmitted?: number;
  /** Export: how many data files were written, where known. */
  fileCount?: number;
  /** The table's key schema as `name:TYPE`, for the snippet that imports an export back. */
  keySchema?: string[];
  /** For links to the AWS console; absent when the endpoints are not AWS. */
  consoleRegion?: string;
  /** The DynamoDB endpoint the work ran against, when it was not AWS's: the import-back snippet needs it too. */
  endpointUrl?: string;
  /** The S3-compatible server the data went to or came from (s3-endpoint-url): the import-back snippet needs it too. */
  s3EndpointUrl?: string;
  /** Direct engine: the capacity consumed, as DynamoDB reported it, and the budget. */
  capacity?: CapacityReport;
  /** How a workflow refers to this action (`owner/repo@ref`), for the import-back snippet. */
  uses?: string;
  /** A completed export's folder (`<prefix>AWSDynamoDB/<id>/`), for `verify: true`. */
  exportFolder?: Location;
  /** The comparison of the table with the source or the export: mode verify, or `verify: true`. */
  verification?: VerificationResult;
  /** Incremental exports and chains: items put (a full export's included) and deleted. */
  putCount?: number;
  deleteCount?: number;
  /** ISO 8601: the point in time the table reflects after a restore. */
  restoredTo?: string;
  exportsApplied?: number;
  /** The exports a restore used, for the summary's timeline and chart. */
  chain?: ChainReport;
  /** A direct import's checkpoint. */
  checkpoint?: CheckpointReport;
}
