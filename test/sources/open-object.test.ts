// An object's items are used only once it is known to be whole: an export's
// data file by its MD5, a compressed object without one by its whole stream.
// A damaged one is rejected, counted; a cut or padded one goes on to the
// decoder, which keeps what comes before the cut.

import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compress } from '../../src/formats/compression.js';
import { openObject } from '../../src/sources/open-object.js';
import { LocalStore } from '../../src/storage/local.js';
import { flipped, gzipLines, itemLines, md5 } from './export-builder.js';

async function bytes(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

/** A store holding one object, and an empty temp folder. */
function holding(body: Buffer) {
  const root = mkdtempSync(join(tmpdir(), 'open-object-'));
  writeFileSync(join(root, 'items.gz'), body);
  const temp = mkdtempSync(join(tmpdir(), 'open-object-temp-'));
  return { store: new LocalStore(root), temp, object: { key: 'items.gz', size: body.length } };
}

const DECODE = { format: 'DYNAMODB_JSON', compression: 'auto', keys: [] } as const;
const lines = itemLines(10);
const gz = gzipLines(lines);

describe('openObject without an MD5', () => {
  it('hands on an intact GZIP object, and removes its copy afterwards', async () => {
    const { store, temp, object } = holding(gz);
    const opened = await openObject(store, object, temp);
    if ('damaged' in opened) throw new Error(opened.damaged.message);
    expect(gunzipSync(await bytes(opened.chunks)).toString()).toBe(lines.map((l) => `${l}\n`).join(''));
    await opened.remove();
    expect(readdirSync(temp)).toEqual([]);
  });

  it.each([
    ['in the CRC-32', gz.length - 6],
    ['in the middle', Math.floor(gz.length / 2)],
  ])('rejects a GZIP object with a byte flipped %s, none of its records used', async (_, at) => {
    for (const decode of [undefined, DECODE]) {
      const { store, temp, object } = holding(flipped(gz, at));
      const opened = await openObject(store, object, temp, decode);
      expect(opened).toEqual({
        damaged: { code: 'CORRUPT_OBJECT', message: expect.stringContaining('none of the'), items: expect.any(Number) },
      });
      if (!('damaged' in opened)) return;
      expect(opened.damaged.items).toBeGreaterThanOrEqual(1);
      expect(opened.damaged.items).toBeLessThanOrEqual(10);
      expect(readdirSync(temp)).toEqual([]);
    }
  });

  it('counts the records of a damaged object whose data all reads', async () => {
    const { store, temp, object } = holding(flipped(gz, gz.length - 6));
    const opened = await openObject(store, object, temp, DECODE);
    expect(opened).toMatchObject({ damaged: { items: 10 } });
  });

  it('rejects a damaged ZSTD object written with frame checksums', async () => {
    const parts: Uint8Array[] = [];
    for await (const chunk of compress(
      (async function* () {
        yield Buffer.from(lines.join('\n'));
      })(),
      'ZSTD',
    ))
      parts.push(chunk);
    const zst = Buffer.concat(parts);
    const { store, temp, object } = holding(flipped(zst, Math.floor(zst.length / 2)));
    expect(await openObject(store, object, temp)).toMatchObject({ damaged: { code: 'CORRUPT_OBJECT' } });
  });

  it('hands on a truncated object: the decoder keeps what comes before the cut', async () => {
    const { store, temp, object } = holding(gz.subarray(0, gz.length - 20));
    const opened = await openObject(store, object, temp);
    expect('chunks' in opened).toBe(true);
  });

  it('reads an uncompressed object as it comes, without a copy', async () => {
    const text = Buffer.from(lines.join('\n'));
    const { store, temp, object } = holding(text);
    const opened = await openObject(store, object, temp);
    if ('damaged' in opened) throw new Error(opened.damaged.message);
    expect(readdirSync(temp)).toEqual([]);
    expect((await bytes(opened.chunks)).equals(text)).toBe(true);
  });

  it('never reads past the listed size', async () => {
    const { store, temp } = holding(Buffer.concat([gz, Buffer.alloc(1000)]));
    const opened = await openObject(store, { key: 'items.gz', size: gz.length }, temp);
    if ('damaged' in opened) throw new Error(opened.damaged.message);
    expect((await bytes(opened.chunks)).equals(gz)).toBe(true);
  });
});

describe('openObject with an MD5', () => {
  it('rejects every item the manifest lists when the MD5 differs', async () => {
    const { store, temp, object } = holding(flipped(gz, 30));
    const opened = await openObject(store, { ...object, md5: md5(gz), itemCount: 10 }, temp);
    expect(opened).toMatchObject({ damaged: { code: 'CHECKSUM_MISMATCH', items: 10 } });
    expect(readdirSync(temp)).toEqual([]);
  });
});
