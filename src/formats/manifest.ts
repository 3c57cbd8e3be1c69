// The export layout AWS writes, for both engines to write and to read:
// <prefix>/AWSDynamoDB/<exportId>/{manifest-summary.json, manifest-summary.md5,
// manifest-files.json, manifest-files.md5, _started, data/<name>.json.gz}.

import { createHash, randomBytes } from 'node:crypto';
import type { Compression, Format } from '../plan.js';
import { compressionExtension } from './compression.js';

export interface DataFileEntry {
  itemCount: number;
  /** Base64 of the data file's MD5, as AWS writes it. */
  md5Checksum: string;
  etag: string;
  dataFileS3Key: string;
}

export interface ManifestSummary {
  version: string;
  exportArn: string;
  startTime: string;
  endTime: string;
  tableArn: string;
  tableId: string;
  exportTime?: string;
  exportFromTime?: string;
  exportToTime?: string;
  s3Bucket: string;
  s3Prefix: string | null;
  s3SseAlgorithm: string | null;
  s3SseKmsKeyId: string | null;
  manifestFilesS3Key: string;
  billedSizeBytes: number;
  itemCount: number;
  outputFormat: 'DYNAMODB_JSON' | 'ION';
  outputView?: string;
  exportType: 'FULL_EXPORT' | 'INCREMENTAL_EXPORT';
}

/** An export id in AWS's shape: 14 digits of epoch milliseconds, a dash, 8 hex digits. */
export function newExportId(now: Date, random: (size: number) => Buffer = randomBytes): string {
  return `${String(now.getTime()).padStart(14, '0')}-${random(4).toString('hex')}`;
}

export const EXPORT_ID = /^\d{14}-[0-9a-f]{8}$/;

export interface ExportPaths {
  /** `<prefix>/AWSDynamoDB/<exportId>/` */
  folder: string;
  manifestSummary: string;
  manifestSummaryMd5: string;
  manifestFiles: string;
  manifestFilesMd5: string;
  started: string;
  dataFolder: string;
}

/** Keys (or relative paths) of an export's files under a prefix that may or may not end in `/`. */
export function exportPaths(prefix: string, exportId: string): ExportPaths {
  const root = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
  const folder = `${root}AWSDynamoDB/${exportId}/`;
  return {
    folder,
    manifestSummary: `${folder}manifest-summary.json`,
    manifestSummaryMd5: `${folder}manifest-summary.md5`,
    manifestFiles: `${folder}manifest-files.json`,
    manifestFilesMd5: `${folder}manifest-files.md5`,
    started: `${folder}_started`,
    dataFolder: `${folder}data/`,
  };
}

/** A data file's key: AWS names them with random lowercase letters and digits. */
export function dataFileKey(
  paths: ExportPaths,
  format: Exclude<Format, 'CSV'>,
  compression: Compression,
  random: (size: number) => Buffer = randomBytes,
): string {
  const name = random(16)
    .toString('base64')
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .slice(0, 20)
    .padEnd(20, '0');
  return `${paths.dataFolder}${name}${format === 'ION' ? '.ion' : '.json'}${compressionExtension(compression)}`;
}

export function md5Base64(content: string | Uint8Array): string {
  return createHash('md5').update(content).digest('base64');
}

/** manifest-files.json: one JSON object a line. */
export function formatManifestFiles(entries: readonly DataFileEntry[]): string {
  return entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
}

export function formatManifestSummary(summary: ManifestSummary): string {
  return `${JSON.stringify(summary)}\n`;
}

export class ManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestError';
  }
}

export function parseManifestSummary(text: string, where: string): ManifestSummary {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(`${where} is not valid JSON: ${(error as Error).message}`);
  }
  const summary = value as Partial<ManifestSummary>;
  if (
    typeof summary !== 'object' ||
    summary === null ||
    typeof summary.manifestFilesS3Key !== 'string' ||
    typeof summary.outputFormat !== 'string'
  ) {
    throw new ManifestError(
      `${where} is not an export's manifest-summary.json (no manifestFilesS3Key or outputFormat)`,
    );
  }
  return summary as ManifestSummary;
}

export function parseManifestFiles(text: string, where: string): DataFileEntry[] {
  return text
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line !== '')
    .map(([line, number]) => {
      let entry: Partial<DataFileEntry>;
      try {
        entry = JSON.parse(line) as Partial<DataFileEntry>;
      } catch (error) {
        throw new ManifestError(`${where} line ${number} is not valid JSON: ${(error as Error).message}`);
      }
      if (typeof entry.dataFileS3Key !== 'string' || typeof entry.md5Checksum !== 'string') {
        throw new ManifestError(`${where} line ${number} has no dataFileS3Key or md5Checksum`);
      }
      return {
        itemCount: Number(entry.itemCount ?? 0),
        md5Checksum: entry.md5Checksum,
        etag: String(entry.etag ?? ''),
        dataFileS3Key: entry.dataFileS3Key,
      };
    });
}

/** Whether a `.md5` file's content (base64 or hex, as tools differ) matches the content it covers. */
export function md5Matches(md5File: string, content: string | Uint8Array): boolean {
  const expected = md5File.trim();
  const digest = createHash('md5').update(content).digest();
  return expected === digest.toString('base64') || expected.toLowerCase() === digest.toString('hex');
}

/** Computes a stream's MD5 as it passes, for the check of each data file before its items are trusted. */
export class Md5Tracker {
  private readonly hash = createHash('md5');

  async *track(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const chunk of chunks) {
      this.hash.update(chunk);
      yield chunk;
    }
  }

  base64(): string {
    return this.hash.copy().digest('base64');
  }
}
