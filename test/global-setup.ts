// Starts DynamoDB Local and s3rver once for the whole suite and hands their
// endpoints to the tests (inject('dynamodbEndpoint'), inject('s3Endpoint')).

import type { TestProject } from 'vitest/node';
import { type LocalServer, startDynamoDbLocal, startS3rver } from './servers.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    s3Endpoint: string;
  }
}

let servers: LocalServer[] = [];

export async function setup(project: TestProject): Promise<void> {
  const results = await Promise.allSettled([startDynamoDbLocal(), startS3rver()]);
  servers = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = results.find((r) => r.status === 'rejected');
  if (failed !== undefined) {
    await teardown();
    throw failed.reason;
  }
  const [dynamodb, s3] = servers;
  project.provide('dynamodbEndpoint', dynamodb!.endpoint);
  project.provide('s3Endpoint', s3!.endpoint);
}

export async function teardown(): Promise<void> {
  await Promise.all(servers.map((server) => server.stop()));
  servers = [];
}
