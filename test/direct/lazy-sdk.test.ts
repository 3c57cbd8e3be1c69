// The S3 and CloudWatch Logs SDKs are loaded only when used (about 11 MB of
// the worker's memory): a run that reads and writes local files and DynamoDB
// never loads the bundle's chunks that hold them, and a run from a bucket
// does. Which files the built action loads is seen by a module hook in every
// thread (the action works in a worker).

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { uniqueName, useLocalCredentials } from '../local-aws.js';
import { newBucket, newTable, putItems, runLocal, s3 } from './helpers.js';

/** Runs the built action with every loaded file's URL logged; gives the run and the files' texts. */
async function runLogged(inputs: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'lazy-sdk-'));
  const log = join(dir, 'loaded.txt');
  const hook = join(dir, 'hook.mjs');
  writeFileSync(
    hook,
    `import { appendFileSync } from 'node:fs';
     import { registerHooks } from 'node:module';
     registerHooks({ load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); } });`,
  );
  const run = await runLocal(inputs, { env: { NODE_OPTIONS: `--import ${hook}` } });
  const urls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
  const texts = urls
    .filter((u) => u.startsWith('file:') && u.endsWith('.js'))
    .map((u) => readFileSync(fileURLToPath(u), 'utf8'));
  return { run, loaded: (marker: string) => texts.some((text) => text.includes(marker)) };
}

const ITEM = { id: { S: 'a' }, n: { N: '1' } };

useLocalCredentials();

describe('SDK clients loaded when first used', () => {
  it('an export to a folder and an import from a file load neither S3 nor CloudWatch Logs', async () => {
    const table = await newTable();
    await putItems(table, [ITEM]);
    const folder = mkdtempSync(join(tmpdir(), 'lazy-export-'));
    const exported = await runLogged({ mode: 'export', 'table-name': table, path: folder });
    expect(exported.run.outputs).toMatchObject({ status: 'COMPLETED', 'item-count': '1' });
    // The hook saw the worker's modules: DynamoDB's client is there.
    expect(exported.loaded('class DynamoDBServiceException')).toBe(true);
    expect(exported.loaded('class S3ServiceException')).toBe(false);
    expect(exported.loaded('class CloudWatchLogsServiceException')).toBe(false);

    const file = join(folder, 'items.json');
    writeFileSync(file, `${JSON.stringify({ Item: ITEM })}\n`);
    const imported = await runLogged({
      mode: 'import',
      path: file,
      'table-name': uniqueName('lazy'),
      'partition-key': 'id:S',
    });
    expect(imported.run.outputs).toMatchObject({ status: 'COMPLETED', 'imported-item-count': '1' });
    expect(imported.loaded('class S3ServiceException')).toBe(false);
    expect(imported.loaded('class CloudWatchLogsServiceException')).toBe(false);
  });

  it('an import from a bucket loads S3 and works', async () => {
    const bucket = await newBucket();
    await s3().send(
      new PutObjectCommand({ Bucket: bucket, Key: 'in/items.json', Body: JSON.stringify({ Item: ITEM }) }),
    );
    const imported = await runLogged({
      mode: 'import',
      bucket,
      prefix: 'in/',
      'table-name': uniqueName('lazy'),
      'partition-key': 'id:S',
    });
    expect(imported.run.outputs).toMatchObject({ status: 'COMPLETED', 'imported-item-count': '1' });
    expect(imported.loaded('class S3ServiceException')).toBe(true);
    expect(imported.loaded('class CloudWatchLogsServiceException')).toBe(false);
  });
});
