// The items the transfer and verify benchmarks load: about 420 bytes of
// DynamoDB JSON with every type, as in the measured ceilings.

import type { Item } from '../test/generate-items.js';

/** How benchItem's items are keyed: `pk` (S) and `sk` (N). */
export const BENCH_KEYS = {
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' as const },
    { AttributeName: 'sk', KeyType: 'RANGE' as const },
  ],
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' as const },
    { AttributeName: 'sk', AttributeType: 'N' as const },
  ],
};

/** Item number `i`: the same every run. */
export function benchItem(i: number): Item {
  return {
    pk: { S: `customer#${String(i).padStart(8, '0')}` },
    sk: { N: String(i % 1000) },
    name: { S: `Customer ${i} Ünïcödé` },
    balance: { N: `${i}.${String(i % 97).padStart(2, '0')}123456789012345678901234` },
    active: { BOOL: i % 2 === 0 },
    note: { NULL: true },
    avatar: { B: new Uint8Array([i % 256, (i >> 8) % 256, 0, 255, 1, 2, 3, 4]) },
    tags: { SS: ['gold', `t${i % 10}`] },
    scores: { NS: ['1', String(2 + (i % 5))] },
    keys: { BS: [new Uint8Array([1]), new Uint8Array([2, (i % 250) + 3])] },
    address: {
      M: { city: { S: 'Lisbon' }, zip: { S: '1000-001' }, lines: { L: [{ S: `Rua ${i}` }, { N: String(i % 300) }] } },
    },
  };
}
