// The direct engine's file writers on their own: data files roll over at the
// size limit, and a rejected-items upload that fails never hangs the import.

import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, zstdDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeDataFiles } from '../../src/direct/data-files.js';
import { RejectsFile } from '../../src/direct/rejects.js';
import { exportPaths } from '../../src/formats/manifest.js';
import { LocalStore } from '../../src/storage/local.js';
import type { Store } from '../../src/storage/store.js';
import { wireJson } from '../formats/helpers.js';
import { generateItems } from '../generate-items.js';

describe('writeDataFiles', () => {
  it('rolls over to a new file at the size limit, and each entry describes its file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'data-files-'));
    const store = new LocalStore(root);
    const items = [...generateItems(200)];
    const totals = { items: 0, bytes: 0 };
    const entries = await writeDataFiles(
      (async function* () {
        // Pages of 10 items, each item's DynamoDB JSON as DynamoDB sends it.
        for (let i = 0; i < items.length; i += 10) yield wireJson(items.slice(i, i + 10));
      })(),
      {
        store,
        paths: exportPaths('', '01693685827463-2d8752fd'),
        format: 'DYNAMODB_JSON',
        compression: 'GZIP',
        maxBytes: 100 * 1024,
      },
      totals,
    );
    expect(entries.length).toBeGreaterThan(2);
    expect(entries.reduce((sum, e) => sum + e.itemCount, 0)).toBe(200);
    expect(totals.items).toBe(200);
    for (const entry of entries) {
      const bytes = readFileSync(join(root, entry.dataFileS3Key));
      expect(entry.md5Checksum).toBe(createHash('md5').update(bytes).digest('base64'));
      expect(gunzipSync(bytes).toString().trim().split('\n')).toHaveLength(entry.itemCount);
    }
  });

  it('writes one empty file for a segment without items, as AWS does', async () => {
    const root = mkdtempSync(join(tmpdir(), 'data-files-'));
    const none: AsyncIterator<never> = { next: async () => ({ done: true, value: undefined }) };
    const entries = await writeDataFiles(
      none,
      {
        store: new LocalStore(root),
        paths: exportPaths('p', '01693685827463-2d8752fd'),
        format: 'ION',
        compression: 'GZIP',
        maxBytes: 1024,
      },
      { items: 0, bytes: 0 },
    );
    expect(entries.map((e) => e.itemCount)).toEqual([0]);
  });

  it('writes no file for a continued segment without items left (emptyFile: false)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'data-files-'));
    const none: AsyncIterator<never> = { next: async () => ({ done: true, value: undefined }) };
    const options = {
      store: new LocalStore(root),
      paths: exportPaths('', '01693685827463-2d8752fd'),
      format: 'DYNAMODB_JSON' as const,
      compression: 'GZIP' as const,
      maxBytes: 1024,
      emptyFile: false,
    };
    expect(await writeDataFiles(none, options, { items: 0, bytes: 0 })).toEqual([]);
    expect(readdirSync(root)).toEqual([]);
  });

  it('tells of each file once it is stored, before reading the page after it, and adds no empty file at a roll-over', async () => {
    const root = mkdtempSync(join(tmpdir(), 'data-files-'));
    const items = [...generateItems(30)];
    const events: string[] = [];
    const entries = await writeDataFiles(
      (async function* () {
        for (let i = 0; i < items.length; i += 10) {
          events.push(`page ${i / 10}`);
          yield wireJson(items.slice(i, i + 10));
        }
      })(),
      {
        store: new LocalStore(root),
        paths: exportPaths('', '01693685827463-2d8752fd'),
        format: 'DYNAMODB_JSON',
        compression: 'NONE',
        maxBytes: 1, // every page fills a file
        onFile: async (entry) => {
          // Stored by now: the checkpoint written here may name it.
          expect(readFileSync(join(root, entry.dataFileS3Key)).length).toBeGreaterThan(0);
          events.push(`file of ${entry.itemCount}`);
        },
      },
      { items: 0, bytes: 0 },
    );
    expect(events).toEqual(['page 0', 'file of 10', 'page 1', 'file of 10', 'page 2', 'file of 10']);
    expect(entries.map((e) => e.itemCount)).toEqual([10, 10, 10]);
  });
});

describe('writeDataFiles with pages larger than a chunk', () => {
  it('writes every item of a 1 MB page once, in order, with a count that matches', async () => {
    const root = mkdtempSync(join(tmpdir(), 'data-files-'));
    const page = Array.from({ length: 1000 }, (_, i) =>
      Buffer.from(JSON.stringify({ id: { S: `item-${i}` }, text: { S: 'x'.repeat(1000) } })),
    );
    const totals = { items: 0, bytes: 0 };
    const entries = await writeDataFiles(
      (async function* () {
        yield page;
        yield page.slice(0, 3);
      })(),
      {
        store: new LocalStore(root),
        paths: exportPaths('', '01693685827463-2d8752fd'),
        format: 'DYNAMODB_JSON',
        compression: 'ZSTD',
        maxBytes: 100 * 1024 * 1024,
      },
      totals,
    );
    expect(entries.map((e) => e.itemCount)).toEqual([1003]);
    expect(totals.items).toBe(1003);
    const lines = zstdDecompressSync(readFileSync(join(root, entries[0]?.dataFileS3Key ?? '')))
      .toString()
      .trim()
      .split('\n');
    const ids = lines.map((line) => (JSON.parse(line) as { Item: { id: { S: string } } }).Item.id.S);
    expect(ids).toEqual([...page, ...page.slice(0, 3)].map((_, i) => `item-${i < 1000 ? i : i - 1000}`));
  });
});

describe('RejectsFile', () => {
  it('reports a failed upload instead of waiting for it forever', async () => {
    const failing: Store = {
      describe: (key) => `s3://denied/${key}`,
      list: async function* () {},
      read: async function* () {},
      readText: async () => undefined,
      write: async () => {
        throw new Error('AccessDenied: s3:PutObject');
      },
      writeText: async () => ({ etag: '', bytes: 0 }),
      delete: async () => undefined,
    };
    const rejects = new RejectsFile(failing, 'rejected.jsonl');
    const big = 'x'.repeat(64 * 1024);
    const adding = (async () => {
      for (let i = 0; i < 10; i++) await rejects.add({ code: 'MISSING_KEY', message: big, object: 'o', line: i + 1 });
    })();
    await expect(adding).rejects.toThrow('AccessDenied: s3:PutObject');
    await expect(rejects.close()).rejects.toThrow('AccessDenied: s3:PutObject');
  });
});
