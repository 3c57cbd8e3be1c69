// Hostile and unlucky sources, through the built action (issue 12): a
// manifest pointing outside the source, a damaged data file read through the
// export's data folder, an unfinished export, a rejected-items place that is
// already taken or reached through a symbolic link, symbolic links in a
// fixture folder, and a bucket that does not exist. Each is refused before
// anything is written, with the code the README's Troubleshooting lists.

import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareRejects } from '../../src/direct/rejects-location.js';
import { dynamodb, newBucket, newTable, putItems, runLocal, s3, scanAll } from '../direct/helpers.js';
import { uniqueName, useLocalCredentials } from '../local-aws.js';
import { buildExport, flipped, gzipLines, itemLines, md5, putFiles, writeFiles } from '../sources/export-builder.js';
import { s3Of } from '../../src/aws/lazy-clients.js';

let bucket: string;

beforeAll(async () => {
  useLocalCredentials();
  bucket = await newBucket();
});

async function tableExists(name: string): Promise<boolean> {
  try {
    await dynamodb().send(new DescribeTableCommand({ TableName: name }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') return false;
    throw error;
  }
}

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'hostile-'));
}

const ids = (items: { id?: { S?: string } }[]) => items.map((i) => i.id?.S).sort();

function importInputs(table: string, where: Record<string, string>): Record<string, string> {
  return { mode: 'import', 'table-name': table, 'partition-key': 'id:S', ...where };
}

describe('a manifest that points outside the source (issue 12 #2)', () => {
  const secret = gzipLines(itemLines(3, 900));

  it.each(['AWSDynamoDB/../../outside/secret.json', '/etc/passwd', 'other/secret.json'])(
    'S3: %s is MANIFEST_OUTSIDE_SOURCE before any table is created',
    async (key) => {
      const root = `${uniqueName('outside')}/`;
      const built = buildExport(root, 10, {
        entry: (i, e) => (i === 1 ? { ...e, dataFileS3Key: key, md5Checksum: md5(secret) } : e),
      });
      await putFiles(s3(), bucket, built.files);
      await putFiles(
        s3(),
        bucket,
        new Map([
          ['outside/secret.json', secret],
          ['other/secret.json', secret],
        ]),
      );
      const table = uniqueName('outside');
      const run = await runLocal(importInputs(table, { bucket, prefix: root }));
      expect(run.exitCode, run.log).toBe(1);
      expect(run.log).toContain(`::error::MANIFEST_OUTSIDE_SOURCE: s3://${bucket}/${built.folder}manifest-files.json`);
      expect(run.log).toContain(JSON.stringify(key));
      expect(await tableExists(table)).toBe(false);
    },
  );

  it('local: /etc/passwd and /dev/zero in a manifest are refused, and never quoted', async () => {
    for (const key of ['/etc/passwd', '/dev/zero']) {
      const root = folder();
      const built = buildExport('', 10, { entry: (i, e) => (i === 0 ? { ...e, dataFileS3Key: key } : e) });
      writeFiles(root, built.files);
      const table = uniqueName('passwd');
      const run = await runLocal(importInputs(table, { path: root }));
      expect(run.exitCode, run.log).toBe(1);
      expect(run.log).toContain('::error::MANIFEST_OUTSIDE_SOURCE:');
      expect(run.log + run.summary).not.toContain('root:x:0:0');
      expect(await tableExists(table)).toBe(false);
    }
  });

  it('local: a data file that is a symbolic link out of the folder is refused, its items never written', async () => {
    const root = folder();
    const outside = folder();
    const built = buildExport('', 10, {
      entry: (i, e) => (i === 1 ? { ...e, md5Checksum: md5(secret), itemCount: 3 } : e),
    });
    writeFiles(root, built.files);
    writeFileSync(join(outside, 'secret.json.gz'), secret);
    const linked = join(root, built.dataKeys[1] as string);
    rmSync(linked);
    symlinkSync(join(outside, 'secret.json.gz'), linked);
    const table = uniqueName('linked');
    const run = await runLocal(importInputs(table, { path: join(root, built.folder) }));
    expect(run.exitCode, run.log).toBe(1);
    expect(run.log).toContain(
      `::error::MANIFEST_OUTSIDE_SOURCE: ${linked} leads to ${join(outside, 'secret.json.gz')}`,
    );
    expect(await tableExists(table)).toBe(false);
  });
});

describe("an export's data folder as the source (issue 12 #3)", () => {
  /** An export whose second data file has one byte flipped; its manifest is intact. */
  function damaged(root: string) {
    const built = buildExport(root, 10);
    const bad = built.dataKeys[1] as string;
    built.files.set(bad, flipped(built.files.get(bad) as Buffer));
    return { built, bad };
  }

  function expectDamagedFileRejected(run: Awaited<ReturnType<typeof runLocal>>, badName: string): void {
    expect(run.exitCode, run.log).toBe(1);
    expect(run.outputs).toMatchObject({ 'imported-item-count': '5', 'error-count': '5', 'processed-item-count': '10' });
    expect(run.summary).toContain('CHECKSUM_MISMATCH');
    expect(run.summary).toContain(badName);
    expect(run.log).toContain('The source is an export');
  }

  it('S3 data-url: the manifest is found and a damaged file rejects every item, none written', async () => {
    const root = `${uniqueName('data-url')}/`;
    const { built, bad } = damaged(root);
    built.files.set(`${built.folder}data/stray.json.gz`, gzipLines(itemLines(2, 500)));
    await putFiles(s3(), bucket, built.files);
    const table = uniqueName('data-url');
    const run = await runLocal(importInputs(table, { bucket, prefix: `${built.folder}data/` }));
    expectDamagedFileRejected(run, bad);
    // The good file's items, and nothing from the damaged file or from a file the manifest does not list.
    expect(ids(await scanAll(table))).toEqual(
      itemLines(5)
        .map((l) => JSON.parse(l).Item.id.S)
        .sort(),
    );
  });

  it('local data folder: the same', async () => {
    const root = folder();
    const { built, bad } = damaged('');
    writeFiles(root, built.files);
    const table = uniqueName('data-dir');
    const run = await runLocal(importInputs(table, { path: join(root, built.folder, 'data') }));
    expectDamagedFileRejected(run, bad.split('/').pop() as string);
    expect(await scanAll(table)).toHaveLength(5);
  });

  it('a single damaged data file, in S3 and as a local file, is checked against the manifest', async () => {
    const root = `${uniqueName('one-file')}/`;
    const built = buildExport(root, 10);
    const bad = built.dataKeys[1] as string;
    // A flip in the gzip trailer's CRC: every line still reads, only a checksum can tell.
    const body = built.files.get(bad) as Buffer;
    built.files.set(bad, flipped(body, body.length - 6));
    await putFiles(s3(), bucket, built.files);
    const dir = folder();
    writeFiles(dir, built.files);
    for (const where of [{ bucket, prefix: bad }, { path: join(dir, bad) }]) {
      const table = uniqueName('one-file');
      const run = await runLocal(importInputs(table, where));
      expect(run.exitCode, run.log).toBe(1);
      expect(run.outputs).toMatchObject({ 'imported-item-count': '0', 'error-count': '5' });
      expect(run.summary).toContain('CHECKSUM_MISMATCH');
      expect(await scanAll(table)).toHaveLength(0);
    }
  });
});

describe('a compressed object without an MD5 (issue 12 #3)', () => {
  it('a GZIP object whose CRC-32 fails rejects every item, none written; the others import', async () => {
    const prefix = `${uniqueName('crc')}/`;
    const bad = gzipLines(itemLines(10, 100));
    await putFiles(
      s3(),
      bucket,
      new Map([
        [`${prefix}a.json.gz`, gzipLines(itemLines(4))],
        [`${prefix}b.json.gz`, flipped(bad, bad.length - 6)],
      ]),
    );
    const table = uniqueName('crc');
    const run = await runLocal(importInputs(table, { bucket, prefix }));
    expect(run.exitCode, run.log).toBe(1);
    expect(run.outputs).toMatchObject({
      'imported-item-count': '4',
      'error-count': '10',
      'processed-item-count': '14',
    });
    expect(run.summary).toContain('CORRUPT_OBJECT');
    expect(run.summary).toContain(`${prefix}b.json.gz`);
    expect(ids(await scanAll(table))).toEqual(['item-0', 'item-1', 'item-2', 'item-3']);
  });

  it("an export's data folder copied without its manifests: a damaged file is found by its stream", async () => {
    const dir = folder();
    const built = buildExport('', 10, {
      without: [
        'manifest-summary.json',
        'manifest-summary.md5',
        'manifest-files.json',
        'manifest-files.md5',
        '_started',
      ],
    });
    const bad = built.dataKeys[1] as string;
    const body = built.files.get(bad) as Buffer;
    built.files.set(bad, flipped(body, body.length - 6));
    writeFiles(dir, built.files);
    const table = uniqueName('no-manifest');
    const run = await runLocal(importInputs(table, { path: join(dir, built.folder, 'data') }));
    expect(run.exitCode, run.log).toBe(1);
    expect(run.outputs).toMatchObject({ 'imported-item-count': '5' });
    expect(run.summary).toContain('CORRUPT_OBJECT');
    expect(await scanAll(table)).toHaveLength(5);
  });
});

describe('an unfinished export (issue 12 #11)', () => {
  it.each([
    [
      'a _started and data files, no manifests',
      ['manifest-summary.json', 'manifest-summary.md5', 'manifest-files.json', 'manifest-files.md5'],
    ],
    ['manifest-files.json without its summary', ['manifest-summary.json', 'manifest-summary.md5']],
  ])('%s is EXPORT_INCOMPLETE, in S3, locally and through data-url', async (_, without) => {
    const root = `${uniqueName('unfinished')}/`;
    const built = buildExport(root, 10, { without });
    await putFiles(s3(), bucket, built.files);
    const dir = folder();
    writeFiles(dir, built.files);
    const sources: [Record<string, string>, string][] = [
      [{ bucket, prefix: root }, `s3://${bucket}/${built.folder}`],
      [{ bucket, prefix: `${built.folder}data/` }, `s3://${bucket}/${built.folder}`],
      [{ path: join(dir, root) }, join(dir, built.folder)],
    ];
    for (const [where, named] of sources) {
      const table = uniqueName('unfinished');
      const run = await runLocal(importInputs(table, where));
      expect(run.exitCode, run.log).toBe(1);
      expect(run.log).toContain(`::error::EXPORT_INCOMPLETE: ${named} is an export that has not finished`);
      expect(await tableExists(table)).toBe(false);
    }
  });
});

describe('the rejected-items place (issue 12 #10)', () => {
  /** One good item and one without its key, so that one item is rejected. */
  function source(): string {
    const file = join(folder(), 'items.json');
    writeFileSync(file, `${itemLines(1)[0]}\n{"Item":{"n":{"N":"1"}}}\n`);
    return file;
  }

  async function expectRefused(rejected: string, env: Record<string, string> = {}) {
    const table = uniqueName('rejects');
    const run = await runLocal(importInputs(table, { path: source(), 'rejected-items': rejected, 'max-errors': '5' }), {
      env,
    });
    expect(run.exitCode, run.log).toBe(1);
    expect(run.log).toContain(`::error::INVALID_INPUT: rejected-items ${rejected} `);
    // Nothing was written: the place is checked before the first item.
    if (await tableExists(table)) expect(await scanAll(table)).toHaveLength(0);
    return { run, table };
  }

  it('an existing file is never written over', async () => {
    const rejected = join(folder(), 'rejected.jsonl');
    writeFileSync(rejected, 'precious');
    const { run } = await expectRefused(rejected);
    expect(run.log).toContain('already exists');
    expect(readFileSync(rejected, 'utf8')).toBe('precious');
  });

  it('a symbolic link at its place is never followed', async () => {
    const target = join(folder(), 'bashrc');
    writeFileSync(target, 'precious');
    const rejected = join(folder(), 'rejected.jsonl');
    symlinkSync(target, rejected);
    const { run } = await expectRefused(rejected);
    expect(run.log).toContain(`is a symbolic link (to ${target})`);
    expect(readFileSync(target, 'utf8')).toBe('precious');
  });

  it('a symbolic link on its way inside RUNNER_TEMP is never followed', async () => {
    const temp = folder();
    const elsewhere = folder();
    symlinkSync(elsewhere, join(temp, 'out'));
    const rejected = join(temp, 'out', 'rejected.jsonl');
    const { run } = await expectRefused(rejected, { RUNNER_TEMP: temp });
    expect(run.log).toContain(`goes through the symbolic link ${join(temp, 'out')}`);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('is checked before the table is created', async () => {
    const rejected = join(folder(), 'rejected.jsonl');
    writeFileSync(rejected, 'precious');
    const { table } = await expectRefused(rejected);
    expect(await tableExists(table)).toBe(false);
  });

  it('an S3 object already at its place is refused up front (prepareRejects)', async () => {
    const key = `${uniqueName('rejects')}/rejected.jsonl`;
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'precious' }));
    const deps = { s3: s3Of(s3()), tempDir: tmpdir() };
    await expect(prepareRejects({ kind: 's3', bucket, prefix: key }, deps)).rejects.toThrow(
      `rejected-items s3://${bucket}/${key} already exists`,
    );
    await expect(prepareRejects({ kind: 's3', bucket, prefix: `${key}.new` }, deps)).resolves.toBeDefined();
  });
});

describe('symbolic links in a fixture folder (issue 12 #14)', () => {
  function fixtures() {
    const root = folder();
    const outside = folder();
    writeFileSync(join(outside, 'secret.json'), `${itemLines(1, 900)[0]}\n`);
    mkdirSync(join(outside, 'more'));
    writeFileSync(join(outside, 'more', 'more.json'), `${itemLines(1, 901)[0]}\n`);
    writeFileSync(join(root, 'items.json'), `${itemLines(2).join('\n')}\n`);
    symlinkSync(join(outside, 'secret.json'), join(root, 'secret.json'));
    symlinkSync(join(outside, 'more'), join(root, 'more'));
    return { root, outside };
  }

  it('are never followed out of the folder', async () => {
    const { root } = fixtures();
    const table = uniqueName('links');
    const run = await runLocal(importInputs(table, { path: root }));
    expect(run.exitCode, run.log).toBe(0);
    expect(ids(await scanAll(table))).toEqual(['item-0', 'item-1']);
  });

  it('are each listed in the log', async () => {
    const { root, outside } = fixtures();
    const run = await runLocal(importInputs(uniqueName('links'), { path: root }));
    expect(run.log).toContain(`${join(root, 'more')} (symbolic link to ${join(outside, 'more')})`);
    expect(run.log).toContain(`${join(root, 'secret.json')} (symbolic link to ${join(outside, 'secret.json')})`);
  });
});

describe('a bucket that does not exist (issue 11, Errors)', () => {
  const missing = 'no-such-bucket-hostile';

  it('an import says BUCKET_NOT_FOUND and names the bucket', async () => {
    const table = uniqueName('no-bucket');
    const run = await runLocal(importInputs(table, { bucket: missing, prefix: 'in/' }));
    expect(run.exitCode, run.log).toBe(1);
    expect(run.log).toMatch(/::error::BUCKET_NOT_FOUND: ListObjectsV2 of bucket no-such-bucket-hostile, prefix "in\/"/);
    expect(await tableExists(table)).toBe(false);
  });

  it('an export says BUCKET_NOT_FOUND and names the bucket', async () => {
    const table = await newTable();
    await putItems(table, [{ id: { S: 'a' } }]);
    const run = await runLocal({ mode: 'export', 'table-name': table, bucket: missing, prefix: 'out/' });
    expect(run.exitCode, run.log).toBe(1);
    expect(run.log).toMatch(
      /::error::BUCKET_NOT_FOUND: PutObject of key out\/AWSDynamoDB\/.+ in bucket no-such-bucket-hostile/,
    );
  });
});
