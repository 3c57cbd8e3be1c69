// An export the action writes has the layout and manifests AWS documents,
// and every checksum matches what it covers.

import { createHash } from 'node:crypto';
import { ListObjectsV2Command, GetObjectCommand } from '@aws-sdk/client-s3';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateItems } from '../generate-items.js';
import { useLocalCredentials } from '../local-aws.js';
import { newBucket, newTable, putItems, runLocal, s3 } from './helpers.js';

let table: string;
let bucket: string;

beforeAll(async () => {
  useLocalCredentials();
  table = await newTable({ sorted: true });
  await putItems(table, [...generateItems(40)]);
  bucket = await newBucket();
});

async function get(key: string): Promise<Buffer> {
  const response = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from(await response.Body!.transformToByteArray());
}

describe('the export layout', () => {
  it('writes manifests, checksums, _started and data files under <prefix>/AWSDynamoDB/<exportId>/', async () => {
    const run = await runLocal({
      mode: 'export',
      'table-name': table,
      bucket,
      prefix: 'nightly/{table}',
      concurrency: '3',
    });
    expect(run.exitCode, run.log).toBe(0);
    const folder = /^s3:\/\/[^/]+\/(nightly\/.+\/AWSDynamoDB\/(\d{14}-[0-9a-f]{8})\/)manifest-summary\.json$/.exec(
      run.outputs['export-manifest'] ?? '',
    );
    expect(folder, run.outputs['export-manifest']).not.toBeNull();
    const [, prefix, exportId] = folder as RegExpExecArray;
    expect(run.outputs['data-url']).toBe(`s3://${bucket}/${prefix}data/`);

    const listing = await s3().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
    const keys = (listing.Contents ?? []).map((o) => (o.Key ?? '').slice((prefix ?? '').length)).sort();
    expect(keys.filter((k) => !k.startsWith('data/'))).toEqual([
      '_started',
      'manifest-files.json',
      'manifest-files.md5',
      'manifest-summary.json',
      'manifest-summary.md5',
    ]);
    expect(keys.filter((k) => k.startsWith('data/')).every((k) => /^data\/[a-z0-9]{20}\.json\.gz$/.test(k))).toBe(true);

    const summaryText = (await get(`${prefix}manifest-summary.json`)).toString();
    const summary = JSON.parse(summaryText);
    expect(summary).toMatchObject({
      version: '2020-06-30',
      exportArn: `arn:aws:dynamodb:ddblocal:000000000000:table/${table}/export/${exportId}`,
      tableArn: `arn:aws:dynamodb:ddblocal:000000000000:table/${table}`,
      s3Bucket: bucket,
      s3Prefix: `nightly/${table}`,
      manifestFilesS3Key: `${prefix}manifest-files.json`,
      itemCount: 40,
      outputFormat: 'DYNAMODB_JSON',
      exportType: 'FULL_EXPORT',
    });
    expect(Date.parse(summary.exportTime)).toBeGreaterThan(Date.now() - 120_000);
    expect((await get(`${prefix}manifest-summary.md5`)).toString()).toBe(
      createHash('md5').update(summaryText).digest('base64'),
    );

    const filesText = (await get(`${prefix}manifest-files.json`)).toString();
    expect((await get(`${prefix}manifest-files.md5`)).toString()).toBe(
      createHash('md5').update(filesText).digest('base64'),
    );
    const entries = filesText
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    // 40 small items fit in one Scan page: one data file, not one per segment.
    expect(entries).toHaveLength(1);
    let items = 0;
    for (const entry of entries) {
      expect(Object.keys(entry)).toEqual(['itemCount', 'md5Checksum', 'etag', 'dataFileS3Key']);
      const data = await get(entry.dataFileS3Key);
      expect(entry.md5Checksum).toBe(createHash('md5').update(data).digest('base64'));
      expect(entry.etag).toBe(createHash('md5').update(data).digest('hex'));
      const lines = gunzipSync(data).toString().split('\n').filter(Boolean);
      expect(lines).toHaveLength(entry.itemCount);
      for (const line of lines) expect(line).toMatch(/^\{"Item":\{/);
      items += entry.itemCount;
    }
    expect(items).toBe(40);
    expect((await get(`${prefix}_started`)).length).toBe(0);
  });

  it('writes Ion files with the .ion.gz ending and the outputFormat ION', async () => {
    const run = await runLocal({
      mode: 'export',
      'table-name': table,
      bucket,
      prefix: 'ion',
      format: 'ion',
      concurrency: '1',
    });
    const prefix = (run.outputs['data-url'] ?? '').replace(`s3://${bucket}/`, '');
    const listing = await s3().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
    const [key] = (listing.Contents ?? []).map((o) => o.Key ?? '');
    expect(key).toMatch(/\.ion\.gz$/);
    const firstLine = gunzipSync(await get(key as string))
      .toString()
      .split('\n')[0];
    expect(firstLine).toMatch(/^\$ion_1_0 \{Item:\{/);
    const summary = JSON.parse((await get(prefix.replace(/data\/$/, 'manifest-summary.json'))).toString());
    expect(summary.outputFormat).toBe('ION');
  });

  it('refuses an incremental export with the direct engine before any work', async () => {
    const run = await runLocal({
      mode: 'export',
      'table-name': table,
      bucket,
      'export-type': 'INCREMENTAL_EXPORT',
      'incremental-from': '-1h',
    });
    expect(run.exitCode).toBe(1);
    expect(run.log).toContain(
      'Input "export-type" is "INCREMENTAL_EXPORT"; expected FULL_EXPORT with the direct engine',
    );
  });

  it('says so when the table does not exist', async () => {
    const run = await runLocal({ mode: 'export', 'table-name': 'no-such-table', bucket });
    expect(run.exitCode).toBe(1);
    expect(run.log).toContain('::error::TABLE_NOT_FOUND: Table no-such-table does not exist; nothing was exported.');
  });
});
