// The S3 and CloudWatch Logs clients, with the SDK modules their commands
// come from, loaded at their first use: a run that touches no bucket never
// loads S3's (about 11 MB of the worker's memory with CloudWatch's, measured
// on Node 24), and only a failed managed import reads CloudWatch Logs.
// DynamoDB's client is used by every run and is made at once (clients.ts).

import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { S3Client } from '@aws-sdk/client-s3';

/** A client, and the SDK module its commands come from. */
export interface Loaded<Sdk, Client> {
  client: Client;
  sdk: Sdk;
}

/** Gives the client, loading its SDK module and making it on the first call. */
export type Lazy<Sdk, Client> = () => Promise<Loaded<Sdk, Client>>;

export type S3Sdk = typeof import('@aws-sdk/client-s3');
export type S3 = Loaded<S3Sdk, S3Client>;
export type S3Access = Lazy<S3Sdk, S3Client>;

export type LogsSdk = typeof import('@aws-sdk/client-cloudwatch-logs');
export type LogsAccess = Lazy<LogsSdk, CloudWatchLogsClient>;

export function lazyClient<Sdk, Client>(
  load: () => Promise<Sdk>,
  make: (sdk: Sdk) => Client | Promise<Client>,
): Lazy<Sdk, Client> {
  let loaded: Promise<Loaded<Sdk, Client>> | undefined;
  return () => {
    loaded ??= load()
      .then(async (sdk) => ({ client: await make(sdk), sdk }))
      .catch((error: unknown) => {
        // Not kept: the next use tries again rather than failing the same way for the rest of the run.
        loaded = undefined;
        throw error;
      });
    return loaded;
  };
}

export const loadS3Sdk = (): Promise<S3Sdk> => import('@aws-sdk/client-s3');
export const loadLogsSdk = (): Promise<LogsSdk> => import('@aws-sdk/client-cloudwatch-logs');

/** Access to an S3 client already made (tests, benchmarks). */
export const s3Of = (client: S3Client): S3Access => lazyClient(loadS3Sdk, () => client);

/** Access to a CloudWatch Logs client already made (tests). */
export const logsOf = (client: CloudWatchLogsClient): LogsAccess => lazyClient(loadLogsSdk, () => client);
