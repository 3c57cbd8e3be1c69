// The pass-through BatchWriteItem against a local HTTP endpoint that keeps
// what it is sent: the same request the SDK would send for the same items
// (same items, same values; key order aside), signed over the body that was
// actually sent, with the action's user agent; unprocessed items matched
// back to the bytes they were sent as; and request bytes in flight bounded
// by the budget whatever the concurrency.

import { createHash, createHmac } from 'node:crypto';
import { type IncomingHttpHeaders, createServer } from 'node:http';
import type { AttributeValue, WriteRequest } from '@aws-sdk/client-dynamodb';
import { SignatureV4 } from '@smithy/signature-v4';
import type { SourceData } from '@smithy/types';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDynamoDbClient } from '../../src/aws/clients.js';
import { Breaker } from '../../src/aws/retry.js';
import { sdkChannel } from '../../src/direct/batch-write.js';
import { RawWrites } from '../../src/direct/raw-batch-write.js';
import type { RawPut } from '../../src/direct/sink.js';
import { MAX_BYTES_IN_FLIGHT, BatchWriter } from '../../src/direct/writer.js';
import { toDynamoJsonMap } from '../../src/formats/attribute-value.js';
import { checkItemLine } from '../../src/formats/dynamodb-json-check.js';
import type { KeyCheck } from '../../src/formats/item-checks.js';
import { generateItems } from '../generate-items.js';
import { listenLocal, readBody } from '../fake-dynamodb-http.js';

const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const KEYS: KeyCheck[] = [
  { name: 'id', type: 'S' },
  { name: 'sort', type: 'N' },
];

interface Received {
  headers: IncomingHttpHeaders;
  body: Buffer;
  path: string;
}

let received: Received[] = [];
let answer: (body: Buffer) => Promise<string> = async () => '{"UnprocessedItems":{}}';
let server: Awaited<ReturnType<typeof listenLocal>>;

beforeAll(async () => {
  server = await listenLocal(
    createServer(async (req, res) => {
      const body = await readBody(req);
      received.push({ headers: req.headers, body, path: req.url ?? '/' });
      const text = await answer(body);
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    }),
  );
  vi.stubEnv('AWS_ACCESS_KEY_ID', CREDENTIALS.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', CREDENTIALS.secretAccessKey);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await server.close();
});
afterEach(() => {
  received = [];
  answer = async () => '{"UnprocessedItems":{}}';
});

/** The puts sent as one batch, its body written as they are added. */
async function sendRaw(puts: RawPut[]): Promise<RawPut[]> {
  const writes = new RawWrites(client(), 'T', ['id', 'sort']);
  const batch = writes.start();
  for (const put of puts) batch.add(put);
  return (await writes.channel(batch).send(batch.puts)).unprocessed;
}

const client = () => createDynamoDbClient({ region: 'eu-west-1', endpointUrl: server.endpoint, s3Compatible: false });

function rawPuts(items: Iterable<Record<string, AttributeValue>>): RawPut[] {
  return [...items].map((item) => {
    const put = checkItemLine(Buffer.from(`{"Item":${JSON.stringify(toDynamoJsonMap(item))}}`), KEYS);
    if (put === undefined) throw new Error('a generated item was not accepted');
    return put;
  });
}

class Sha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytesOf(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytesOf(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {}
}

function bytesOf(data: SourceData): Buffer {
  if (typeof data === 'string') return Buffer.from(data);
  return ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);
}

/** Signs what the endpoint received again, at the time it says, over the body it received. */
async function signatureOf(request: Received): Promise<string> {
  const url = new URL(server.endpoint);
  const signed = /SignedHeaders=([^,]+)/.exec(String(request.headers.authorization))?.[1]?.split(';') ?? [];
  const headers = Object.fromEntries(signed.map((name) => [name, String(request.headers[name])]));
  // The signer takes the payload's hash from this header when it is there: give it the hash of the body received.
  if ('x-amz-content-sha256' in headers)
    headers['x-amz-content-sha256'] = createHash('sha256').update(request.body).digest('hex');
  const date = String(request.headers['x-amz-date']);
  const signer = new SignatureV4({
    credentials: CREDENTIALS,
    region: 'eu-west-1',
    service: 'dynamodb',
    sha256: Sha256,
  });
  const at = new Date(
    `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 11)}:${date.slice(11, 13)}:${date.slice(13)}`,
  );
  const result = await signer.sign(
    {
      method: 'POST',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: request.path,
      query: {},
      headers,
      body: request.body,
    },
    { signingDate: at },
  );
  return String(result.headers.authorization);
}

describe('the pass-through BatchWriteItem', () => {
  it('sends the request the SDK would send for the same items, signed over the body it sends', async () => {
    const items = [...generateItems(25)];
    await sendRaw(rawPuts(items));
    const requests: WriteRequest[] = items.map((Item) => ({ PutRequest: { Item } }));
    await sdkChannel(client(), 'T').send(requests);
    const [raw, sdk] = received as [Received, Received];
    // Same items, same attribute values: JSON equality leaves key order aside.
    expect(JSON.parse(raw.body.toString())).toEqual(JSON.parse(sdk.body.toString()));
    expect(Object.keys(raw.headers).sort()).toEqual(Object.keys(sdk.headers).sort());
    for (const name of ['x-amz-target', 'content-type', 'user-agent', 'host'])
      expect(raw.headers[name]).toBe(sdk.headers[name]);
    expect(raw.headers['user-agent']).toContain('dynamodb-s3-transfer');
    expect(Number(raw.headers['content-length'])).toBe(raw.body.length);
    expect(raw.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//);
    expect(await signatureOf(raw)).toBe(raw.headers.authorization);
    expect(await signatureOf(sdk)).toBe(sdk.headers.authorization);
    // The check is a real one: a body other than the one signed does not match.
    expect(await signatureOf({ ...raw, body: Buffer.concat([raw.body, Buffer.from(' ')]) })).not.toBe(
      raw.headers.authorization,
    );
  });

  it('returns the puts DynamoDB left unprocessed as the same bytes, matched by key', async () => {
    const puts = rawPuts(generateItems(10));
    answer = async (body) => {
      const sent = (JSON.parse(body.toString()) as { RequestItems: { T: WriteRequest[] } }).RequestItems.T;
      return JSON.stringify({ UnprocessedItems: { T: [sent[7], sent[2]] } });
    };
    const unprocessed = await sendRaw(puts);
    expect(unprocessed).toHaveLength(2);
    expect(unprocessed[0]).toBe(puts[7]);
    expect(unprocessed[1]).toBe(puts[2]);
  });

  it(`keeps request bytes in flight under ${MAX_BYTES_IN_FLIGHT / 1024 / 1024} MiB at concurrency 64`, async () => {
    let open = 0;
    let most = 0;
    answer = async (body) => {
      open += body.length;
      most = Math.max(most, open);
      await new Promise((resolve) => setTimeout(resolve, 20));
      open -= body.length;
      return '{"UnprocessedItems":{}}';
    };
    const writer = new BatchWriter({
      dynamodb: client(),
      table: 'T',
      keyNames: ['id', 'sort'],
      concurrency: 64,
      deps: { sleep: async () => {}, breaker: new Breaker() },
      onRejected: () => {
        throw new Error('nothing is rejected');
      },
    });
    const pad = 'x'.repeat(100_000);
    const puts = rawPuts(
      Array.from({ length: 400 }, (_, i) => ({ id: { S: `item-${i}` }, sort: { N: '1' }, pad: { S: pad } })),
    );
    for (const [n, put] of puts.entries()) await writer.putRaw(put, { object: 'source', line: n + 1, itemIndex: n });
    await writer.flush();
    expect(writer.stats.written).toBe(400);
    expect(received).toHaveLength(16);
    // The 16 requests of 25 items of 100 KB would be 40 MB at once.
    const request = Math.max(...received.map((r) => r.body.length));
    expect(most).toBeGreaterThan(request);
    expect(most).toBeLessThanOrEqual(MAX_BYTES_IN_FLIGHT + request);
  });
});
