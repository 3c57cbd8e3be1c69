// What the capacity accounting costs without a budget: the meter (AIMD gate,
// the tally of ConsumedCapacity by second) around a request, beside the same
// request bare, in one run. The request is a no-op, so the figure is the
// accounting's own CPU time per request; against a BatchWriteItem of 25 items
// at the throughput the client can reach, it gives the share of throughput.
//
//   npm run bench:accounting

import { Meter } from '../src/aws/meter.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1_000_000);
const CONCURRENCY = 16;

async function bare(): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < REQUESTS) await Promise.resolve({ ConsumedCapacity: [{ CapacityUnits: 25 }] });
    }),
  );
  return performance.now() - started;
}

async function metered(): Promise<number> {
  const meter = new Meter({ budget: undefined, concurrency: CONCURRENCY, now: Date.now, wait: async () => {} });
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < REQUESTS)
        await meter.send('write', 0, async () => ({ result: undefined, consumed: 25, attempts: 1 }));
    }),
  );
  return performance.now() - started;
}

for (let round = 0; round < 3; round++) {
  const b = await bare();
  const m = await metered();
  const perRequestUs = ((m - b) * 1000) / REQUESTS;
  // A BatchWriteItem carries 25 items; at 20,000 items/s (well above DynamoDB Local's 5,000) that is 800 requests/s.
  const share = (perRequestUs * 800) / 1e6;
  console.log(
    `round ${round + 1}: ${REQUESTS.toLocaleString('en-US')} requests, bare ${b.toFixed(0)} ms, metered ${m.toFixed(0)} ms: ` +
      `${perRequestUs.toFixed(2)} µs a request, ${(share * 100).toFixed(3)}% of a second at 800 requests/s (20,000 items/s)`,
  );
}
