import { describe, expect, it } from 'vitest';
import {
  EXPORT_ID,
  Md5Tracker,
  dataFileKey,
  exportPaths,
  formatManifestFiles,
  md5Base64,
  md5Matches,
  newExportId,
  parseManifestFiles,
  parseManifestSummary,
} from '../../src/formats/manifest.js';
import { chunked, collect } from './helpers.js';

describe('export layout', () => {
  it("makes export ids in AWS's shape", () => {
    const id = newExportId(new Date(1693685827463), () => Buffer.from([0x2d, 0x87, 0x52, 0xfd]));
    expect(id).toBe('01693685827463-2d8752fd');
    expect(EXPORT_ID.test(newExportId(new Date()))).toBe(true);
  });

  it('places the files under <prefix>/AWSDynamoDB/<exportId>/', () => {
    for (const prefix of ['backups/orders', 'backups/orders/']) {
      expect(exportPaths(prefix, '01693685827463-2d8752fd')).toEqual({
        folder: 'backups/orders/AWSDynamoDB/01693685827463-2d8752fd/',
        manifestSummary: 'backups/orders/AWSDynamoDB/01693685827463-2d8752fd/manifest-summary.json',
        manifestSummaryMd5: 'backups/orders/AWSDynamoDB/01693685827463-2d8752fd/manifest-summary.md5',
        manifestFiles: 'backups/orders/AWSDynamoDB/01693685827463-2d8752fd/manifest-files.json',
        manifestFilesMd5: 'backups/orders/AWSDynamoDB/01693685827463-2d8752fd/manifest-files.md5',
        started: 'backups/orders/AWSDynamoDB/01693685827463-2d8752fd/_started',
        dataFolder: 'backups/orders/AWSDynamoDB/01693685827463-2d8752fd/data/',
      });
    }
    expect(exportPaths('', 'x').folder).toBe('AWSDynamoDB/x/');
  });

  it('names data files by format and compression', () => {
    const paths = exportPaths('p', '01693685827463-2d8752fd');
    expect(dataFileKey(paths, 'DYNAMODB_JSON', 'GZIP')).toMatch(
      /^p\/AWSDynamoDB\/01693685827463-2d8752fd\/data\/[a-z0-9]{20}\.json\.gz$/,
    );
    expect(dataFileKey(paths, 'ION', 'ZSTD')).toMatch(/\.ion\.zst$/);
    expect(dataFileKey(paths, 'ION', 'NONE')).toMatch(/\.ion$/);
  });
});

describe('manifests', () => {
  it("reads AWS's documented manifest-summary.json", () => {
    const summary = parseManifestSummary(
      JSON.stringify({
        version: '2020-06-30',
        exportArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/ProductCatalog/export/01234567890123-a1b2c3d4',
        startTime: '2020-11-04T07:28:34.028Z',
        endTime: '2020-11-04T07:33:43.897Z',
        tableArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/ProductCatalog',
        tableId: '12345a12-abcd-123a-ab12-1234abc12345',
        exportTime: '2020-11-04T07:28:34.028Z',
        s3Bucket: 'ddb-productcatalog-export',
        s3Prefix: '2020-Nov',
        s3SseAlgorithm: 'AES256',
        s3SseKmsKeyId: null,
        manifestFilesS3Key: 'AWSDynamoDB/01693685827463-2d8752fd/manifest-files.json',
        billedSizeBytes: 0,
        itemCount: 8,
        outputFormat: 'DYNAMODB_JSON',
        exportType: 'FULL_EXPORT',
      }),
      'manifest-summary.json',
    );
    expect([summary.itemCount, summary.outputFormat, summary.manifestFilesS3Key]).toEqual([
      8,
      'DYNAMODB_JSON',
      'AWSDynamoDB/01693685827463-2d8752fd/manifest-files.json',
    ]);
  });

  it("writes and reads manifest-files.json lines in AWS's shape", () => {
    const entries = [
      {
        itemCount: 8,
        md5Checksum: 'sQMSpEILNgoQmarvDFonGQ==',
        etag: 'af83d6f217c19b8b0fff8023d8ca4716-1',
        dataFileS3Key: 'AWSDynamoDB/01693685827463-2d8752fd/data/asdl123dasas.json.gz',
      },
      {
        itemCount: 0,
        md5Checksum: '1B2M2Y8AsgTpgAmY7PhCfg==',
        etag: 'd41d8cd98f00b204e9800998ecf8427e',
        dataFileS3Key: 'AWSDynamoDB/01693685827463-2d8752fd/data/empty.json.gz',
      },
    ];
    const text = formatManifestFiles(entries);
    expect(text.split('\n')[0]).toBe(
      '{"itemCount":8,"md5Checksum":"sQMSpEILNgoQmarvDFonGQ==","etag":"af83d6f217c19b8b0fff8023d8ca4716-1","dataFileS3Key":"AWSDynamoDB/01693685827463-2d8752fd/data/asdl123dasas.json.gz"}',
    );
    expect(parseManifestFiles(text, 'manifest-files.json')).toEqual(entries);
  });

  it('says which line of a manifest is broken', () => {
    expect(() => parseManifestFiles('{"itemCount":1}\n', 'm.json')).toThrow(
      'm.json line 1 has no dataFileS3Key or md5Checksum',
    );
    expect(() => parseManifestSummary('{}', 's.json')).toThrow(
      "s.json is not an export's manifest-summary.json (no manifestFilesS3Key or outputFormat)",
    );
  });

  it('checks .md5 files written as base64 or hex', () => {
    expect(md5Base64('')).toBe('1B2M2Y8AsgTpgAmY7PhCfg==');
    expect(md5Matches('1B2M2Y8AsgTpgAmY7PhCfg==\n', '')).toBe(true);
    expect(md5Matches('D41D8CD98F00B204E9800998ECF8427E', '')).toBe(true);
    expect(md5Matches('1B2M2Y8AsgTpgAmY7PhCfg==', 'x')).toBe(false);
  });

  it('computes the MD5 of a stream as it passes', async () => {
    const tracker = new Md5Tracker();
    const out = Buffer.concat(await collect(tracker.track(chunked('hello world', 3))));
    expect(out.toString()).toBe('hello world');
    expect(tracker.base64()).toBe(md5Base64('hello world'));
  });
});
