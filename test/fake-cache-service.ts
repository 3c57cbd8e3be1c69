// A small fake of the GitHub Actions cache service as @actions/cache 6 talks
// to it on github.com (ACTIONS_CACHE_SERVICE_V2): the Twirp JSON calls
// CreateCacheEntry, FinalizeCacheEntryUpload and GetCacheEntryDownloadURL
// under /twirp/github.actions.results.api.v1.CacheService/, and the signed
// blob URLs they hand out, which the Azure SDK uploads to (one PUT Blob for a
// small archive) and downloads from (HEAD, then ranged GETs). It can also
// answer every call with 500, or never answer.

import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { listenLocal, readBody } from './fake-dynamodb-http.js';

const SERVICE = '/twirp/github.actions.results.api.v1.CacheService/';

interface Entry {
  key: string;
  version: string;
  blob: string;
  finalized: boolean;
}

export interface FakeCacheService {
  /** ACTIONS_RESULTS_URL */
  url: string;
  /** `ok`, `fail` (every call answered 500) or `hang` (no call ever answered). */
  mode: 'ok' | 'fail' | 'hang';
  /** Keys of the entries saved and finalized, in order. */
  readonly saved: string[];
  /** Twirp methods called, in order (answered or not). */
  readonly calls: string[];
  /** The environment the runner gives an action when this service is its cache. */
  env(): Record<string, string>;
  close(): Promise<void>;
}

export async function startFakeCacheService(): Promise<FakeCacheService> {
  const entries: Entry[] = [];
  const blobs = new Map<string, Buffer>();
  const saved: string[] = [];
  const calls: string[] = [];
  let base = '';
  const fake: Pick<FakeCacheService, 'mode'> = { mode: 'ok' };

  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith(SERVICE)) calls.push(path.slice(SERVICE.length));
    if (fake.mode === 'hang') return; // never answered
    if (fake.mode === 'fail') return json(res, 500, { code: 'internal', msg: 'the fake cache service is failing' });
    if (path.startsWith(SERVICE)) return twirp(path.slice(SERVICE.length), req, res);
    if (path.startsWith('/blob/')) return blob(path, req, res);
    json(res, 404, { msg: `no route ${path}` });
  });

  async function twirp(method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = JSON.parse((await readBody(req)).toString() || '{}') as Record<string, unknown>;
    const key = String(body.key ?? '');
    const version = String(body.version ?? '');
    if (method === 'CreateCacheEntry') {
      if (entries.some((e) => e.key === key && e.version === version))
        return json(res, 409, { code: 'already_exists', msg: 'cache entry already exists' });
      const blobPath = `/blob/account/cache/${entries.length}`;
      entries.push({ key, version, blob: blobPath, finalized: false });
      return json(res, 200, { ok: true, signed_upload_url: `${base}${blobPath}?sig=upload` });
    }
    if (method === 'FinalizeCacheEntryUpload') {
      const entry = entries.find((e) => e.key === key && e.version === version && !e.finalized);
      if (entry === undefined || !blobs.has(entry.blob))
        return json(res, 200, { ok: false, message: 'nothing uploaded' });
      entry.finalized = true;
      saved.push(key);
      return json(res, 200, { ok: true, entry_id: String(entries.indexOf(entry) + 1) });
    }
    if (method === 'GetCacheEntryDownloadURL') {
      const prefixes = [key, ...((body.restore_keys as string[] | undefined) ?? [])];
      // The newest finalized entry of the same version whose key starts with a restore key, as the service answers.
      const found = [...entries]
        .reverse()
        .find((e) => e.finalized && e.version === version && prefixes.some((p) => e.key.startsWith(p)));
      if (found === undefined) return json(res, 200, { ok: false });
      return json(res, 200, {
        ok: true,
        signed_download_url: `${base}${found.blob}?sig=download`,
        matched_key: found.key,
      });
    }
    json(res, 404, { code: 'bad_route', msg: `no method ${method}` });
  }

  async function blob(path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers = { 'x-ms-request-id': 'fake', 'x-ms-version': '2025-01-05', date: new Date().toUTCString() };
    if (req.method === 'PUT') {
      blobs.set(path, await readBody(req));
      res.writeHead(201, { ...headers, etag: '"0x1"', 'last-modified': new Date().toUTCString(), 'content-length': 0 });
      return void res.end();
    }
    const data = blobs.get(path);
    if (data === undefined) {
      res.writeHead(404, { ...headers, 'x-ms-error-code': 'BlobNotFound', 'content-length': 0 });
      return void res.end();
    }
    const common = {
      ...headers,
      etag: '"0x1"',
      'last-modified': new Date().toUTCString(),
      'x-ms-blob-type': 'BlockBlob',
      'accept-ranges': 'bytes',
      'content-type': 'application/octet-stream',
    };
    if (req.method === 'HEAD') {
      res.writeHead(200, { ...common, 'content-length': data.length });
      return void res.end();
    }
    const range = /bytes=(\d+)-(\d*)/.exec(String(req.headers['x-ms-range'] ?? req.headers.range ?? ''));
    if (range === null) {
      res.writeHead(200, { ...common, 'content-length': data.length });
      return void res.end(data);
    }
    const start = Number(range[1]);
    const end = Math.min(range[2] === '' ? data.length - 1 : Number(range[2]), data.length - 1);
    const part = data.subarray(start, end + 1);
    res.writeHead(206, {
      ...common,
      'content-length': part.length,
      'content-range': `bytes ${start}-${end}/${data.length}`,
    });
    res.end(part);
  }

  const listening = await listenLocal(server);
  base = listening.endpoint;
  return Object.assign(fake, {
    url: `${base}/`,
    saved,
    calls,
    env: () => ({
      ACTIONS_CACHE_SERVICE_V2: 'True',
      ACTIONS_RESULTS_URL: `${base}/`,
      ACTIONS_RUNTIME_TOKEN: 'fake-runtime-token',
      GITHUB_SERVER_URL: 'https://github.com',
    }),
    close: listening.close,
  });
}

/** A Twirp answer: plain JSON. */
export function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
