// Hostile and damaged inputs, made on the fly: too big to keep as fixture
// files, or made from data the test chooses. The unit tests decode them and
// the integration tests (test/hostile/) import them through the action.

import { constants, gunzipSync, gzipSync, zstdCompressSync } from 'node:zlib';

/** `count` DynamoDB JSON lines, keyed `item-<n>`, each padded to about 250 bytes. */
export function itemLines(count: number, from = 0): string {
  let text = '';
  for (let i = from; i < from + count; i++)
    text += `{"Item":{"id":{"S":"item-${i}"},"pad":{"S":"${'x'.repeat(200)}"}}}\n`;
  return text;
}

/**
 * A gzip of `text` cut at `fraction` of its length, with the number of whole
 * lines zlib can still give from it: what a reader must keep.
 */
export function truncatedGzip(text: string, fraction = 0.9): { bytes: Buffer; wholeLines: number } {
  const packed = gzipSync(text);
  const bytes = packed.subarray(0, Math.floor(packed.length * fraction));
  const readable = gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH }).toString();
  return { bytes, wholeLines: readable.split('\n').length - 1 };
}

/** A whole gzip member of `text` followed by `garbage`. */
export function gzipWithTrailingGarbage(text: string, garbage = Buffer.from('not gzip, 17 byte')): Buffer {
  return Buffer.concat([gzipSync(text), garbage]);
}

/** Two ZSTD frames, as `cat a.zst b.zst` makes. */
export function twoZstdFrames(first: string, second: string): Buffer {
  return Buffer.concat([zstdCompressSync(first), zstdCompressSync(second)]);
}

/** A DynamoDB JSON line whose attribute `deep` nests `levels` maps (or lists) inside each other. */
export function nestedJsonLine(levels: number, kind: 'M' | 'L' = 'M', id = 'deep'): string {
  const open = kind === 'M' ? '{"M":{"a":' : '{"L":[';
  const close = kind === 'M' ? '}}' : ']}';
  return `{"Item":{"id":{"S":"${id}"},"deep":${open.repeat(levels - 1)}{"S":"leaf"}${close.repeat(levels - 1)}}}`;
}

/** The same in Ion: `levels` structs (or lists) inside each other. */
export function nestedIonLine(levels: number, kind: 'struct' | 'list' = 'struct', id = 'deep'): string {
  const [open, close] = kind === 'struct' ? ['{a:', '}'] : ['[', ']'];
  return `$ion_1_0 {Item:{id:"${id}",deep:${open.repeat(levels - 1)}"leaf"${close.repeat(levels - 1)}}}`;
}

/** One line of `bytes` bytes with no newline anywhere: a JSON string that never ends. */
export function oneLongLine(bytes: number): Buffer {
  const line = Buffer.alloc(bytes, 0x61);
  Buffer.from('{"Item":{"id":{"S":"').copy(line);
  return line;
}
