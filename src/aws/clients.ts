// SDK clients with the region, endpoints, retries and user agent of a plan.
// Without endpoint inputs the SDK's own AWS_ENDPOINT_URL_* variables apply.

// S3 and CloudWatch Logs are loaded when first used (lazy-clients.ts).

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AwsSettings } from '../plan.js';
import { type LogsAccess, type S3Access, lazyClient, loadLogsSdk, loadS3Sdk } from './lazy-clients.js';
import { noteEndpoint } from './endpoint-note.js';
import { SDK_ATTEMPTS, sdkRetryStrategy } from './sdk-retry.js';
import { USER_AGENT } from './user-agent.js';

export interface AwsClients {
  dynamodb: DynamoDBClient;
  s3: S3Access;
  logs: LogsAccess;
}

export function createClients(settings: AwsSettings): AwsClients {
  return {
    dynamodb: createDynamoDbClient(settings),
    s3: lazyClient(loadS3Sdk, async () => (await import('./s3-client.js')).createS3Client(settings)),
    // Honours AWS_ENDPOINT_URL_CLOUDWATCH_LOGS and AWS_ENDPOINT_URL through the SDK.
    logs: lazyClient(
      loadLogsSdk,
      (sdk) => new sdk.CloudWatchLogsClient({ region: settings.region, maxAttempts: 5, customUserAgent: [USER_AGENT] }),
    ),
  };
}

/**
 * How long a request may wait for an answer, and a socket may stay silent.
 * The request timeout ends when the response's headers come; a server frozen
 * after them (seen with DynamoDB Local stopped mid-response) would leave the
 * body pending for ever, so silence on the socket fails the request too.
 */
export interface Timeouts {
  requestMs: number;
  socketMs: number;
}

/**
 * Generous, because DynamoDB Local on a busy 2-core runner was measured
 * taking 28 s for one 1 MB Scan page; AWS answers in milliseconds.
 */
export const DYNAMODB_TIMEOUTS: Timeouts = { requestMs: 60_000, socketMs: 60_000 };

/**
 * Standard retries, not adaptive: adaptive mode throttles the whole client
 * after a few throttled requests, which starves a bulk load. The direct
 * engine retries throttled and unprocessed writes itself, with backoff; the
 * SDK's own attempts, and why a timeout is never one of them, are in sdk-retry.ts.
 */
export function createDynamoDbClient(settings: AwsSettings, timeouts: Timeouts = DYNAMODB_TIMEOUTS): DynamoDBClient {
  const client = new DynamoDBClient({
    region: settings.region,
    maxAttempts: SDK_ATTEMPTS,
    retryStrategy: sdkRetryStrategy(),
    requestHandler: {
      requestTimeout: timeouts.requestMs,
      socketTimeout: timeouts.socketMs,
      connectionTimeout: 5_000,
      throwOnRequestTimeout: true,
    },
    customUserAgent: [USER_AGENT],
    ...(settings.endpointUrl === undefined ? {} : { endpoint: settings.endpointUrl }),
  });
  // The SDK's logger middleware copies every request (each item of each
  // BatchWriteItem, filtered for sensitive fields) for its default logger,
  // which discards it: 8% of the CPU of applying changes. The action logs itself.
  client.middlewareStack.remove('loggerMiddleware');
  noteEndpoint(client.middlewareStack);
  return client;
}
