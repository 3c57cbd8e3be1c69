// The S3 client for a plan's settings. Loaded only when a bucket is used
// (clients.ts), with the SDK's S3 module it imports.

import { S3Client } from '@aws-sdk/client-s3';
import type { AwsSettings } from '../plan.js';
import { noteEndpoint } from './endpoint-note.js';
import { USER_AGENT } from './user-agent.js';

/**
 * No request timeout: an upload's timer would run while its body is sent,
 * and a part is 8 MB. Silence for ten minutes still fails a read or a write.
 * Long, because an object streamed into a slow import is silent while the
 * import waits (a 400 KB item under `max-capacity: 1` takes 400 s to write).
 */
export const S3_SOCKET_TIMEOUT_MS = 600_000;

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
  const client = new S3Client({
    region: settings.region,
    maxAttempts: 5,
    retryMode: 'standard',
    requestHandler: { socketTimeout: socketTimeoutMs, connectionTimeout: 5_000 },
    customUserAgent: [USER_AGENT],
    ...compatible,
    ...(settings.s3EndpointUrl === undefined ? {} : { endpoint: settings.s3EndpointUrl }),
  });
  noteEndpoint(client.middlewareStack);
  return client;
}
