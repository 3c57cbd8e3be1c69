// A stand-in DynamoDB endpoint that costs almost nothing, so a benchmark
// against it measures the client: CreateTable and DescribeTable answer at
// once, BatchWriteItem accepts every item and counts it (by its PutRequest,
// without parsing the body), and parallel Scan replays pre-built 1 MB pages.
// Run as its own process (`node ... ceiling-endpoint.ts <items> <table>`): it
// prints its address, and GET /stats answers how many items it was sent.

import { createServer } from 'node:http';
import { toDynamoJsonMap } from '../src/formats/attribute-value.js';
import { answerJson, listenLocal, operationOf, readBody } from '../test/fake-dynamodb-http.js';
import { BENCH_KEYS, benchItem } from './bench-item.js';

const PAGE_BYTES = 1024 * 1024;
/** Distinct pages replayed: enough that no page stays in a cache. */
const DISTINCT_PAGES = 8;

const items = Number(process.argv[2] ?? 300_000);
/** The table every Scan reads, holding `items` bench items. */
const SCAN_TABLE = process.argv[3] ?? 'scanned';
const tables = new Map<string, Record<string, unknown>>();
let written = 0;

function describe(name: string, itemCount: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    TableName: name,
    TableStatus: 'ACTIVE',
    TableArn: `arn:aws:dynamodb:us-east-1:000000000000:table/${name}`,
    CreationDateTime: 1_700_000_000,
    ItemCount: itemCount,
    TableSizeBytes: itemCount * 420,
    BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
    ...BENCH_KEYS,
    ...extra,
  };
}
tables.set(SCAN_TABLE, describe(SCAN_TABLE, items));

const itemJson = Array.from({ length: 4096 }, (_, i) => Buffer.from(JSON.stringify(toDynamoJsonMap(benchItem(i)))));
const perPage = Math.floor(PAGE_BYTES / ((itemJson[0] as Buffer).length + 1));
const sampleOf = (i: number) => itemJson[i % itemJson.length] as Buffer;
const pageOf = (first: number, count: number) =>
  Buffer.from(Array.from({ length: count }, (_, i) => sampleOf(first + i).toString('latin1')).join(','), 'latin1');
const fullPages = Array.from({ length: DISTINCT_PAGES }, (_, p) => pageOf(p * perPage, perPage));
const shortPages = new Map<number, Buffer>();

/** Page `page` of `segment`: its items and the key to start the next one from, if any. */
function scanPage(segment: number, total: number, page: number, limit: number): Buffer {
  const start = Math.floor((segment * items) / total);
  const end = Math.floor(((segment + 1) * items) / total);
  const size = Math.min(limit, perPage);
  const first = start + page * size;
  const count = Math.max(0, Math.min(size, end - first));
  const body =
    count === perPage
      ? (fullPages[page % DISTINCT_PAGES] as Buffer)
      : cached(shortPages, count, () => pageOf(0, count));
  const next = first + count < end ? `,"LastEvaluatedKey":{"pk":{"S":"p${page + 1}"},"sk":{"N":"0"}}` : '';
  return Buffer.concat([
    Buffer.from(`{"Count":${count},"ScannedCount":${count},"Items":[`),
    body,
    Buffer.from(`]${next}}`),
  ]);
}

function cached<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

const PUT = Buffer.from('"PutRequest"');

function countPuts(body: Buffer): number {
  let n = 0;
  for (let i = body.indexOf(PUT); i !== -1; i = body.indexOf(PUT, i + PUT.length)) n += 1;
  return n;
}

const server = createServer(async (req, res) => {
  if (req.method === 'GET' && req.url === '/stats') {
    res.end(JSON.stringify({ written }));
    return;
  }
  const body = await readBody(req);
  const operation = operationOf(req);
  if (operation === 'BatchWriteItem') {
    const n = countPuts(body);
    written += n;
    const capacity = body.includes('"ReturnConsumedCapacity"')
      ? `,"ConsumedCapacity":[{"TableName":"${/"RequestItems"\s*:\s*\{\s*"([^"]+)"/.exec(body.toString('latin1', 0, 300))?.[1]}","CapacityUnits":${n}}]`
      : '';
    const text = `{"UnprocessedItems":{}${capacity}}`;
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0', 'content-length': text.length });
    res.end(text);
    return;
  }
  const input = JSON.parse(body.toString() || '{}') as Record<string, unknown>;
  const name = String(input.TableName ?? '');
  if (operation === 'Scan') {
    const start = (input.ExclusiveStartKey as { pk?: { S?: string } } | undefined)?.pk?.S;
    const page = start === undefined ? 0 : Number(start.slice(1));
    const text = scanPage(
      Number(input.Segment ?? 0),
      Number(input.TotalSegments ?? 1),
      page,
      Number(input.Limit ?? Number.POSITIVE_INFINITY),
    );
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0', 'content-length': text.length });
    res.end(text);
    return;
  }
  if (operation === 'CreateTable') {
    tables.set(
      name,
      describe(name, 0, { KeySchema: input.KeySchema, AttributeDefinitions: input.AttributeDefinitions }),
    );
    answerJson(res, 200, { TableDescription: tables.get(name) }, 'ceiling');
    return;
  }
  if (operation === 'DescribeTable') {
    const table = tables.get(name);
    if (table === undefined) {
      const type = 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException';
      answerJson(
        res,
        400,
        { __type: type, message: `Requested resource not found: Table: ${name} not found` },
        'ceiling',
      );
    } else answerJson(res, 200, { Table: table }, 'ceiling');
    return;
  }
  process.stderr.write(`ceiling endpoint: ${operation} is not answered\n`);
  const type = 'com.amazonaws.dynamodb.v20120810#UnknownOperationException';
  answerJson(res, 400, { __type: type, message: `${operation} is not implemented here` }, 'ceiling');
});

const { endpoint } = await listenLocal(server);
process.stdout.write(`${endpoint}\n`);
