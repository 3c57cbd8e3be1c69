// SDK clients with the region, endpoints, retries and user agent of a plan.
// Without endpoint inputs the SDK's own AWS_ENDPOINT_URL_* variables apply.

import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import type { AwsSettings } from '../plan.js';

const USER_AGENT: [string, string] = ['dynamodb-s3-transfer', '0.1.0'];

export interface AwsClients {
  dynamodb: DynamoDBClient;
  s3: S3Client;
  logs: CloudWatchLogsClient;
}

export function createClients(settings: AwsSettings): AwsClients {
  return {
    dynamodb: createDynamoDbClient(settings),
    s3: createS3Client(settings),
    // Honours AWS_ENDPOINT_URL_CLOUDWATCH_LOGS and AWS_ENDPOINT_URL through the SDK.
    logs: new CloudWatchLogsClient({ region: settings.region, maxAttempts: 5, customUserAgent: [USER_AGENT] }),
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
 * No request timeout: an upload's timer would run while its body is sent,
 * and a part is 8 MB. Silence for ten minutes still fails a read or a write.
 * Long, because an object streamed into a slow import is silent while the
 * import waits (a 400 KB item under `max-capacity: 1` takes 400 s to write).
 */
export const S3_SOCKET_TIMEOUT_MS = 600_000;

/**
 * Standard retries, not adaptive: adaptive mode throttles the whole client
 * after a few throttled requests, which starves a bulk load. The direct
 * engine retries throttled and unprocessed writes itself, with backoff.
 */
export function createDynamoDbClient(settings: AwsSettings, timeouts: Timeouts = DYNAMODB_TIMEOUTS): DynamoDBClient {
  const client = new DynamoDBClient({
    region: settings.region,
    maxAttempts: 3,
    retryMode: 'standard',
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
  return client;
}

/**
 * With `s3-endpoint-url` set the server is S3-compatible, not S3: path-style
 * addressing, and checksums only where S3 requires them, because MinIO,
 * s3rver and others store aws-chunked framing inside the object or reject it.
 */
export function createS3Client(settings: AwsSettings, socketTimeoutMs = S3_SOCKET_TIMEOUT_MS): S3Client {
  const compatible = settings.s3Compatible
    ? {
        forcePathStyle: true,
        requestChecksumCalculation: 'WHEN_REQUIRED' as const,
        responseChecksumValidation: 'WHEN_REQUIRED' as const,
      }
    : {};
  return new S3Client({
    region: settings.region,
    maxAttempts: 5,
    retryMode: 'standard',
    requestHandler: { socketTimeout: socketTimeoutMs, connectionTimeout: 5_000 },
    customUserAgent: [USER_AGENT],
    ...compatible,
    ...(settings.s3EndpointUrl === undefined ? {} : { endpoint: settings.s3EndpointUrl }),
  });
}
