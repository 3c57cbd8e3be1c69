// Builds an export's files in AWS's layout for tests (manifests, checksums,
// _started, gzip data files), so each test can damage exactly one thing:
// drop the summary, point a manifest entry elsewhere, flip a byte.

import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

export const EXPORT_ID = '01693685827463-2d8752fd';

export interface BuiltExport {
  /** `<root>AWSDynamoDB/<id>/` */
  folder: string;
  /** Keys of the data files, in manifest order. */
  dataKeys: string[];
  /** Every file, by key from the store's root. */
  files: Map<string, Buffer>;
}

export interface ExportOptions {
  /** How many data files the items are spread over (default 2). */
  dataFiles?: number;
  exportId?: string;
  /** Changes what manifest-files.json says of data file `index` (its key or MD5). */
  entry?: (index: number, entry: ManifestEntry) => ManifestEntry;
  /** Leave these out (file names inside the export's folder, such as `manifest-summary.json`). */
  without?: string[];
}

export interface ManifestEntry {
  itemCount: number;
  md5Checksum: string;
  etag: string;
  dataFileS3Key: string;
}

export const md5 = (content: string | Buffer) => createHash('md5').update(content).digest('base64');

/** DynamoDB JSON lines of `count` items keyed id:S. */
export function itemLines(count: number, from = 0): string[] {
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({ Item: { id: { S: `item-${from + i}` }, n: { N: String(from + i) } } }),
  );
}

export function gzipLines(lines: readonly string[]): Buffer {
  return gzipSync(lines.map((l) => `${l}\n`).join(''));
}

/** An export of `count` items under `root` ('' or ending in `/`). */
export function buildExport(root: string, count: number, options: ExportOptions = {}): BuiltExport {
  const exportId = options.exportId ?? EXPORT_ID;
  const folder = `${root}AWSDynamoDB/${exportId}/`;
  const fileCount = options.dataFiles ?? 2;
  const files = new Map<string, Buffer>();
  const entries: ManifestEntry[] = [];
  const dataKeys: string[] = [];
  const per = Math.ceil(count / fileCount);
  for (let f = 0; f < fileCount; f++) {
    const lines = itemLines(Math.max(0, Math.min(per, count - f * per)), f * per);
    const key = `${folder}data/${String.fromCharCode(97 + f)}${'0'.repeat(19)}.json.gz`;
    const body = gzipLines(lines);
    files.set(key, body);
    dataKeys.push(key);
    const entry = {
      itemCount: lines.length,
      md5Checksum: md5(body),
      etag: createHash('md5').update(body).digest('hex'),
      dataFileS3Key: key,
    };
    entries.push(options.entry?.(f, entry) ?? entry);
  }
  const manifestFiles = entries.map((e) => `${JSON.stringify(e)}\n`).join('');
  const summary = `${JSON.stringify({
    version: '2020-06-30',
    exportArn: `arn:aws:dynamodb:us-east-1:000000000000:table/t/export/${exportId}`,
    startTime: '2026-01-01T00:00:00.000Z',
    endTime: '2026-01-01T00:05:00.000Z',
    tableArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/t',
    tableId: '00000000-0000-0000-0000-000000000000',
    exportTime: '2026-01-01T00:00:00.000Z',
    s3Bucket: 'b',
    s3Prefix: root.replace(/\/$/, '') || null,
    s3SseAlgorithm: 'AES256',
    s3SseKmsKeyId: null,
    manifestFilesS3Key: `${folder}manifest-files.json`,
    billedSizeBytes: 0,
    itemCount: count,
    outputFormat: 'DYNAMODB_JSON',
    exportType: 'FULL_EXPORT',
  })}\n`;
  const own: Record<string, string> = {
    'manifest-files.json': manifestFiles,
    'manifest-files.md5': md5(manifestFiles),
    'manifest-summary.json': summary,
    'manifest-summary.md5': md5(summary),
    _started: '',
  };
  for (const [name, content] of Object.entries(own)) {
    if (!options.without?.includes(name)) files.set(`${folder}${name}`, Buffer.from(content));
  }
  return { folder, dataKeys, files };
}

/** Flips one byte, in the middle of the buffer unless `at` says where. */
export function flipped(body: Buffer, at = Math.floor(body.length / 2)): Buffer {
  const copy = Buffer.from(body);
  copy[at] = (copy[at] as number) ^ 0x55;
  return copy;
}

export function writeFiles(dir: string, files: Map<string, Buffer>): void {
  for (const [key, body] of files) {
    const path = join(dir, key);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, body);
  }
}

export async function putFiles(s3: S3Client, bucket: string, files: Map<string, Buffer>): Promise<void> {
  for (const [key, body] of files) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
}
