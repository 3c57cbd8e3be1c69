// Deterministic items of every DynamoDB type, for round trips, the demo and
// the benchmarks: 38-digit numbers, every byte value, empty strings, deep
// nesting and characters outside the Basic Multilingual Plane.

import type { AttributeValue } from '@aws-sdk/client-dynamodb';

export type Item = Record<string, AttributeValue>;

/** A small seeded generator (mulberry32), so every run makes the same items. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALL_BYTES = new Uint8Array(Array.from({ length: 256 }, (_, i) => i));
const TEXTS = ['plain', '', 'Ünïcödé', '🎸 guitar 𝄞', 'quote " and \\ backslash', 'tab\tnew\nline', '中文字符', "it's"];

function digits(next: () => number, count: number): string {
  let text = String(1 + Math.floor(next() * 9));
  while (text.length < count) text += String(Math.floor(next() * 10));
  return text;
}

/** A canonical decimal string, as DynamoDB returns numbers. */
export function number(next: () => number): string {
  const kind = Math.floor(next() * 5);
  if (kind === 0) return digits(next, 38);
  if (kind === 1) return `-${digits(next, 20)}.${digits(next, 18)}`;
  if (kind === 2) return `0.${'0'.repeat(Math.floor(next() * 20))}${digits(next, 5)}`;
  if (kind === 3) return String(Math.floor(next() * 1000));
  return `${digits(next, 3)}.5`;
}

function nested(next: () => number, depth: number): AttributeValue {
  if (depth === 0) return { S: `leaf ${TEXTS[Math.floor(next() * TEXTS.length)]}` };
  return next() < 0.5
    ? { M: { [`level${depth}`]: nested(next, depth - 1), n: { N: number(next) } } }
    : { L: [nested(next, depth - 1), { BOOL: next() < 0.5 }] };
}

export function generateItem(index: number, seed = 1): Item {
  const next = random(seed * 1_000_003 + index);
  const text = TEXTS[index % TEXTS.length] as string;
  return {
    id: { S: `item-${String(index).padStart(8, '0')}` },
    sort: { N: String(index % 97) },
    text: { S: text },
    empty: { S: '' },
    big: { N: number(next) },
    negative: { N: `-${digits(next, 38)}` },
    small: { N: `0.${'0'.repeat(90)}${digits(next, 38)}` },
    bytes: {
      B:
        ALL_BYTES.slice(index % 256).length > 0
          ? Uint8Array.from([...ALL_BYTES.slice(index % 256), ...ALL_BYTES.slice(0, index % 256)])
          : ALL_BYTES,
    },
    flag: { BOOL: index % 2 === 0 },
    nothing: { NULL: true },
    tags: { SS: [`tag-${index}`, '🎸', 'ü'] },
    scores: { NS: [number(next), '1', '-2.5'].filter((n, i, all) => all.indexOf(n) === i) },
    blobs: { BS: [new Uint8Array([index % 256]), new Uint8Array([255, 0, (index + 1) % 256, 7])] },
    list: {
      L: [{ S: text }, { N: number(next) }, { NULL: true }, { B: new Uint8Array([0, 255]) }, { L: [] }, { M: {} }],
    },
    map: {
      M: { 'odd name': { S: 'x' }, inner: { M: { deeper: { SS: ['a'] } } }, bin: { BS: [new Uint8Array([1, 2, 3])] } },
    },
    deep: nested(next, 12),
    'name with spaces & symbols #1': { S: `${text} ${index}` },
  };
}

export function* generateItems(count: number, seed = 1): Generator<Item> {
  for (let i = 0; i < count; i++) yield generateItem(i, seed);
}
