// A server that answers a request's headers and then stops (DynamoDB Local
// stopped with SIGSTOP mid-response did this in CI, and the step hung until
// the job's timeout): the request fails after the socket has been silent for
// the configured time, and is retried; a response that keeps coming, however
// slowly, is not cut.

import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDynamoDbClient } from '../../src/aws/clients.js';
import { createS3Client } from '../../src/aws/s3-client.js';

const SILENCE_MS = 300;

let server: Server | undefined;
beforeEach(() => {
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
});
afterEach(async () => {
  vi.unstubAllEnvs();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** Serves `respond` for every request; counts the requests. */
async function serve(respond: (res: ServerResponse) => void): Promise<{ endpoint: string; requests: () => number }> {
  let requests = 0;
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests += 1;
    req.resume();
    req.on('end', () => respond(res));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, requests: () => requests };
}

/** Headers and the start of a body, then nothing more. */
const stallAfterHeaders =
  (body: string) =>
  (res: ServerResponse): void => {
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0', 'content-length': String(body.length) });
    res.write(body.slice(0, 10));
  };

/** The whole body, a few bytes at a time, slower in total than the silence allowed. */
const trickle =
  (body: string, contentType: string) =>
  (res: ServerResponse): void => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': String(body.length) });
    let at = 0;
    const timer = setInterval(() => {
      res.write(body.slice(at, at + 8));
      at += 8;
      if (at >= body.length) {
        clearInterval(timer);
        res.end();
      }
    }, SILENCE_MS / 3);
  };

describe('DynamoDB client', () => {
  const timeouts = { requestMs: SILENCE_MS, socketMs: SILENCE_MS };

  it('fails a response stopped after its headers after one attempt: the SDK never retries silence, the action does (issue 23)', async () => {
    const { endpoint, requests } = await serve(stallAfterHeaders('{"Table":{"TableName":"t","ItemCount":1}}'));
    const client = createDynamoDbClient({ region: 'eu-west-1', endpointUrl: endpoint, s3Compatible: false }, timeouts);
    const started = Date.now();
    const error = await client.send(new DescribeTableCommand({ TableName: 't' })).catch((e: unknown) => e as Error);
    expect(error).toMatchObject({ name: 'TimeoutError', endpoint });
    expect(requests()).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('tries a request the server answers with a 500 three times, quickly, and notes the endpoint on the error', async () => {
    const { endpoint, requests } = await serve((res) => {
      res.writeHead(500, { 'content-type': 'application/x-amz-json-1.0' });
      res.end('{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"boom"}');
    });
    const client = createDynamoDbClient({ region: 'eu-west-1', endpointUrl: endpoint, s3Compatible: false }, timeouts);
    const error = await client.send(new DescribeTableCommand({ TableName: 't' })).catch((e: unknown) => e as Error);
    expect(error).toMatchObject({ name: 'InternalServerError', endpoint, $metadata: { attempts: 3 } });
    expect(requests()).toBe(3);
  });

  it('does not cut a response that keeps coming', async () => {
    const body = JSON.stringify({ Table: { TableName: 't', ItemCount: 7, TableStatus: 'ACTIVE' } });
    const { endpoint, requests } = await serve(trickle(body, 'application/x-amz-json-1.0'));
    const client = createDynamoDbClient({ region: 'eu-west-1', endpointUrl: endpoint, s3Compatible: false }, timeouts);
    const output = await client.send(new DescribeTableCommand({ TableName: 't' }));
    expect(output.Table?.ItemCount).toBe(7);
    expect(requests()).toBe(1);
  });
});

describe('S3 client', () => {
  const settings = (endpoint: string) => ({ region: 'eu-west-1', s3EndpointUrl: endpoint, s3Compatible: true });

  it('fails an object whose body stops coming', async () => {
    const { endpoint } = await serve(stallAfterHeaders('x'.repeat(1000)));
    const client = createS3Client(settings(endpoint), SILENCE_MS);
    const response = await client.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
    const started = Date.now();
    await expect(response.Body?.transformToString()).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('reads a whole object that comes slowly', async () => {
    const body = 'y'.repeat(64);
    const { endpoint } = await serve(trickle(body, 'application/octet-stream'));
    const client = createS3Client(settings(endpoint), SILENCE_MS);
    const response = await client.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
    expect(await response.Body?.transformToString()).toBe(body);
  });
});
