// A proxy between the action and s3rver that breaks GetObject answers the way
// a faulty network does: the headers and the first bytes of the body, then
// silence (a stalled read), or then a reset connection. Every GetObject's
// Range and If-Match headers are kept, so a test can see how a read resumed.

import { type IncomingMessage, type ServerResponse, createServer, request } from 'node:http';
import type { Socket } from 'node:net';
import { listenLocal, readBody } from './fake-dynamodb-http.js';

/** `stall`: silence after the first bytes; `reset`: the connection reset after them; `silent`: headers, then nothing. */
export type GetFault = 'stall' | 'reset' | 'silent';

export interface S3FaultOptions {
  /**
   * Asked for every GetObject with its key and how many GetObjects of that key
   * came so far (this one included): a fault breaks this answer after `afterBytes`.
   */
  fault: (key: string, count: number) => GetFault | undefined;
  /** Bytes of the body sent before the fault; 64 KB by default. */
  afterBytes?: number;
}

export interface GetSeen {
  key: string;
  range: string | undefined;
  ifMatch: string | undefined;
  fault: GetFault | undefined;
}

export interface S3FaultProxy {
  endpoint: string;
  /** Every GetObject, in order. */
  gets: GetSeen[];
  /** GetObjects stalled so far. */
  stalled: () => number;
  close(): Promise<void>;
}

export async function startS3FaultProxy(target: string, options: S3FaultOptions): Promise<S3FaultProxy> {
  const upstream = new URL(target);
  const gets: GetSeen[] = [];
  const perKey = new Map<string, number>();
  const held = new Set<Socket>();
  const afterBytes = options.afterBytes ?? 64 * 1024;

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://proxy');
    // Path style: /bucket/key. A listing names no key; a GET of a key is a GetObject.
    const key = decodeURIComponent(url.pathname.split('/').slice(2).join('/'));
    const isGetObject = req.method === 'GET' && key !== '';
    let fault: GetFault | undefined;
    if (isGetObject) {
      const count = (perKey.get(key) ?? 0) + 1;
      perKey.set(key, count);
      fault = options.fault(key, count);
      gets.push({
        key,
        range: header(req, 'range'),
        ifMatch: header(req, 'if-match'),
        fault,
      });
    }
    const upstreamRequest = request(
      { hostname: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 500, answer.headers);
        if (fault === undefined) {
          answer.pipe(res);
          return;
        }
        if (fault === 'silent') {
          res.flushHeaders();
          answer.destroy();
          if (res.socket !== null) held.add(res.socket);
          return;
        }
        let sent = 0;
        answer.on('data', (chunk: Buffer) => {
          if (sent >= afterBytes) return;
          const part = chunk.subarray(0, afterBytes - sent);
          sent += part.length;
          res.write(part);
          if (sent < afterBytes) return;
          answer.destroy();
          if (fault === 'reset') res.socket?.resetAndDestroy();
          else if (res.socket !== null) held.add(res.socket);
        });
      },
    );
    upstreamRequest.on('error', () => res.destroy());
    upstreamRequest.end(body);
  });
  const listening = await listenLocal(server);
  return {
    endpoint: listening.endpoint,
    gets,
    stalled: () => gets.filter((g) => g.fault === 'stall' || g.fault === 'silent').length,
    close: async () => {
      for (const socket of held) socket.destroy();
      await listening.close();
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
