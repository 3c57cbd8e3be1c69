// Settings for talking to the suite's local servers with the action's own
// client factories (src/aws.ts), so tests exercise the settings users get.

import { inject } from 'vitest';
import type { AwsSettings } from '../src/plan.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './servers.js';

export function localSettings(): AwsSettings {
  return {
    region: LOCAL_REGION,
    endpointUrl: inject('dynamodbEndpoint'),
    s3EndpointUrl: inject('s3Endpoint'),
    s3Compatible: true,
  };
}

/** The environment a workflow step would have: credentials that both local servers accept. */
export function localEnv(): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_REGION: LOCAL_REGION,
  };
}

/** Puts the local credentials into this test process for the SDK's default chain. */
export function useLocalCredentials(): void {
  Object.assign(process.env, localEnv());
}

let counter = 0;
/** A name no other test in this run uses: tables and buckets live as long as the servers. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`.toLowerCase();
}
