// Memory of a direct export into S3 beside the same export into a folder, in
// the same run: items of about 4 KB that gzip cannot shrink, so every data
// file spans several multipart parts, at the default concurrency of 16 and
// at 8. Uploading must not cost memory per segment (lib-storage's Upload,
// which held three parts per file, peaked at 403 MB at concurrency 16).
//
//   npm run bench:s3-export                     # 60,000 items (about 320 MB)
//   BENCH_ITEMS=20000 npm run bench:s3-export   # a quicker look

import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { ROOT } from '../test/action-yml.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal, startS3rver } from '../test/servers.js';
import { runActionMeasured, describeRun } from './action-run.js';
import { loadTable } from './load-table.js';

const COUNT = Number(process.env.BENCH_ITEMS ?? 60_000);
const DATA = join(ROOT, 'bench', '.data');
const TABLE = 'incompressible';

async function load(client: DynamoDBClient): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: TABLE,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  await loadTable(client, TABLE, COUNT, 8, (i) => ({ pk: { S: `item-${i}` }, data: { B: randomBytes(4000) } }));
}

mkdirSync(DATA, { recursive: true });
const dbPath = `/dev/shm/dynamodb-s3-transfer-s3-bench-${process.pid}`;
mkdirSync(dbPath, { recursive: true });
const [dynamodb, s3] = await Promise.all([startDynamoDbLocal({ heap: '2g', dbPath }), startS3rver()]);
try {
  const client = new DynamoDBClient({
    region: LOCAL_REGION,
    endpoint: dynamodb.endpoint,
    credentials: LOCAL_CREDENTIALS,
  });
  await load(client);
  const bucket = 'bench';
  const s3Client = new S3Client({
    region: LOCAL_REGION,
    endpoint: s3.endpoint,
    credentials: LOCAL_CREDENTIALS,
    forcePathStyle: true,
  });
  await s3Client.send(new CreateBucketCommand({ Bucket: bucket }));
  console.log(`${COUNT.toLocaleString('en-US')} items of about 4 KB that gzip cannot shrink`);
  for (const concurrency of ['16', '8']) {
    const common = {
      mode: 'export',
      'table-name': TABLE,
      'endpoint-url': dynamodb.endpoint,
      's3-endpoint-url': s3.endpoint,
      concurrency,
    };
    const folder = join(DATA, 's3-bench-export');
    rmSync(folder, { recursive: true, force: true });
    const toFolder = await runActionMeasured({ ...common, path: folder }, DATA);
    const toS3 = await runActionMeasured({ ...common, bucket, prefix: `c${concurrency}` }, DATA);
    rmSync(folder, { recursive: true, force: true });
    console.log(`\nconcurrency ${concurrency}`);
    for (const [name, run] of [
      ['into a folder', toFolder],
      ['into S3', toS3],
    ] as const) {
      console.log(`  ${name.padEnd(14)} ${(COUNT / run.seconds).toFixed(0).padStart(6)} items/s   ${describeRun(run)}`);
    }
    console.log(`  S3 costs ${(toS3.peakMb - toFolder.peakMb).toFixed(0)} MB more than a folder`);
  }
} finally {
  await Promise.all([dynamodb.stop(), s3.stop()]);
  rmSync(dbPath, { recursive: true, force: true });
}
