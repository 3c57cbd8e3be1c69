// Import and export speed and memory against DynamoDB Local: the built action
// (run as the runner runs it) beside a bare loop of the same SDK calls at the
// same concurrency, in the same run. Targets: the action at 90% of the bare
// loop or better, its peak memory under 200 MB and flat as the count grows.
//
//   npm run bench:transfer                      # 1,000,000 items
//   BENCH_ITEMS=100000 npm run bench:transfer   # a quicker look

import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { toDynamoJsonMap } from '../src/formats/attribute-value.js';
import { ROOT } from '../test/action-yml.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from '../test/servers.js';
import { type ChildRun, runActionMeasured, describeRun } from './action-run.js';
import { bareScan } from './bare-scan.js';
import { benchItem } from './bench-item.js';
import { loadTable } from './load-table.js';

const COUNT = Number(process.env.BENCH_ITEMS ?? 1_000_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const DATA = join(ROOT, 'bench', '.data');

async function writeSource(path: string): Promise<void> {
  if (existsSync(path)) return;
  // Written beside and renamed when whole: a run stopped half-way leaves no short file to be reused.
  const partial = `${path}.partial`;
  const gzip = createGzip({ level: 1 });
  const out = gzip.pipe(createWriteStream(partial));
  for (let i = 0; i < COUNT; i++) {
    if (!gzip.write(`{"Item":${JSON.stringify(toDynamoJsonMap(benchItem(i)))}}\n`)) await once(gzip, 'drain');
  }
  gzip.end();
  await once(out, 'finish');
  renameSync(partial, path);
}

async function createTable(client: DynamoDBClient, name: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: name,
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'N' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}

/** Pre-marshalled BatchWriteItem, `CONCURRENCY` workers, unprocessed items retried. */
function bareImport(client: DynamoDBClient, table: string): Promise<void> {
  return loadTable(client, table, COUNT, CONCURRENCY, benchItem);
}

function report(name: string, bareSeconds: number, run: ChildRun, target = 0.9): void {
  const ratio = bareSeconds / run.seconds;
  console.log(`\n${name}: ${COUNT.toLocaleString('en-US')} items, concurrency ${CONCURRENCY}`);
  console.log(`  bare loop      ${(COUNT / bareSeconds).toFixed(0).padStart(8)} items/s`);
  console.log(`  the action     ${(COUNT / run.seconds).toFixed(0).padStart(8)} items/s   ${describeRun(run)}`);
  console.log(
    `  action / bare  ${(ratio * 100).toFixed(0)}% (target ${target * 100}%) ${ratio >= target ? 'MET' : 'NOT MET'}; memory under 200 MB ${run.peakMb < 200 ? 'MET' : 'NOT MET'}`,
  );
}

mkdirSync(DATA, { recursive: true });
const source = join(DATA, `import-${COUNT}.json.gz`);
console.log(`Generating ${source} ...`);
await writeSource(source);
// SQLite on tmpfs: in-memory tables of a million items outgrow the JVM heap,
// and SQLite on disk waits on fsync (under 1,000 writes/s).
const dbPath = existsSync('/dev/shm')
  ? `/dev/shm/dynamodb-s3-transfer-bench-${process.pid}`
  : join(DATA, `dynamodb-${process.pid}`);
rmSync(dbPath, { recursive: true, force: true });
mkdirSync(dbPath, { recursive: true });
const server = await startDynamoDbLocal({ heap: '4g', dbPath });
try {
  const client = new DynamoDBClient({
    region: LOCAL_REGION,
    endpoint: server.endpoint,
    credentials: LOCAL_CREDENTIALS,
  });
  const common = { 'endpoint-url': server.endpoint, concurrency: String(CONCURRENCY) };
  // Warm the JVM before timing anything.
  await createTable(client, 'warmup');
  await bareImport(client, 'warmup').catch(() => undefined);

  await createTable(client, 'bare');
  let t = performance.now();
  await bareImport(client, 'bare');
  const bareImportSeconds = (performance.now() - t) / 1000;
  const imported = await runActionMeasured(
    { ...common, mode: 'import', path: source, 'table-name': 'action', 'partition-key': 'pk:S', 'sort-key': 'sk:N' },
    DATA,
  );
  report('Import', bareImportSeconds, imported);

  t = performance.now();
  const scanned = await bareScan(client, 'action', CONCURRENCY);
  const bareScanSeconds = (performance.now() - t) / 1000;
  const exportFolder = join(DATA, 'export');
  rmSync(exportFolder, { recursive: true, force: true });
  const exported = await runActionMeasured(
    { ...common, mode: 'export', 'table-name': 'action', path: exportFolder },
    DATA,
  );
  report(`Export (bare scan read ${scanned.toLocaleString('en-US')})`, bareScanSeconds, exported);
} finally {
  await server.stop();
  rmSync(dbPath, { recursive: true, force: true });
}
