// One known history of a table: items written before a full export, then
// three windows of puts, updates and deletes (with an insert-then-delete, an
// update-then-delete and a delete-then-reinsert in each), exported as AWS
// would: a full export and three incremental exports, the middle one with
// view NEW_IMAGE. The live table ends as the history leaves it.

import { type Item } from '../../src/formats/attribute-value.js';
import { newTable, putFiles, s3 } from './helpers.js';
import { type BuiltExport, ChangeScript, type Op, fullExport, incrementalExport, keyOf } from './aws-exports.js';

export const T = [0, 1, 2, 3].map((h) => new Date(Date.UTC(2026, 2, 1, h, 0, 0)));

export interface History {
  live: string;
  /** The table at T[0] (the full export) and at the end of each window. */
  states: Map<string, Item>[];
  full: BuiltExport;
  windows: BuiltExport[];
}

/** An item with every kind of value; `v` says which version of it this is. */
export function item(n: number, v: number): Item {
  return {
    id: { S: `user-${String(n).padStart(3, '0')}` },
    sort: { N: String(n % 3) },
    v: { N: String(v) },
    balance: { N: `${n}.${v}12345678901234567890123456789012` },
    name: { S: `Üser ${n} v${v}` },
    active: { BOOL: v % 2 === 0 },
    avatar: { B: new Uint8Array([n % 256, v % 256, 0, 255]) },
    tags: { SS: [`t${v}`, 'all'] },
    address: {
      M: { city: { S: 'Lisbon' }, lines: { L: [{ S: `Rua ${n}` }, { N: String(v) }] }, none: { NULL: true } },
    },
  };
}

const put = (n: number, v: number): Op => ({ put: item(n, v) });
const del = (n: number): Op => ({ delete: keyOf(item(n, 0)) });

/** Each window: inserts, updates, deletes, an insert then delete, an update then delete, a delete then reinsert. */
const WINDOWS: Op[][] = [
  [
    put(100, 1),
    put(101, 1),
    put(102, 1),
    put(1, 2),
    put(2, 2),
    put(3, 2),
    del(4),
    del(5),
    put(900, 1),
    del(900),
    put(6, 2),
    del(6),
    del(7),
    put(7, 3),
  ],
  [
    put(103, 1),
    put(100, 2),
    put(4, 5),
    put(8, 2),
    put(9, 2),
    del(10),
    del(101),
    put(901, 1),
    del(901),
    put(11, 2),
    del(11),
    del(12),
    put(12, 3),
  ],
  [
    put(104, 1),
    put(105, 1),
    put(102, 2),
    put(1, 3),
    put(13, 2),
    del(14),
    del(15),
    del(103),
    put(902, 1),
    del(902),
    put(16, 2),
    del(16),
    del(17),
    put(17, 4),
  ],
];

/** The history, written to a new live table, and its exports under `prefix`. */
export async function buildHistory(prefix: string): Promise<History> {
  const live = await newTable({ sorted: true });
  const script = new ChangeScript(live);
  await script.run(Array.from({ length: 30 }, (_, n) => put(n, 1)));
  script.takeTouched();
  const states = [script.snapshot()];
  const full = fullExport(prefix, T[0]!, states[0]!);
  const windows: BuiltExport[] = [];
  for (const [w, ops] of WINDOWS.entries()) {
    await script.run(ops);
    states.push(script.snapshot());
    windows.push(
      incrementalExport(states[w]!, states[w + 1]!, script.takeTouched(), {
        prefix,
        from: T[w]!,
        to: T[w + 1]!,
        view: w === 1 ? 'NEW_IMAGE' : 'NEW_AND_OLD_IMAGES',
        checksum: w === 2 ? 'checksum' : 'md5',
      }),
    );
  }
  return { live, states, full, windows };
}

/** Puts the exports' files under `prefix` in `bucket`, moving them from the prefix they were made under. */
export async function upload(bucket: string, from: string, to: string, ...exports: BuiltExport[]): Promise<void> {
  const files = new Map<string, Buffer>();
  for (const e of exports) for (const [key, body] of e.files) files.set(`${to}${key.slice(from.length)}`, body);
  await putFiles(s3(), bucket, files);
}
