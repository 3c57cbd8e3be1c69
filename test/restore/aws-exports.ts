// Writes exports exactly as AWS lays them out, from a script of writes made
// to a live table: a full export of the table as it was, then one incremental
// export per window, compacted as AWS compacts them (each changed item once,
// with its final state; an item inserted and deleted inside one window not at
// all), in the shared AWSDynamoDB/data/ folder, with manifests that give
// exportFromTime, exportToTime and outputView, the write timestamp in both
// shapes AWS uses, and checksum files beside the manifests.
//
// The model of the table kept here is the expected state at each window's
// end: tests compare a restored table with it, and with the live table.

import { createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { DeleteItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { type Item, toDynamoJsonMap } from '../../src/formats/attribute-value.js';
import { dynamodb } from '../direct/helpers.js';

export type ViewType = 'NEW_IMAGE' | 'NEW_AND_OLD_IMAGES';
export type Op = { put: Item } | { delete: Item };

export const TABLE_ARN = 'arn:aws:dynamodb:us-east-1:111122223333:table/Orders';
export const KEYS = ['id', 'sort'] as const;

export const keyOf = (item: Item): Item => ({ id: item.id!, sort: item.sort! });
const keyText = (item: Item): string => `${item.id?.S}\u0000${item.sort?.N}`;

export interface BuiltExport {
  id: string;
  /** `<prefix>AWSDynamoDB/<id>/` */
  folder: string;
  /** Data file keys, in manifest order, and the records (or items) each holds. */
  dataFiles: { key: string; lines: string[] }[];
  files: Map<string, Buffer>;
}

const md5 = (content: Buffer | string) => createHash('md5').update(content);
const exportId = (at: Date) => `${String(at.getTime()).padStart(14, '0')}-${randomBytes(4).toString('hex')}`;

/** A live table and its model, changed by the same writes. */
export class ChangeScript {
  readonly table: string;
  private state = new Map<string, Item>();
  private touched = new Set<string>();

  constructor(table: string) {
    this.table = table;
  }

  async run(ops: readonly Op[]): Promise<void> {
    const client = dynamodb();
    for (const op of ops) {
      if ('put' in op) {
        await client.send(new PutItemCommand({ TableName: this.table, Item: op.put }));
        this.state.set(keyText(op.put), structuredClone(op.put));
        this.touched.add(keyText(op.put));
      } else {
        await client.send(new DeleteItemCommand({ TableName: this.table, Key: op.delete }));
        this.state.delete(keyText(op.delete));
        this.touched.add(keyText(op.delete));
      }
    }
  }

  /** The table as it is now, as the model has it. */
  snapshot(): Map<string, Item> {
    return new Map([...this.state].map(([k, v]) => [k, structuredClone(v)]));
  }

  /** Keys written since the last call, and forgets them: one window's. */
  takeTouched(): string[] {
    const keys = [...this.touched];
    this.touched = new Set();
    return keys;
  }
}

/** The table at `exportTime` as a full export under `prefix` ('' or ending in `/`). */
export function fullExport(
  prefix: string,
  exportTime: Date,
  state: Map<string, Item>,
  options: { tableArn?: string } = {},
): BuiltExport {
  const id = exportId(exportTime);
  const folder = `${prefix}AWSDynamoDB/${id}/`;
  const items = [...state.values()].map((item) => JSON.stringify({ Item: toDynamoJsonMap(item) }));
  const dataFiles = split(items, 2).map((lines, i) => ({ key: `${folder}data/${dataName(i)}.json.gz`, lines }));
  const summary = {
    version: '2020-06-30',
    exportArn: `${options.tableArn ?? TABLE_ARN}/export/${id}`,
    startTime: exportTime.toISOString(),
    endTime: new Date(exportTime.getTime() + 300_000).toISOString(),
    tableArn: options.tableArn ?? TABLE_ARN,
    tableId: '00000000-0000-0000-0000-000000000000',
    exportTime: exportTime.toISOString(),
    s3Bucket: 'bucket',
    s3Prefix: prefix.replace(/\/$/, '') || null,
    s3SseAlgorithm: 'AES256',
    s3SseKmsKeyId: null,
    manifestFilesS3Key: `${folder}manifest-files.json`,
    billedSizeBytes: 0,
    itemCount: items.length,
    outputFormat: 'DYNAMODB_JSON',
    exportType: 'FULL_EXPORT',
  };
  return layout(folder, id, summary, dataFiles, 'md5');
}

export interface WindowOptions {
  prefix: string;
  from: Date;
  to: Date;
  view: ViewType;
  tableArn?: string;
  /** The checksum file beside manifest-files.json: `.md5` (base64) or `.checksum` (hex), as the documentation names both. */
  checksum?: 'md5' | 'checksum';
}

/**
 * One window's incremental export: every key written in it, compacted from
 * the states at its start and end, in AWS's records (see the table in
 * ../shared/incremental-exports.md).
 */
export function incrementalExport(
  before: Map<string, Item>,
  after: Map<string, Item>,
  touched: readonly string[],
  options: WindowOptions,
): BuiltExport {
  const records: string[] = [];
  touched.forEach((key, i) => {
    const old = before.get(key);
    const now = after.get(key);
    if (old === undefined && now === undefined) return; // inserted and deleted in the window: no record
    const micros = String((options.from.getTime() + (i + 1) * 1000) * 1000);
    const record: Record<string, unknown> = {
      // Both shapes AWS writes: the documentation's string, and {"N": ...} as exports carry today.
      Metadata: { WriteTimestampMicros: i % 2 === 0 ? micros : { N: micros } },
      Keys: toDynamoJsonMap(keyOf((now ?? old) as Item)),
    };
    if (old !== undefined && options.view === 'NEW_AND_OLD_IMAGES') record.OldImage = toDynamoJsonMap(old);
    if (now !== undefined) record.NewImage = toDynamoJsonMap(now);
    records.push(JSON.stringify(record));
  });
  return recordsExport(split(records, 2), options);
}

/**
 * An incremental export whose data files hold exactly these record lines, one
 * array a file, in that order: for exports AWS would not write (a key twice,
 * a timestamp outside the window).
 */
export function recordsExport(files: readonly string[][], options: WindowOptions): BuiltExport {
  const id = exportId(options.to);
  const folder = `${options.prefix}AWSDynamoDB/${id}/`;
  const records = files.flat();
  // The shared data folder: every incremental export's files side by side.
  const dataFiles = files.map((lines) => ({
    key: `${options.prefix}AWSDynamoDB/data/${randomBytes(13).toString('hex').slice(0, 26)}.json.gz`,
    lines,
  }));
  const summary = {
    version: '2023-08-01',
    exportArn: `${options.tableArn ?? TABLE_ARN}/export/${id}`,
    startTime: options.to.toISOString(),
    endTime: new Date(options.to.getTime() + 600_000).toISOString(),
    tableArn: options.tableArn ?? TABLE_ARN,
    tableId: '00000000-0000-0000-0000-000000000000',
    exportFromTime: options.from.toISOString(),
    exportToTime: options.to.toISOString(),
    s3Bucket: 'bucket',
    s3Prefix: options.prefix.replace(/\/$/, '') || null,
    s3SseAlgorithm: 'AES256',
    s3SseKmsKeyId: null,
    manifestFilesS3Key: `${folder}manifest-files.json`,
    billedSizeBytes: 0,
    itemCount: records.length,
    outputFormat: 'DYNAMODB_JSON',
    outputView: options.view,
    exportType: 'INCREMENTAL_EXPORT',
  };
  return layout(folder, id, summary, dataFiles, options.checksum ?? 'md5');
}

function layout(
  folder: string,
  id: string,
  summary: object,
  dataFiles: { key: string; lines: string[] }[],
  checksum: 'md5' | 'checksum',
): BuiltExport {
  const files = new Map<string, Buffer>();
  const entries = dataFiles.map(({ key, lines }) => {
    const body = gzipSync(lines.map((l) => `${l}\n`).join(''));
    files.set(key, body);
    return {
      itemCount: lines.length,
      md5Checksum: md5(body).digest('base64'),
      etag: md5(body).digest('hex'),
      dataFileS3Key: key,
    };
  });
  const manifestFiles = entries.map((e) => `${JSON.stringify(e)}\n`).join('');
  const summaryText = `${JSON.stringify(summary)}\n`;
  files.set(`${folder}manifest-files.json`, Buffer.from(manifestFiles));
  files.set(
    `${folder}manifest-files.${checksum}`,
    Buffer.from(checksum === 'md5' ? md5(manifestFiles).digest('base64') : md5(manifestFiles).digest('hex')),
  );
  files.set(`${folder}manifest-summary.json`, Buffer.from(summaryText));
  files.set(`${folder}manifest-summary.md5`, Buffer.from(md5(summaryText).digest('base64')));
  files.set(`${folder}_started`, Buffer.alloc(0));
  return { id, folder, dataFiles, files };
}

function split<T>(all: readonly T[], parts: number): T[][] {
  const size = Math.ceil(all.length / parts) || 1;
  return Array.from({ length: parts }, (_, i) => all.slice(i * size, (i + 1) * size));
}

function dataName(i: number): string {
  return `${String.fromCharCode(97 + i)}${randomBytes(10).toString('hex').slice(0, 19)}`;
}

/** Every file of several exports in one map. */
export function allFiles(...exports: BuiltExport[]): Map<string, Buffer> {
  return new Map(exports.flatMap((e) => [...e.files]));
}

/** The state `records` (change-record lines) leave when applied to `start`, as AWS documents them. */
export function applyRecords(start: Map<string, Item>, records: readonly string[]): Map<string, Item> {
  const state = new Map(start);
  for (const line of records) {
    const record = JSON.parse(line) as { Keys: Record<string, { S?: string; N?: string }>; NewImage?: unknown };
    const key = `${record.Keys.id?.S}\u0000${record.Keys.sort?.N}`;
    if (record.NewImage === undefined) state.delete(key);
    else state.set(key, fromJson(record.NewImage));
  }
  return state;
}

function fromJson(value: unknown): Item {
  return JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
    v !== null && typeof v === 'object' && 'B' in v && typeof (v as { B: unknown }).B === 'string'
      ? { B: new Uint8Array(Buffer.from((v as { B: string }).B, 'base64')) }
      : v,
  ) as Item;
}
