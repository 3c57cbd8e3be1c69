// Small helpers for codec tests: streams from text or files in chunks of any
// size, and collecting what a decoder yields.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Item, toDynamoJsonMap } from '../../src/formats/attribute-value.js';
import { decodeObject, type DecodeOptions } from '../../src/formats/decode.js';
import {
  newStats,
  type DecodeError,
  type Decoded,
  type DecodedItem,
  type DecodeFailure,
  type DecodeStats,
} from '../../src/formats/records.js';

export function fixture(name: string): Buffer {
  return readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)));
}

/** The bytes as a stream of chunks of `size` bytes (1 splits every character). */
export async function* chunked(bytes: Uint8Array | string, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}

/** Each item's DynamoDB JSON as DynamoDB's API sends it, which is what the export's encoders take. */
export function wireJson(items: Iterable<Item>): Buffer[] {
  return [...items].map((item) => Buffer.from(JSON.stringify(toDynamoJsonMap(item))));
}

export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of source) out.push(value);
  return out;
}

export interface Decoding {
  items: DecodedItem[];
  errors: DecodeError[];
  stats: DecodeStats;
}

export async function decode(
  bytes: Uint8Array | string,
  options: Partial<DecodeOptions> = {},
  chunkSize?: number,
): Promise<Decoding> {
  const stats = newStats();
  const all = (
    await collect(
      decodeObject(
        chunked(bytes, chunkSize),
        { format: 'DYNAMODB_JSON', compression: 'auto', keys: [], ...options },
        stats,
      ),
    )
  ).flat();
  return {
    items: all.filter((d): d is DecodedItem => !isFailure(d)),
    errors: all.filter(isFailure).map((d) => d.error),
    stats,
  };
}

export function isFailure(decoded: Decoded): decoded is DecodeFailure {
  return 'error' in decoded;
}

/** Items as plain JSON-able values: bytes as arrays, for deep equality in tests. */
export function plain(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? { bytes: Array.from(v) } : v)),
  );
}
