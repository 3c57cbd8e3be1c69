// Managed-engine tests: real SDK clients whose DynamoDB and CloudWatch calls
// are answered by aws-sdk-client-mock with the response shapes AWS documents,
// and S3 calls by the suite's real local S3 server.

import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { createS3Client } from '../../src/aws/s3-client.js';
import type { ManagedDeps } from '../../src/managed/deps.js';
import type { ExportPlan, ImportPlan } from '../../src/plan.js';
import { localSettings, uniqueName } from '../local-aws.js';
import { BASE_ENV, plan } from '../plan-helpers.js';
import { newBucket } from '../direct/helpers.js';
import { logsOf, s3Of } from '../../src/aws/lazy-clients.js';

export function mockedClients() {
  const dynamodb = new DynamoDBClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  const logs = new CloudWatchLogsClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  });
  return { dynamodb, logs, dynamodbMock: mockClient(dynamodb), logsMock: mockClient(logs) };
}

/** A clock that moves only when the code sleeps, so waits take no time. */
export function fakeClock(start = Date.parse('2026-01-15T12:00:00Z')) {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

export function managedDeps(
  clients: ReturnType<typeof mockedClients>,
  clock = fakeClock(),
  overrides: Partial<ManagedDeps> = {},
): ManagedDeps & { lines: string[] } {
  const lines: string[] = [];
  return {
    dynamodb: clients.dynamodb,
    logs: logsOf(clients.logs),
    s3: s3Of(createS3Client(localSettings())),
    log: (line) => lines.push(line),
    phase: (name) => lines.push(`== ${name}`),
    warn: (line) => lines.push(`warning: ${line}`),
    sleep: clock.sleep,
    now: clock.now,
    env: { ...BASE_ENV, GITHUB_REPOSITORY: 'o/r', GITHUB_JOB: 'backup', GITHUB_ACTION: 'import' },
    lines,
    ...overrides,
  };
}

export const notFound = () => new ResourceNotFoundException({ message: 'Requested resource not found', $metadata: {} });

/** A bucket on the local S3 server with objects under `in/`. */
export async function sourceBucket(objects: Record<string, string | Uint8Array>): Promise<string> {
  const bucket = await newBucket();
  const s3 = createS3Client(localSettings());
  for (const [key, body] of Object.entries(objects))
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  return bucket;
}

export function importPlan(inputs: Record<string, string>): ImportPlan {
  const p = plan({
    mode: 'import',
    engine: 'managed',
    'table-name': uniqueName('Imported'),
    'partition-key': 'id:S',
    ...inputs,
  });
  if (p.mode !== 'import') throw new Error('not an import');
  return p;
}

export function exportPlan(inputs: Record<string, string>): ExportPlan {
  const p = plan({ mode: 'export', engine: 'managed', 'table-name': 'Orders', bucket: 'backups', ...inputs });
  if (p.mode !== 'export') throw new Error('not an export');
  return p;
}
