// Import and export speed and memory against DynamoDB Local: the built action
// (run as the runner runs it) beside a bare loop of the same SDK calls at the
// same concurrency, in the same run. Targets: the action at 97% of the bare
// loop asking for ConsumedCapacity as it does (issue 15), its peak memory
// under 200 MB and flat as the count grows.
//
//   npm run bench:transfer                      # 1,000,000 items
//   BENCH_ITEMS=100000 npm run bench:transfer   # a quicker look
//   BENCH_ONLY=import npm run bench:transfer    # or export: one half (an export-only run loads its table bare)

import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ROOT } from '../test/action-yml.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from '../test/servers.js';
import { type ChildRun, runActionMeasured, describeRun } from './action-run.js';
import { bareScan } from './bare-scan.js';
import { benchItem } from './bench-item.js';
import { importSource } from './import-source.js';
import { loadTable, createBenchTable } from './load-table.js';

const COUNT = Number(process.env.BENCH_ITEMS ?? 1_000_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const DATA = join(ROOT, 'bench', '.data');
const ONLY = process.env.BENCH_ONLY;
if (ONLY !== undefined && ONLY !== 'import' && ONLY !== 'export') throw new Error('BENCH_ONLY is import or export');

/**
 * The action beside two bare loops: one asking for ReturnConsumedCapacity
 * TOTAL as the action does (its accounting's cost: target 97%), one not (what
 * DynamoDB Local's own computation of consumed capacity costs on top).
 */
function report(name: string, bare: { plain: Timing; total: Timing }, run: ChildRun): void {
  console.log(
    `\n${name}: ${COUNT.toLocaleString('en-US')} items, concurrency ${CONCURRENCY}, load ${(loadavg()[0] ?? 0).toFixed(1)}`,
  );
  // CPU per item: on 2 cores, what the client spends is taken from DynamoDB Local.
  const perItem = (cpu: number) => `CPU ${((cpu / COUNT) * 1e6).toFixed(1)} µs/item`;
  console.log(
    `  bare loop, TOTAL  ${(COUNT / bare.total.seconds).toFixed(0).padStart(8)} items/s   ${perItem(bare.total.cpu)}`,
  );
  console.log(
    `  bare loop         ${(COUNT / bare.plain.seconds).toFixed(0).padStart(8)} items/s   ${perItem(bare.plain.cpu)}`,
  );
  console.log(
    `  the action        ${(COUNT / run.seconds).toFixed(0).padStart(8)} items/s   ${perItem(run.cpuSeconds)}, ${describeRun(run)}`,
  );
  const ratio = bare.total.seconds / run.seconds;
  console.log(
    `  action / bare loop asking TOTAL  ${(ratio * 100).toFixed(0)}% (target 97%) ${ratio >= 0.97 ? 'MET' : 'NOT MET'}; memory under 200 MB ${run.peakMb < 200 ? 'MET' : 'NOT MET'}`,
  );
  console.log(
    `  action / bare loop               ${((bare.plain.seconds / run.seconds) * 100).toFixed(0)}%; bare loop asking TOTAL / bare loop ${((bare.plain.seconds / bare.total.seconds) * 100).toFixed(0)}%`,
  );
}

interface Timing {
  seconds: number;
  /** CPU seconds of this process (the bare loop is all it runs meanwhile). */
  cpu: number;
}

async function timed(work: () => Promise<unknown>): Promise<Timing> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  await work();
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - t) / 1000, cpu: (used.user + used.system) / 1e6 };
}

mkdirSync(DATA, { recursive: true });
const source = await importSource(DATA, COUNT);
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
  // Warm the JVM before timing anything (100,000 items are plenty).
  await createBenchTable(client, 'warmup');
  await loadTable(client, 'warmup', Math.min(COUNT, 100_000), CONCURRENCY, benchItem).catch(() => undefined);

  if (ONLY === 'export') {
    await createBenchTable(client, 'action');
    await loadTable(client, 'action', COUNT, CONCURRENCY, benchItem);
  } else {
    await benchImport(client, common);
  }
  if (ONLY !== 'import') await benchExport(client, common);
} finally {
  await server.stop();
  rmSync(dbPath, { recursive: true, force: true });
}

/**
 * The bare loop asking TOTAL runs before and after the action, each into a
 * table of its own, and the two are averaged: DynamoDB Local slows as its
 * SQLite file grows, and whichever ran last would otherwise pay for it.
 */
async function benchImport(client: DynamoDBClient, common: Record<string, string>): Promise<void> {
  for (const table of ['bare', 'bare-total', 'bare-total-after']) await createBenchTable(client, table);
  const plain = await timed(() => loadTable(client, 'bare', COUNT, CONCURRENCY, benchItem));
  const before = await timed(() => loadTable(client, 'bare-total', COUNT, CONCURRENCY, benchItem, 'TOTAL'));
  const imported = await runActionMeasured(
    { ...common, mode: 'import', path: source, 'table-name': 'action', 'partition-key': 'pk:S', 'sort-key': 'sk:N' },
    DATA,
  );
  const after = await timed(() => loadTable(client, 'bare-total-after', COUNT, CONCURRENCY, benchItem, 'TOTAL'));
  console.log(
    `\nImport, bare loop asking TOTAL: ${(COUNT / before.seconds).toFixed(0)} items/s before the action, ${(COUNT / after.seconds).toFixed(0)} after`,
  );
  const total = { seconds: (before.seconds + after.seconds) / 2, cpu: (before.cpu + after.cpu) / 2 };
  report('Import', { plain, total }, imported);
}

async function benchExport(client: DynamoDBClient, common: Record<string, string>): Promise<void> {
  let scanned = 0;
  const bareExport = {
    plain: await timed(async () => (scanned = await bareScan(client, 'action', CONCURRENCY))),
    total: await timed(() => bareScan(client, 'action', CONCURRENCY, 'TOTAL')),
  };
  const exportFolder = join(DATA, 'export');
  rmSync(exportFolder, { recursive: true, force: true });
  const exported = await runActionMeasured(
    { ...common, mode: 'export', 'table-name': 'action', path: exportFolder },
    DATA,
  );
  report(`Export (bare scan read ${scanned.toLocaleString('en-US')})`, bareExport, exported);
}
