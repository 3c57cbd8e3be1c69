// Verify speed and memory against DynamoDB Local: the built action (a fresh
// build of src/, run as the runner runs it) comparing a table with its own
// export, beside a bare parallel Scan of the same table at the same
// concurrency, in the same run. Targets: at least 70% of the bare scan's
// items/s, peak memory under 200 MB.
//
//   npm run bench:verify                      # 1,000,000 items
//   BENCH_ITEMS=100000 npm run bench:verify   # a quicker look

import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ROOT } from '../test/action-yml.js';
import { buildAction } from '../test/build-action.js';
import { parseOutputFile } from '../test/run-action.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from '../test/servers.js';
import { type ChildRun, runActionMeasured, describeRun } from './action-run.js';
import { bareScan } from './bare-scan.js';
import { benchItem } from './bench-item.js';
import { createBenchTable, loadTable } from './load-table.js';

const COUNT = Number(process.env.BENCH_ITEMS ?? 1_000_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const DATA = join(ROOT, 'bench', '.data');
const TABLE = 'verify';

function line(name: string, items: number, seconds: number, run?: ChildRun): void {
  const rate = `${(items / seconds).toFixed(0).padStart(8)} items/s`;
  const memory = run === undefined ? '' : `   ${describeRun(run)}`;
  console.log(`  ${name.padEnd(28)} ${rate} (${seconds.toFixed(1)} s)${memory}`);
}

mkdirSync(DATA, { recursive: true });
console.log('Building src/ ...');
const build = await buildAction();
process.env.ACTION_ENTRY = build.entry;
const dbPath = existsSync('/dev/shm')
  ? `/dev/shm/dynamodb-s3-transfer-bench-verify-${process.pid}`
  : join(DATA, `dynamodb-verify-${process.pid}`);
rmSync(dbPath, { recursive: true, force: true });
mkdirSync(dbPath, { recursive: true });
const server = await startDynamoDbLocal({ heap: '4g', dbPath });
const exportFolder = join(DATA, 'verify-export');
try {
  const client = new DynamoDBClient({
    region: LOCAL_REGION,
    endpoint: server.endpoint,
    credentials: LOCAL_CREDENTIALS,
  });
  await createBenchTable(client, TABLE);
  let t = performance.now();
  console.log(`Loading ${COUNT.toLocaleString('en-US')} items ...`);
  await loadTable(client, TABLE, COUNT, CONCURRENCY, benchItem);
  console.log(`  loaded in ${((performance.now() - t) / 1000).toFixed(0)} s`);

  const common = { 'endpoint-url': server.endpoint, concurrency: String(CONCURRENCY), 'table-name': TABLE };
  rmSync(exportFolder, { recursive: true, force: true });
  // The export also warms DynamoDB Local's scan path before anything is timed.
  const exported = await runActionMeasured({ ...common, mode: 'export', path: exportFolder }, DATA);
  if (exported.exitCode !== 0) throw new Error(`the export failed: ${exported.problems.join('\n')}`);

  // The bare scan before and after the action: DynamoDB Local's speed drifts over a long run.
  // It asks for ConsumedCapacity as the action does (issue 15), which DynamoDB Local computes at a cost.
  t = performance.now();
  const scanned = await bareScan(client, TABLE, CONCURRENCY, 'TOTAL');
  const bareBefore = (performance.now() - t) / 1000;
  const verified = await runActionMeasured({ ...common, mode: 'verify', path: exportFolder }, DATA);
  t = performance.now();
  await bareScan(client, TABLE, CONCURRENCY, 'TOTAL');
  const bareAfter = (performance.now() - t) / 1000;
  const bare = (bareBefore + bareAfter) / 2;

  const outputs = parseOutputFile(verified.outputs);
  console.log(`\nVerify: ${COUNT.toLocaleString('en-US')} items against their export, concurrency ${CONCURRENCY}`);
  line('export (the action)', COUNT, exported.seconds, exported);
  line('bare scan, before', scanned, bareBefore);
  line('bare scan, after', COUNT, bareAfter);
  line('verify (the action)', COUNT, verified.seconds, verified);
  console.log(
    `  outputs: matched ${outputs['matched-count']}, missing ${outputs['missing-count']}, extra ${outputs['extra-count']}, different ${outputs['different-count']}`,
  );
  const ratio = bare / verified.seconds;
  console.log(
    `  verify / bare scan  ${(ratio * 100).toFixed(0)}% (target 70%) ${ratio >= 0.7 ? 'MET' : 'NOT MET'}; memory under 200 MB ${verified.peakMb < 200 ? 'MET' : 'NOT MET'}`,
  );
  if (outputs['matched-count'] !== String(COUNT)) throw new Error('verify did not match every item');
} finally {
  await server.stop();
  rmSync(dbPath, { recursive: true, force: true });
  rmSync(exportFolder, { recursive: true, force: true });
  build.remove();
}
