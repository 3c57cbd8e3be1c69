// The README's first command: starts DynamoDB Local and a local S3 server,
// creates a sample table with items of every type, and runs the built action
// on it exactly as GitHub would, printing each step's outputs and summary.

import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { type ActionRun, runAction } from '../test/run-action.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION, type LocalServer, startDynamoDbLocal, startS3rver } from '../test/servers.js';
import { javaProblem } from './java.js';

const TABLE = 'Music';
const BUCKET = 'demo-exports';

function sampleItems(): Record<string, unknown>[] {
  return Array.from({ length: 50 }, (_, i) => ({
    Artist: { S: `Artist ${i % 7}` },
    SongTitle: { S: `Song ${i}` },
    Year: { N: String(1960 + i) },
    Price: { N: '12345678901234567890.123456789012345678' },
    Cover: { B: new Uint8Array([0, 1, 2, 253, 254, 255, i]) },
    Explicit: { BOOL: i % 2 === 0 },
    Remix: { NULL: true },
    Tags: { SS: ['rock', `tag-${i}`] },
    Ratings: { NS: ['4.5', '5', String(i + 0.25)] },
    Samples: { BS: [new Uint8Array([i]), new Uint8Array([255 - i, 7])] },
    Credits: {
      M: { Producer: { S: 'Ünïcödé 🎸' }, Takes: { L: [{ N: '1' }, { S: 'two' }, { M: { deep: { BOOL: false } } }] } },
    },
  }));
}

async function seed(dynamodbEndpoint: string, s3Endpoint: string): Promise<void> {
  const credentials = LOCAL_CREDENTIALS;
  const dynamodb = new DynamoDBClient({ region: LOCAL_REGION, endpoint: dynamodbEndpoint, credentials });
  await dynamodb.send(
    new CreateTableCommand({
      TableName: TABLE,
      AttributeDefinitions: [
        { AttributeName: 'Artist', AttributeType: 'S' },
        { AttributeName: 'SongTitle', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'Artist', KeyType: 'HASH' },
        { AttributeName: 'SongTitle', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  for (const item of sampleItems()) {
    await dynamodb.send(new PutItemCommand({ TableName: TABLE, Item: item as never }));
  }
  const s3 = new S3Client({ region: LOCAL_REGION, endpoint: s3Endpoint, credentials, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
}

function show(title: string, run: ActionRun): void {
  console.log(`\n=== ${title}: exit code ${run.exitCode} ===`);
  console.log(run.log.trim());
  console.log('--- outputs ---');
  for (const [name, value] of Object.entries(run.outputs)) console.log(`${name}=${value}`);
  console.log('--- job summary ---');
  console.log(run.summary.trim());
}

async function main(): Promise<number> {
  const noJava = javaProblem();
  if (noJava !== undefined) {
    console.error(noJava);
    return 1;
  }
  const servers: LocalServer[] = [];
  try {
    const dynamodb = await startDynamoDbLocal();
    servers.push(dynamodb);
    const s3 = await startS3rver();
    servers.push(s3);
    console.log(`DynamoDB Local on ${dynamodb.endpoint} (pid ${dynamodb.pid}), S3 on ${s3.endpoint} (pid ${s3.pid})`);
    await seed(dynamodb.endpoint, s3.endpoint);
    console.log(`Created table ${TABLE} with ${sampleItems().length} items of every type, and bucket ${BUCKET}.`);

    const env = {
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_REGION: LOCAL_REGION,
    };
    const local = { 'endpoint-url': dynamodb.endpoint, 's3-endpoint-url': s3.endpoint };
    const exported = await runAction(
      { mode: 'export', 'table-name': TABLE, bucket: BUCKET, prefix: 'music/{date}', ...local },
      { env },
    );
    show('1. Export Music to S3 (direct engine)', exported);

    const exportFolder = (exported.outputs['export-manifest'] ?? '')
      .replace(`s3://${BUCKET}/`, '')
      .replace(/manifest-summary\.json$/, '');
    const imported = await runAction(
      {
        mode: 'import',
        'table-name': `${TABLE}Restored`,
        bucket: BUCKET,
        prefix: exportFolder,
        'partition-key': 'Artist:S',
        'sort-key': 'SongTitle:S',
        ...local,
      },
      { env },
    );
    show('2. Import that export into a new table MusicRestored', imported);

    const validated = await runAction(
      {
        mode: 'validate',
        path: 'scripts/demo-data/songs.csv',
        format: 'CSV',
        'partition-key': 'Artist:S',
        'sort-key': 'SongTitle:S',
        ...local,
      },
      { env },
    );
    show('3. Validate a CSV fixture with a bad row (no Artist): expected to fail', validated);

    const asExpected =
      exported.exitCode === 0 &&
      imported.exitCode === 0 &&
      imported.outputs['imported-item-count'] === exported.outputs['item-count'] &&
      validated.exitCode === 1 &&
      validated.outputs['error-count'] === '1';
    console.log(`\n${asExpected ? 'Every step did what it should.' : 'A step did not do what it should: see above.'}`);
    return asExpected ? 0 : 1;
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    console.log('\nStopped the local servers.');
  }
}

process.exitCode = await main();
