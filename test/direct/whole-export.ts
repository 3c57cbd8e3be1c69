// What a finished export must be, read through the action's own stores (a
// local folder or S3): one export id under the prefix, manifests whose MD5
// files match, a manifest that names exactly the data files in data/, each
// with its true MD5 and item count, every item of the table exactly once, and
// no checkpoint or temporary file left behind.

import { gunzipSync } from 'node:zlib';
import { expect } from 'vitest';
import { md5Base64, md5Matches, parseManifestFiles } from '../../src/formats/manifest.js';
import type { Store } from '../../src/storage/store.js';
import { expectedIds, itemId } from './fault-helpers.js';

async function bytesOf(store: Store, key: string): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of store.read(key)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function keysUnder(store: Store, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of store.list(prefix, 100_000)) keys.push(object.key);
  return keys;
}

/** Checks the export under `prefix` is whole and holds items 0..count-1 (as loadItems writes them); returns its id. */
export async function expectWholeExport(store: Store, prefix: string, count: number): Promise<string> {
  const keys = await keysUnder(store, `${prefix}AWSDynamoDB/`);
  const ids = [...new Set(keys.map((k) => k.slice(`${prefix}AWSDynamoDB/`.length).split('/')[0]))];
  expect(ids, 'one export id').toHaveLength(1);
  const folder = `${prefix}AWSDynamoDB/${ids[0]}/`;
  const names = keys.map((k) => k.slice(folder.length));
  expect(names.filter((n) => !n.startsWith('data/')).sort()).toEqual([
    '_started',
    'manifest-files.json',
    'manifest-files.md5',
    'manifest-summary.json',
    'manifest-summary.md5',
  ]);
  const summaryText = (await bytesOf(store, `${folder}manifest-summary.json`)).toString();
  const filesText = (await bytesOf(store, `${folder}manifest-files.json`)).toString();
  expect(md5Matches((await bytesOf(store, `${folder}manifest-summary.md5`)).toString(), summaryText)).toBe(true);
  expect(md5Matches((await bytesOf(store, `${folder}manifest-files.md5`)).toString(), filesText)).toBe(true);
  const summary = JSON.parse(summaryText) as { itemCount: number; exportArn: string };
  expect(summary.itemCount).toBe(count);
  expect(summary.exportArn.endsWith(`/export/${ids[0]}`)).toBe(true);

  const entries = parseManifestFiles(filesText, 'manifest-files.json');
  const dataKeys = names.filter((n) => n.startsWith('data/')).map((n) => `${folder}${n}`);
  expect(entries.map((e) => e.dataFileS3Key).sort(), 'the manifest names exactly the data files').toEqual(
    dataKeys.sort(),
  );
  const seen: string[] = [];
  for (const entry of entries) {
    const bytes = await bytesOf(store, entry.dataFileS3Key);
    expect(md5Base64(bytes), entry.dataFileS3Key).toBe(entry.md5Checksum);
    const lines = gunzipSync(bytes).toString('utf8').split('\n').filter(Boolean);
    expect(lines).toHaveLength(entry.itemCount);
    for (const line of lines) {
      const item = (JSON.parse(line) as { Item: { id: { S: string }; n: { N: string } } }).Item;
      if (item.id.S !== itemId(Number(item.n.N))) expect(item).toEqual('an item as loadItems wrote it');
      seen.push(item.id.S);
    }
  }
  expect(seen.length).toBe(count);
  expect(new Set(seen).size, 'every item exactly once').toBe(count);
  expect([...seen].sort()).toEqual(expectedIds(count));
  return ids[0] ?? '';
}
