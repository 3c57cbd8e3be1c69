// Applying an incremental export against DynamoDB Local: the built action
// (src/ built fresh, run as the runner runs it) beside a bare loop of the same
// BatchWriteItem puts and deletes at the same concurrency, in the same run,
// each on a table holding the same items to begin with. The changes are half
// inserts, a quarter updates and a quarter deletes, written in AWS's layout
// (NEW_AND_OLD_IMAGES records in the shared data/ folder, manifests, MD5s).
// Targets: the action at 90% of the bare loop or better, peak memory under
// 200 MB.
//
//   npm run bench:changes                      # 200,000 changes
//   BENCH_CHANGES=40000 npm run bench:changes  # a quicker look

import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BatchWriteItemCommand, DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { type Item, toDynamoJsonMap } from '../src/formats/attribute-value.js';
import { ROOT } from '../test/action-yml.js';
import { buildAction } from '../test/build-action.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from '../test/servers.js';
import { runActionMeasured, describeRun } from './action-run.js';
import { loadTable, createBenchTable } from './load-table.js';

const CHANGES = Number(process.env.BENCH_CHANGES ?? 200_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const DATA = join(ROOT, 'bench', '.data');
const FILES = 8;
/** Half the changes are inserts of new items; the other half update or delete the items the table starts with. */
const BASE = CHANGES / 2;

/** About 420 bytes of DynamoDB JSON with every type, as the transfer benchmark's. */
function benchItem(i: number, version: number): Item {
  return {
    pk: { S: `customer#${String(i).padStart(8, '0')}` },
    sk: { N: String(i % 1000) },
    name: { S: `Customer ${i} Ünïcödé v${version}` },
    balance: { N: `${i}.${String(version).padStart(2, '0')}123456789012345678901234` },
    active: { BOOL: i % 2 === 0 },
    note: { NULL: true },
    avatar: { B: new Uint8Array([i % 256, (i >> 8) % 256, version, 255, 1, 2, 3, 4]) },
    tags: { SS: ['gold', `t${i % 10}`] },
    scores: { NS: ['1', String(2 + (version % 5))] },
    address: { M: { city: { S: 'Lisbon' }, lines: { L: [{ S: `Rua ${i}` }, { N: String(i % 300) }] } } },
  };
}

const keyOf = (item: Item): Item => ({ pk: item.pk!, sk: item.sk! });

/**
 * The n-th change's write, as a bare loop builds it (pre-marshalled, no JSON):
 * inserts of items BASE.. (half), updates of items 0..BASE/2, deletes of items
 * BASE/2..BASE, interleaved.
 */
function request(n: number): WriteRequest {
  const kind = n % 4;
  const quarter = Math.floor(n / 4);
  if (kind < 2) return { PutRequest: { Item: benchItem(BASE + quarter * 2 + kind, 2) } };
  if (kind === 2) return { PutRequest: { Item: benchItem(quarter, 2) } };
  return { DeleteRequest: { Key: keyOf(benchItem(BASE / 2 + quarter, 1)) } };
}

/** The n-th change's record in AWS's NEW_AND_OLD_IMAGES shape: the same write as request(n). */
function record(n: number): string {
  const micros = String(1_772_323_200_000_000 + n);
  const metadata = { WriteTimestampMicros: n % 2 === 0 ? micros : { N: micros } };
  const write = request(n);
  const quarter = Math.floor(n / 4);
  const key = toDynamoJsonMap(keyOf((write.PutRequest?.Item ?? write.DeleteRequest?.Key) as Item));
  if (n % 4 < 2)
    return JSON.stringify({ Metadata: metadata, Keys: key, NewImage: toDynamoJsonMap(write.PutRequest!.Item as Item) });
  const old = toDynamoJsonMap(benchItem(n % 4 === 2 ? quarter : BASE / 2 + quarter, 1));
  if (n % 4 === 2)
    return JSON.stringify({
      Metadata: metadata,
      Keys: key,
      OldImage: old,
      NewImage: toDynamoJsonMap(write.PutRequest!.Item as Item),
    });
  return JSON.stringify({ Metadata: metadata, Keys: key, OldImage: old });
}

/** The incremental export, in AWS's layout under `root`; the folder to import. */
function writeExport(root: string): string {
  rmSync(root, { recursive: true, force: true });
  const id = '01772326800000-0be1c4a9';
  const folder = join(root, 'AWSDynamoDB', id);
  mkdirSync(folder, { recursive: true });
  mkdirSync(join(root, 'AWSDynamoDB', 'data'), { recursive: true });
  const entries: string[] = [];
  const per = Math.ceil(CHANGES / FILES);
  for (let f = 0; f < FILES; f++) {
    const lines: string[] = [];
    for (let n = f * per; n < Math.min(CHANGES, (f + 1) * per); n++) lines.push(record(n));
    const body = gzipSync(`${lines.join('\n')}\n`, { level: 1 });
    const key = `AWSDynamoDB/data/${createHash('md5').update(String(f)).digest('hex').slice(0, 26)}.json.gz`;
    writeFileSync(join(root, key), body);
    const md5 = createHash('md5').update(body);
    entries.push(
      JSON.stringify({
        itemCount: lines.length,
        md5Checksum: md5.copy().digest('base64'),
        etag: md5.digest('hex'),
        dataFileS3Key: key,
      }),
    );
  }
  const manifestFiles = `${entries.join('\n')}\n`;
  const summary = `${JSON.stringify({
    version: '2023-08-01',
    exportArn: `arn:aws:dynamodb:us-east-1:111122223333:table/bench/export/${id}`,
    startTime: '2026-03-01T01:00:00.000Z',
    endTime: '2026-03-01T01:10:00.000Z',
    tableArn: 'arn:aws:dynamodb:us-east-1:111122223333:table/bench',
    tableId: '00000000-0000-0000-0000-000000000000',
    exportFromTime: '2026-03-01T00:00:00.000Z',
    exportToTime: '2026-03-01T01:00:00.000Z',
    s3Bucket: 'bench',
    s3Prefix: null,
    s3SseAlgorithm: 'AES256',
    s3SseKmsKeyId: null,
    manifestFilesS3Key: `AWSDynamoDB/${id}/manifest-files.json`,
    billedSizeBytes: 0,
    itemCount: CHANGES,
    outputFormat: 'DYNAMODB_JSON',
    outputView: 'NEW_AND_OLD_IMAGES',
    exportType: 'INCREMENTAL_EXPORT',
  })}\n`;
  writeFileSync(join(folder, 'manifest-files.json'), manifestFiles);
  writeFileSync(join(folder, 'manifest-files.md5'), createHash('md5').update(manifestFiles).digest('base64'));
  writeFileSync(join(folder, 'manifest-summary.json'), summary);
  writeFileSync(join(folder, 'manifest-summary.md5'), createHash('md5').update(summary).digest('base64'));
  writeFileSync(join(folder, '_started'), '');
  return folder;
}

/**
 * The same writes, pre-marshalled, `CONCURRENCY` BatchWriteItem requests in flight, unprocessed ones sent again;
 * asking for ConsumedCapacity as the action does, which costs DynamoDB Local about a quarter of its write speed.
 */
async function bareApply(client: DynamoDBClient, table: string): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < CHANGES) {
      const start = next;
      next = Math.min(CHANGES, next + 25);
      let requests: WriteRequest[] = [];
      for (let n = start; n < next; n++) requests.push(request(n));
      while (requests.length > 0) {
        const response = await client.send(
          new BatchWriteItemCommand({ RequestItems: { [table]: requests }, ReturnConsumedCapacity: 'TOTAL' }),
        );
        requests = response.UnprocessedItems?.[table] ?? [];
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

mkdirSync(DATA, { recursive: true });
console.log(`Writing ${CHANGES.toLocaleString('en-US')} changes in AWS's incremental export layout ...`);
const folder = writeExport(join(DATA, `changes-${CHANGES}`));
const build = await buildAction();
const dbPath = `/dev/shm/dynamodb-s3-transfer-changes-bench-${process.pid}`;
rmSync(dbPath, { recursive: true, force: true });
mkdirSync(dbPath, { recursive: true });
const server = await startDynamoDbLocal({ heap: '2g', dbPath });
try {
  const client = new DynamoDBClient({
    region: LOCAL_REGION,
    endpoint: server.endpoint,
    credentials: LOCAL_CREDENTIALS,
  });
  console.log(`Loading the ${BASE.toLocaleString('en-US')} items both tables start with (untimed) ...`);
  for (const table of ['warmup', 'bare-before', 'action', 'bare-after']) {
    await createBenchTable(client, table);
    await loadTable(client, table, BASE, CONCURRENCY, (i) => benchItem(i, 1));
  }
  // The bare loop runs before and after the action and counts as their mean:
  // on a shared machine the load drifts within a run, and this cancels a drift.
  const timed = async (table: string): Promise<number> => {
    const t = performance.now();
    await bareApply(client, table);
    return (performance.now() - t) / 1000;
  };
  const before = await timed('bare-before');
  const run = await runActionMeasured(
    {
      'endpoint-url': server.endpoint,
      concurrency: String(CONCURRENCY),
      mode: 'import',
      path: folder,
      'table-name': 'action',
    },
    DATA,
    build.entry,
  );
  const after = await timed('bare-after');
  const bareSeconds = (before + after) / 2;
  const ratio = bareSeconds / run.seconds;
  console.log(
    `\nApply: ${CHANGES.toLocaleString('en-US')} changes (50% inserts, 25% updates, 25% deletes), concurrency ${CONCURRENCY}`,
  );
  console.log(
    `  bare loop      ${(CHANGES / bareSeconds).toFixed(0).padStart(8)} items/s (${(CHANGES / before).toFixed(0)} before the action, ${(CHANGES / after).toFixed(0)} after)`,
  );
  console.log(`  the action     ${(CHANGES / run.seconds).toFixed(0).padStart(8)} items/s   ${describeRun(run)}`);
  console.log(
    `  action / bare  ${(ratio * 100).toFixed(0)}% (target 90%) ${ratio >= 0.9 ? 'MET' : 'NOT MET'}; memory under 200 MB ${run.peakMb < 200 ? 'MET' : 'NOT MET'}`,
  );
  console.log(`  outputs: ${run.outputs.replace(/\n/g, ' ').replace(/ghadelimiter_[0-9a-f-]+/g, '|')}`);
} finally {
  await server.stop();
  rmSync(dbPath, { recursive: true, force: true });
  build.remove();
}
