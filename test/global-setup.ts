// Builds src/ into a temporary folder and starts DynamoDB Local and s3rver
// once for the integration tests, handing them their endpoints
// (inject('dynamodbEndpoint'), inject('s3Endpoint')) and the build
// (ACTION_ENTRY, read by runAction), so a change in src/ is tested as it is.

import type { TestProject } from 'vitest/node';
import { buildAction } from './build-action.js';
import { type LocalServer, startDynamoDbLocal, startS3rver } from './servers.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    s3Endpoint: string;
  }
}

let servers: LocalServer[] = [];
let removeBuild: (() => void) | undefined;

export async function setup(project: TestProject): Promise<void> {
  const [build, ...results] = await Promise.allSettled([buildAction(), startDynamoDbLocal(), startS3rver()]);
  if (build.status === 'fulfilled') {
    // Workers start after this and inherit the environment.
    process.env.ACTION_ENTRY = build.value.entry;
    removeBuild = build.value.remove;
  }
  servers = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = [build, ...results].find((r) => r.status === 'rejected');
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
  removeBuild?.();
  removeBuild = undefined;
}
