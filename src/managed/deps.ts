// What the managed engine needs from outside: SDK clients (real, or mocked at
// the SDK boundary in tests), the clock, a sleep and a signal for cancellation.

import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';

export interface ManagedDeps {
  dynamodb: DynamoDBClient;
  s3: S3Client;
  logs: CloudWatchLogsClient;
  log: (line: string) => void;
  /** Starts the next phase of the log: work, then verification. */
  phase: (name: string) => void;
  warn: (line: string) => void;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
  signal?: AbortSignal;
  env: Record<string, string | undefined>;
}
