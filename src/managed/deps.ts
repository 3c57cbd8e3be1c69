// What the managed engine needs from outside: SDK clients (real, or mocked at
// the SDK boundary in tests), the clock, a sleep and a signal for cancellation.

import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { LogsAccess, S3Access } from '../aws/lazy-clients.js';

export interface ManagedDeps {
  dynamodb: DynamoDBClient;
  s3: S3Access;
  logs: LogsAccess;
  log: (line: string) => void;
  /** Starts the next phase of the log: work, then verification. */
  phase: (name: string) => void;
  warn: (line: string) => void;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
  signal?: AbortSignal;
  env: Record<string, string | undefined>;
}
