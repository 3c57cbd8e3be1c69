// TABLE_NOT_FOUND says where it looked. DynamoDB Local keeps each region's
// tables apart (and each access key's, unless started with -sharedDb), so a
// table created with another region is "not found": at a local endpoint the
// usual regions are asked, and the one that has the table is named.

import { TransferError } from '../errors.js';
import type { AwsSettings } from '../plan.js';
import { createDynamoDbClient } from './clients.js';
import { describeTable } from './table.js';

type Env = Record<string, string | undefined>;

/** The regions DynamoDB Local users most often create tables with: SDK and CLI defaults, and the docs' `local`. */
const LIKELY_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1', 'local', 'localhost'];

export async function explainTableNotFound(
  error: unknown,
  aws: AwsSettings,
  tableName: string | undefined,
  env: Env,
): Promise<unknown> {
  if (!(error instanceof TransferError) || error.code !== 'TABLE_NOT_FOUND') return error;
  const endpoint = aws.endpointUrl ?? env.AWS_ENDPOINT_URL_DYNAMODB ?? env.AWS_ENDPOINT_URL;
  const looked = `Looked in region ${aws.region} ${endpoint === undefined ? 'on AWS' : `at ${endpoint}`}.`;
  let hint: string;
  if (endpoint === undefined) {
    hint = 'A table lives in one region: check aws-region (or AWS_REGION) against the region that holds it.';
  } else {
    const region = tableName === undefined ? undefined : await regionHolding(tableName, aws);
    hint =
      region !== undefined
        ? `A table named ${tableName} is in region ${region} at this endpoint: set aws-region: ${region}.`
        : "DynamoDB Local keeps each region's tables (and each access key's, unless started with -sharedDb) apart: give the aws-region and credentials that created the table.";
  }
  return new TransferError('TABLE_NOT_FOUND', `${error.message} ${looked} ${hint}`);
}

async function regionHolding(tableName: string, aws: AwsSettings): Promise<string | undefined> {
  const answers = await Promise.all(
    LIKELY_REGIONS.filter((region) => region !== aws.region).map(async (region) => {
      const client = createDynamoDbClient({ ...aws, region }, { requestMs: 5_000, socketMs: 5_000 });
      try {
        return (await describeTable(client, tableName)) === undefined ? undefined : region;
      } catch {
        return undefined; // only a hint: any failure means no answer
      } finally {
        client.destroy();
      }
    }),
  );
  return answers.find((region) => region !== undefined);
}
