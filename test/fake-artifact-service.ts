// A small fake of the GitHub Actions artifact service (v4, on github.com) as
// @actions/artifact 6 talks to it: the Twirp JSON calls CreateArtifact and
// FinalizeArtifact under /twirp/github.actions.results.api.v1.ArtifactService/,
// and the signed blob URL CreateArtifact hands out, which the Azure SDK
// uploads to in blocks (PUT ?comp=block, then PUT ?comp=blocklist). It can
// also answer every call with 500, or never answer.

import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { json } from './fake-cache-service.js';
import { listenLocal, readBody } from './fake-dynamodb-http.js';

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/';
const RUN = 'ce7f54c7-61c7-4aae-887f-30da475f5f1a';
const JOB = 'ca395085-040a-526b-2ce8-bdc85f692774';

export interface FakeArtifactService {
  mode: 'ok' | 'fail' | 'hang';
  /** Finalized artifacts: name, id and the bytes uploaded. */
  readonly artifacts: { name: string; id: number; bytes: Buffer; mimeType: string | undefined }[];
  env(): Record<string, string>;
  close(): Promise<void>;
}

/** The runtime token the runner gives a job: a JWT whose `scp` names the run's and the job's backend ids. */
function runtimeToken(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp: `Actions.GenericRead Actions.Results:${RUN}:${JOB}` })}.sig`;
}

export async function startFakeArtifactService(): Promise<FakeArtifactService> {
  const pending = new Map<string, { blob: string; mimeType: string | undefined }>();
  const blocks = new Map<string, Map<string, Buffer>>();
  const blobs = new Map<string, Buffer>();
  const artifacts: FakeArtifactService['artifacts'] = [];
  let base = '';
  const fake: Pick<FakeArtifactService, 'mode'> = { mode: 'ok' };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (fake.mode === 'hang') return; // never answered
    if (fake.mode === 'fail') return json(res, 500, { code: 'internal', msg: 'the fake artifact service is failing' });
    if (url.pathname.startsWith(SERVICE)) return twirp(url.pathname.slice(SERVICE.length), req, res);
    if (url.pathname.startsWith('/blob/')) return blob(url, req, res);
    json(res, 404, { msg: `no route ${url.pathname}` });
  });

  async function twirp(method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = JSON.parse((await readBody(req)).toString() || '{}') as Record<string, unknown>;
    const name = String(body.name ?? '');
    if (body.workflow_run_backend_id !== RUN || body.workflow_job_run_backend_id !== JOB)
      return json(res, 400, { code: 'invalid_argument', msg: 'backend ids do not match the token' });
    if (method === 'CreateArtifact') {
      if (pending.has(name) || artifacts.some((a) => a.name === name))
        return json(res, 409, { code: 'already_exists', msg: 'an artifact with this name already exists' });
      const blobPath = `/blob/artifacts/${pending.size + artifacts.length}`;
      pending.set(name, { blob: blobPath, mimeType: body.mime_type as string | undefined });
      return json(res, 200, { ok: true, signed_upload_url: `${base}${blobPath}?sig=upload` });
    }
    if (method === 'FinalizeArtifact') {
      const entry = pending.get(name);
      const bytes = entry === undefined ? undefined : blobs.get(entry.blob);
      if (entry === undefined || bytes === undefined || String(bytes.length) !== String(body.size))
        return json(res, 200, { ok: false });
      pending.delete(name);
      const id = 1000 + artifacts.length;
      artifacts.push({ name, id, bytes, mimeType: entry.mimeType });
      return json(res, 200, { ok: true, artifact_id: String(id) });
    }
    json(res, 404, { code: 'bad_route', msg: `no method ${method}` });
  }

  async function blob(url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers = { 'x-ms-request-id': 'fake', 'x-ms-version': '2025-01-05', date: new Date().toUTCString() };
    const data = await readBody(req);
    const comp = url.searchParams.get('comp');
    if (req.method === 'PUT' && comp === 'block') {
      const staged = blocks.get(url.pathname) ?? new Map<string, Buffer>();
      staged.set(url.searchParams.get('blockid') ?? '', data);
      blocks.set(url.pathname, staged);
    } else if (req.method === 'PUT' && comp === 'blocklist') {
      const ids = [...data.toString().matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map((m) => m[1] ?? '');
      const staged = blocks.get(url.pathname) ?? new Map<string, Buffer>();
      blobs.set(url.pathname, Buffer.concat(ids.map((id) => staged.get(id) ?? Buffer.alloc(0))));
    } else if (req.method === 'PUT') {
      blobs.set(url.pathname, data);
    } else {
      res.writeHead(405, { ...headers, 'content-length': 0 });
      return void res.end();
    }
    res.writeHead(201, { ...headers, etag: '"0x1"', 'last-modified': new Date().toUTCString(), 'content-length': 0 });
    res.end();
  }

  const listening = await listenLocal(server);
  base = listening.endpoint;
  return Object.assign(fake, {
    artifacts,
    env: () => ({
      ACTIONS_RESULTS_URL: `${base}/`,
      ACTIONS_RUNTIME_TOKEN: runtimeToken(),
      GITHUB_SERVER_URL: 'https://github.com',
    }),
    close: listening.close,
  });
}
