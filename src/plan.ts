// The typed plan that inputs.ts builds: everything the engines need, checked.

import type { AttributeValue, TableCreationParameters } from '@aws-sdk/client-dynamodb';

export type Mode = 'export' | 'import' | 'validate' | 'verify';
export type EngineName = 'managed' | 'direct';
export type Format = 'DYNAMODB_JSON' | 'ION' | 'CSV';
export type Compression = 'NONE' | 'GZIP' | 'ZSTD';
export type ExistingTable = 'fail' | 'merge' | 'replace';
export type ViewType = 'NEW_AND_OLD_IMAGES' | 'NEW_IMAGE';
/** Incremental exports: `apply` plays them forward, `revert` undoes them. */
export type ChangeDirection = 'apply' | 'revert';

/** How a source that holds exports is restored: to which point in time, and in which direction. */
export interface RestoreOptions {
  changes: ChangeDirection;
  /** Undefined for `latest`: as far as the exports reach (applying), or every window (reverting). */
  restoreTo?: Date;
  /** `changes-onto-table`: incremental exports without a full export may be applied onto the table as it is. */
  ontoTable: boolean;
}

/** Where data is read or written: an S3 prefix or a local file or folder. */
export type Location = { kind: 's3'; bucket: string; prefix: string; owner?: string } | { kind: 'local'; path: string };

/**
 * The engine, when the inputs decide it; `table-exists` when `engine: auto`
 * depends on whether the import's table exists (checked by the engine choice).
 */
export interface EngineDecision {
  engine: EngineName | 'table-exists';
  reason: string;
}

export interface AwsSettings {
  region: string;
  endpointUrl?: string;
  s3EndpointUrl?: string;
  /** An S3-compatible server (from s3-endpoint-url or AWS_ENDPOINT_URL_S3): path style, no aws-chunked bodies. */
  s3Compatible: boolean;
}

export interface Waiting {
  wait: boolean;
  timeoutMs: number;
  pollIntervalMs: number;
}

/** max-capacity: units per second, or a share of the table's provisioned capacity. */
export type MaxCapacity = { units: number } | { percent: number };

interface CommonPlan {
  engine: EngineDecision;
  aws: AwsSettings;
  concurrency: number;
  maxCapacity?: MaxCapacity;
  waiting: Waiting;
  maxErrors: number;
  clientToken?: string;
  /** On GitHub, keep a local rejected-items or differences file as a workflow artifact. */
  uploadArtifacts: boolean;
}

export interface CsvOptions {
  delimiter: string;
  header?: string[];
}

export interface ImportSource {
  location: Location;
  format: Format;
  /** `auto`: detected from the first object's bytes. */
  compression: Compression | 'auto';
  csv?: CsvOptions;
}

/** Direct export and import: whether an unfinished earlier run is continued, and when this one stops itself. */
export interface ResumeSettings {
  /** `auto`: continue what an earlier run left; `never`: start over. */
  resume: 'auto' | 'never';
  /** `max-duration`: the work stops after this long (from the step's start) with status IN_PROGRESS. */
  maxDurationMs?: number;
}

export interface ExportPlan extends CommonPlan, ResumeSettings {
  mode: 'export';
  table: { name?: string; arn?: string };
  destination: Location;
  format: Exclude<Format, 'CSV'>;
  compression: Compression;
  exportType:
    | { kind: 'FULL_EXPORT'; exportTime?: Date }
    | { kind: 'INCREMENTAL_EXPORT'; from: Date; to: Date; viewType: ViewType };
  expressions?: ExportExpressions;
  encryption?: { algorithm: 'AES256' | 'KMS'; kmsKeyId?: string };
  /** `verify: true`: the table compared with what was just written. */
  verification?: Verification;
}

/** `verify: true` on an import or export: where the differences file goes. */
export interface Verification {
  differences: Location;
}

export interface ExportExpressions {
  filter?: string;
  projection?: string;
  keyCondition?: string;
  names?: Record<string, string>;
  values?: Record<string, AttributeValue>;
}

export interface ImportPlan extends CommonPlan, ResumeSettings {
  mode: 'import';
  tableName: string;
  source: ImportSource;
  /** Present when the table may have to be created. */
  tableParameters?: Partial<TableCreationParameters>;
  existingTable: ExistingTable;
  rejectedItems: Location;
  /** Where the direct engine keeps its checkpoint (the `checkpoint` input); absent: the cache, or RUNNER_TEMP. */
  checkpoint?: Location;
  /** `verify: true`: the table compared with the source after the import. */
  verification?: Verification;
  restore: RestoreOptions;
}

export interface ValidatePlan extends CommonPlan {
  mode: 'validate';
  /** A table whose key schema is looked up when no key schema is given. */
  tableName?: string;
  source: ImportSource;
  tableParameters?: Partial<TableCreationParameters>;
  rejectedItems: Location;
  restore: RestoreOptions;
}

/** A key attribute as `partition-key` and `sort-key` give it. */
export interface KeyInput {
  name: string;
  type: 'S' | 'N' | 'B';
}

export interface VerifyPlan extends CommonPlan {
  mode: 'verify';
  tableName: string;
  source: ImportSource;
  /** partition-key and sort-key when given: checked against the table's own key schema. */
  keys?: { partition: KeyInput; sort?: KeyInput };
  /** Where the differences file goes (the `rejected-items` input: verify rejects nothing). */
  differences: Location;
}

export type Plan = ExportPlan | ImportPlan | ValidatePlan | VerifyPlan;
