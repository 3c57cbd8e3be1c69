// What an engine reports back; report.ts turns it into outputs and a summary.

import type { CapacityReport } from './aws/meter.js';
import type { EngineName, Mode } from './plan.js';

export type Status = 'COMPLETED' | 'FAILED' | 'CANCELLED' | 'IN_PROGRESS';

/** One item that could not be moved, and where it came from. */
export interface ItemErrorSample {
  /** bucket/key:line, path:line, or item index. */
  location: string;
  code: string;
  message: string;
}

/** A rejected item from a file in the repository, shown on that file's line in the pull request. */
export interface Annotation {
  /** Path relative to the repository root. */
  file: string;
  line: number;
  message: string;
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
  processedSizeBytes?: number;
  exportManifest?: string;
  dataUrl?: string;
  rejectedItems?: string;
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
  /** Direct engine: the capacity consumed, as DynamoDB reported it, and the budget. */
  capacity?: CapacityReport;
  /** How a workflow refers to this action (`owner/repo@ref`), for the import-back snippet. */
  uses?: string;
}
