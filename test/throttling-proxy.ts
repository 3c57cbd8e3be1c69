// A proxy between the action and DynamoDB Local, which never throttles: it
// answers a share of BatchWriteItem calls with
// ProvisionedThroughputExceededException and forwards only part of others,
// returning the rest as UnprocessedItems, the way real DynamoDB does. It can
// also throttle Scan and Query calls, or cut their answers off half-way, as a
// dropped connection does; slow every call down; make Scan pages small; and
// answer any call itself (access denied after the first N writes).

import { type IncomingMessage, type ServerResponse, createServer, request } from 'node:http';
import type { StubAnswer } from './dynamodb-stub.js';
import { answerJson, listenLocal, operationOf, readBody } from './fake-dynamodb-http.js';

export interface ProxyOptions {
  /** Every n-th BatchWriteItem is throttled (0: never). */
  throttleEvery: number;
  /** Every n-th BatchWriteItem forwards only its first half (0: never). */
  splitEvery: number;
  /** Items whose id.S is in this set are always returned as unprocessed. */
  stubborn?: Set<string>;
  /** Every n-th Scan or Query is throttled (0 or absent: never). */
  throttleReadsEvery?: number;
  /** Every n-th Scan or Query answer stops half-way through its body (0 or absent: never). */
  cutReadsEvery?: number;
  /** Every call waits this long before it is forwarded, so a run lasts long enough to be interrupted. */
  delayMs?: number;
  /** Scan and Query calls (only) wait this long before they are forwarded: a page that hangs. */
  readDelayMs?: number;
  /** Scan and Query pages hold at most this many items (the proxy adds `Limit`), so a small table has many pages. */
  pageLimit?: number;
  /** The share (0 to 1) of BatchWriteItem calls throttled, given how many came so far: a growing share. */
  throttleShare?: (count: number) => number;
  /**
   * Asked first for every call, with its operation and how many calls of that
   * operation came so far (this one included): an answer given is sent instead
   * of forwarding the call.
   */
  intercept?: (operation: string, count: number) => StubAnswer | undefined;
}

export interface ThrottlingProxy {
  endpoint: string;
  counts: {
    batchWrites: number;
    throttled: number;
    split: number;
    forwarded: number;
    reads: number;
    readsThrottled: number;
    readsCut: number;
    /** Scan and Query calls held back by `readDelayMs` so far, counted as they arrive. */
    readsHeld: number;
    /** Capacity units DynamoDB reported in the answers forwarded (ConsumedCapacity), by operation kind. */
    readUnits: number;
    writeUnits: number;
  };
  /** BatchWriteItem calls in flight through the proxy, sampled as each one arrives, with the time. */
  writesInFlight: { at: number; inFlight: number }[];
  /** Each BatchWriteItem forwarded: when it arrived, and the write units DynamoDB reported for it. */
  writesMetered: { at: number; units: number }[];
  close(): Promise<void>;
}

type WireRequest = { PutRequest?: { Item?: Record<string, { S?: string }> } };

export async function startThrottlingProxy(target: string, options: ProxyOptions): Promise<ThrottlingProxy> {
  const counts = {
    batchWrites: 0,
    throttled: 0,
    split: 0,
    forwarded: 0,
    reads: 0,
    readsThrottled: 0,
    readsCut: 0,
    readsHeld: 0,
    readUnits: 0,
    writeUnits: 0,
  };
  const writesInFlight: { at: number; inFlight: number }[] = [];
  const writesMetered: { at: number; units: number }[] = [];
  let inFlight = 0;
  const upstream = new URL(target);

  const calls = new Map<string, number>();

  const server = createServer(async (req, res) => {
    let body = await readBody(req);
    const operation = operationOf(req);
    calls.set(operation, (calls.get(operation) ?? 0) + 1);
    const answered = options.intercept?.(operation, calls.get(operation) ?? 0);
    if (operation === 'BatchWriteItem' && answered !== undefined) counts.batchWrites += 1;
    if ((operation === 'Scan' || operation === 'Query') && answered !== undefined) counts.reads += 1;
    if (answered !== undefined) return answer(res, answered.status, answered.body);
    if (options.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    if (operation === 'Scan' || operation === 'Query') {
      if (options.readDelayMs !== undefined) {
        counts.readsHeld += 1;
        await new Promise((resolve) => setTimeout(resolve, options.readDelayMs));
      }
      if (options.pageLimit !== undefined)
        body = Buffer.from(JSON.stringify({ ...JSON.parse(body.toString()), Limit: options.pageLimit }));
      counts.reads += 1;
      if (every(options.throttleReadsEvery, counts.reads)) {
        counts.readsThrottled += 1;
        return throttle(res);
      }
      const cut = every(options.cutReadsEvery, counts.reads);
      if (cut) counts.readsCut += 1;
      return forward(req, body, res, undefined, cut);
    }
    if (operation !== 'BatchWriteItem') return forward(req, body, res, undefined);
    counts.batchWrites += 1;
    inFlight += 1;
    writesInFlight.push({ at: Date.now(), inFlight });
    res.on('close', () => (inFlight -= 1));
    if (every(options.throttleEvery, counts.batchWrites) || shared(options.throttleShare, counts.batchWrites)) {
      counts.throttled += 1;
      return throttle(res);
    }
    const parsed = JSON.parse(body.toString()) as { RequestItems: Record<string, WireRequest[]> };
    const [table, requests] = Object.entries(parsed.RequestItems)[0] as [string, WireRequest[]];
    const stubborn = requests.filter((r) => options.stubborn?.has(r.PutRequest?.Item?.id?.S ?? ''));
    let send = requests.filter((r) => !stubborn.includes(r));
    let held: WireRequest[] = stubborn;
    if (options.splitEvery > 0 && counts.batchWrites % options.splitEvery === 0 && send.length > 1) {
      counts.split += 1;
      held = [...held, ...send.slice(Math.ceil(send.length / 2))];
      send = send.slice(0, Math.ceil(send.length / 2));
    }
    if (send.length === 0) return answer(res, 200, { UnprocessedItems: { [table]: held } });
    const forwardBody = Buffer.from(JSON.stringify({ ...parsed, RequestItems: { [table]: send } }));
    return forward(req, forwardBody, res, held.length === 0 ? undefined : { table, held });
  });

  function forward(
    req: IncomingMessage,
    body: Buffer,
    res: ServerResponse,
    unprocessed: { table: string; held: WireRequest[] } | undefined,
    cut = false,
  ): void {
    counts.forwarded += 1;
    const arrived = Date.now();
    const headers = { ...req.headers, host: upstream.host, 'content-length': String(body.length) };
    const upstreamRequest = request(
      { hostname: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers },
      async (upstreamResponse) => {
        const responseBody = await readBody(upstreamResponse);
        if (upstreamResponse.statusCode === 200 && !cut) countCapacity(operationOf(req), responseBody, arrived);
        if (cut) {
          // The whole length announced, half of it sent, then the connection dropped.
          res.writeHead(upstreamResponse.statusCode ?? 500, {
            'content-type': 'application/x-amz-json-1.0',
            'content-length': responseBody.length,
          });
          res.write(responseBody.subarray(0, Math.floor(responseBody.length / 2)), () => res.destroy());
          return;
        }
        if (unprocessed === undefined || upstreamResponse.statusCode !== 200) {
          res.writeHead(upstreamResponse.statusCode ?? 500, {
            'content-type': upstreamResponse.headers['content-type'] ?? 'application/x-amz-json-1.0',
          });
          res.end(responseBody);
          return;
        }
        const parsed = JSON.parse(responseBody.toString()) as { UnprocessedItems?: Record<string, WireRequest[]> };
        const already = parsed.UnprocessedItems?.[unprocessed.table] ?? [];
        answer(res, 200, { ...parsed, UnprocessedItems: { [unprocessed.table]: [...already, ...unprocessed.held] } });
      },
    );
    upstreamRequest.on('error', (error) => answer(res, 500, { __type: 'InternalServerError', message: error.message }));
    upstreamRequest.end(body);
  }

  function countCapacity(operation: string, body: Buffer, arrived: number): void {
    const answer = JSON.parse(body.toString()) as { ConsumedCapacity?: Capacity | Capacity[] };
    const units = [answer.ConsumedCapacity ?? []].flat().reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
    if (operation === 'BatchWriteItem') {
      counts.writeUnits += units;
      writesMetered.push({ at: arrived, units });
    } else if (operation === 'Scan' || operation === 'Query') counts.readUnits += units;
  }

  return { ...(await listenLocal(server)), counts, writesInFlight, writesMetered };
}

type Capacity = { CapacityUnits?: number };

/** Deterministic: of every 100 calls, about `share` of them, spread out. */
function shared(share: ((count: number) => number) | undefined, count: number): boolean {
  return share !== undefined && ((count * 37) % 100) / 100 < share(count);
}

function every(n: number | undefined, count: number): boolean {
  return n !== undefined && n > 0 && count % n === 0;
}

function throttle(res: ServerResponse): void {
  answer(res, 400, {
    __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
    message: 'The level of configured provisioned throughput for the table was exceeded.',
  });
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  answerJson(res, status, body, 'proxy');
}
