// The client's own ceiling: the built action importing and exporting against
// an endpoint that answers at almost no cost (bench/ceiling-endpoint.ts), in
// the same run as bare SDK loops doing the same work at the same concurrency.
// On real AWS an on-demand table takes far more than a 2-core runner can
// send, so this is what a runner would see. Targets: import at 200% of the
// bare loop or better, export at 400%, the action's peak RSS under 200 MB.
//
//   npm run bench:ceiling                        # 300,000 items, concurrency 16 and 64
//   BENCH_ITEMS=100000 BENCH_CONCURRENCY=16 npm run bench:ceiling
//   BENCH_BASELINE_ENTRY=/tmp/main-build/index.js npm run bench:ceiling   # another build beside it, same run

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoDbClient } from '../src/aws/clients.js';
import { ROOT } from '../test/action-yml.js';
import { buildAction } from '../test/build-action.js';
import { parseOutputFile } from '../test/run-action.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../test/servers.js';
import { type ChildRun, runActionMeasured } from './action-run.js';
import { bareImportFile } from './bare-import.js';
import { bareScan } from './bare-scan.js';
import { importSource } from './import-source.js';
import { measure } from './measure.js';
import { sdkFloor } from './sdk-floor.js';

const COUNT = Number(process.env.BENCH_ITEMS ?? 300_000);
const WARM_UP_ITEMS = 20_000;
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? '16,64').split(',').map(Number);
const DATA = join(ROOT, 'bench', '.data');
/** The table the endpoint's Scan pages come from. */
const SCAN_TABLE = 'scanned';

async function startEndpoint(): Promise<{ endpoint: string; stop(): void }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      join(ROOT, 'scripts', 'register-ts.mjs'),
      join(ROOT, 'bench', 'ceiling-endpoint.ts'),
      String(COUNT),
      SCAN_TABLE,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  return { endpoint: line.trim(), stop: () => child.kill() };
}

async function written(endpoint: string): Promise<number> {
  return ((await (await fetch(`${endpoint}/stats`)).json()) as { written: number }).written;
}

/** Wall time and CPU time: on a machine others load, CPU time per item is the steadier of the two. */
interface Timing {
  seconds: number;
  cpuSeconds: number;
}

function line(label: string, timing: Timing, peakMb: number, extra = ''): void {
  const perSecond = (COUNT / timing.seconds).toFixed(0).padStart(8);
  const cpu = ((timing.cpuSeconds * 1e6) / COUNT).toFixed(1).padStart(6);
  console.log(`  ${label.padEnd(14)}${perSecond} items/s   CPU ${cpu} µs/item   peak ${peakMb.toFixed(0)} MB${extra}`);
}

function verdict(bare: Timing, action: Timing, target: number, run: ChildRun, counted: string): void {
  const met = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
  const ratio = bare.seconds / action.seconds;
  const cpuRatio = bare.cpuSeconds / action.cpuSeconds;
  console.log(
    `  action / bare  ${(ratio * 100).toFixed(0)}% (target ${target * 100}%) ${met(ratio >= target)}, by CPU per item ${(cpuRatio * 100).toFixed(0)}%; memory under 200 MB ${met(run.peakMb < 200)}; ${counted}`,
  );
}

/** How fast `than` ran beside `reference`, by wall time. */
const percent = (reference: Timing, than: Timing) => `${((reference.seconds / than.seconds) * 100).toFixed(0)}%`;

/** A bare loop in this process, timed, with its CPU time and peak memory. */
async function bareRun(work: () => Promise<unknown>): Promise<Timing & { peakRssMb: number }> {
  const cpu = process.cpuUsage();
  const measured = await measure(async () => {
    await work();
  });
  const used = process.cpuUsage(cpu);
  return { ...measured, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** Another build of the action (such as main's) measured beside this one in the same run. */
const BASELINE_ENTRY = process.env.BENCH_BASELINE_ENTRY;

const countCheck = (what: string, count: number) =>
  count === COUNT ? `${what} ${count} MET` : `${what} ${count}, expected ${COUNT}: NOT MET`;

/** The other build on the same inputs, beside the bare loop's time. */
/** A run of a build of the action: its peak by quarter and its exit code. */
function actionLine(label: string, run: ChildRun): void {
  line(label, run, run.peakMb, ` (${run.quarters.join('/')} by quarter), exit ${run.exitCode}`);
}

async function baseline(inputs: Record<string, string>, bare: Timing, entry: string): Promise<void> {
  const run = await runActionMeasured(inputs, DATA, entry);
  actionLine('baseline', run);
  const cpuRatio = bare.cpuSeconds / run.cpuSeconds;
  console.log(
    `  baseline / bare ${((bare.seconds / run.seconds) * 100).toFixed(0)}%, by CPU per item ${(cpuRatio * 100).toFixed(0)}%`,
  );
}

mkdirSync(DATA, { recursive: true });
const source = await importSource(DATA, COUNT);
const build = await buildAction();
const { endpoint, stop } = await startEndpoint();
try {
  const client = new DynamoDBClient({ region: LOCAL_REGION, endpoint, credentials: LOCAL_CREDENTIALS });
  // Set up as the action sets up its own (no logger middleware, its retries and timeouts).
  process.env.AWS_ACCESS_KEY_ID = LOCAL_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = LOCAL_CREDENTIALS.secretAccessKey;
  const actionLikeClient = createDynamoDbClient({ region: LOCAL_REGION, endpointUrl: endpoint, s3Compatible: false });
  // The bare loops run warm (the action starts cold in its own process each time): the comparison errs their way.
  await bareImportFile(client, 'warm-up', await importSource(DATA, WARM_UP_ITEMS), 16);
  await bareScan(client, SCAN_TABLE, 16);
  for (const concurrency of CONCURRENCIES) {
    const common = { 'endpoint-url': endpoint, concurrency: String(concurrency) };
    console.log(`\nImport: ${COUNT.toLocaleString('en-US')} items, concurrency ${concurrency}`);
    let before = await written(endpoint);
    const bare = await bareRun(() => bareImportFile(client, `bare-${concurrency}`, source, concurrency));
    const bareCount = (await written(endpoint)) - before;
    line('bare loop', bare, bare.peakRssMb, ` (bench process), endpoint counted ${bareCount}`);
    const floor = await bareRun(() => sdkFloor(actionLikeClient, `floor-${concurrency}`, COUNT, concurrency));
    line(
      'SDK floor',
      floor,
      floor.peakRssMb,
      ` (bench process: no work an item), ${percent(bare, floor)} of the bare loop`,
    );
    before = await written(endpoint);
    const imported = await runActionMeasured(
      {
        ...common,
        mode: 'import',
        path: source,
        'table-name': `action-${concurrency}`,
        'partition-key': 'pk:S',
        'sort-key': 'sk:N',
      },
      DATA,
      build.entry,
    );
    const actionCount = (await written(endpoint)) - before;
    actionLine('the action', imported);
    verdict(bare, imported, 2, imported, countCheck('items the endpoint counted', actionCount));
    if (BASELINE_ENTRY !== undefined) {
      const inputs = { ...common, mode: 'import', path: source, 'partition-key': 'pk:S', 'sort-key': 'sk:N' };
      await baseline({ ...inputs, 'table-name': `baseline-${concurrency}` }, bare, BASELINE_ENTRY);
    }

    console.log(`\nExport: ${COUNT.toLocaleString('en-US')} items, concurrency ${concurrency}`);
    let scanned = 0;
    const bareExport = await bareRun(async () => {
      scanned = await bareScan(client, SCAN_TABLE, concurrency);
    });
    line('bare scan', bareExport, bareExport.peakRssMb, ` (bench process), read ${scanned}`);
    const folder = join(DATA, 'ceiling-export');
    rmSync(folder, { recursive: true, force: true });
    const exported = await runActionMeasured(
      { ...common, mode: 'export', 'table-name': SCAN_TABLE, path: folder },
      DATA,
      build.entry,
    );
    const exportedCount = Number(parseOutputFile(exported.outputs)['item-count'] ?? -1);
    actionLine('the action', exported);
    verdict(bareExport, exported, 4, exported, countCheck('item-count', exportedCount));
    if (BASELINE_ENTRY !== undefined) {
      rmSync(folder, { recursive: true, force: true });
      const inputs = { ...common, mode: 'export', 'table-name': SCAN_TABLE, path: folder };
      await baseline(inputs, bareExport, BASELINE_ENTRY);
    }
    rmSync(folder, { recursive: true, force: true });
  }
} finally {
  stop();
  build.remove();
}
