// What the direct engine needs from outside, passed in so tests can give it
// real clients pointed at local servers, or a no-op sleep.

import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Meter } from '../aws/meter.js';
import type { S3Access } from '../aws/lazy-clients.js';

export interface EngineDeps {
  dynamodb: DynamoDBClient;
  s3: S3Access;
  log: (line: string) => void;
  /** Starts the next phase of the log: work, then verification. */
  phase: (name: string) => void;
  warn: (line: string) => void;
  /** Ends early, with a rejection, when `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
  /** Aborted on SIGTERM or SIGINT: the work stops, and what was done is reported. */
  signal?: AbortSignal | undefined;
  /** A folder for data files downloaded to check their MD5 before use. */
  tempDir: string;
  /** Export: uncompressed bytes per data file, when not the usual 64 MB (tests, to make many small files). */
  dataFileMaxBytes?: number;
  /** The repository checkout: rejected items from files in it become annotations on their lines. */
  workspace?: string;
  /** The runner's environment: where an import's checkpoint can be kept (the cache, RUNNER_TEMP), and the client token's parts. */
  env?: Record<string, string | undefined>;
  /** Capacity: AIMD concurrency, the budget and what was consumed; one for the whole run. */
  meter?: Meter;
}
