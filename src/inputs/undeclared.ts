// Inputs the workflow gave that action.yml does not declare: the runner
// passes `with: { tabel-name: Orders }` on as INPUT_TABEL-NAME without a
// word, and the action would then say only that table-name is not set.

import { Input } from '../constants.js';
import { type Env, inputVariable } from './reader.js';

export interface UndeclaredInput {
  /** As the workflow spelled it, lower-cased as the runner leaves it. */
  name: string;
  /** The declared input it most likely meant, when one is close. */
  closest?: string;
}

const DECLARED = new Map(Object.values(Input).map((name) => [inputVariable(name), name]));

export function undeclaredInputs(env: Env): UndeclaredInput[] {
  return Object.keys(env)
    .filter((variable) => variable.startsWith('INPUT_') && !DECLARED.has(variable))
    .map((variable) => {
      const name = variable.slice('INPUT_'.length).toLowerCase();
      const closest = closestDeclared(name);
      return closest === undefined ? { name } : { name, closest };
    });
}

/** A sentence for the log, naming the declared input meant when one is close. */
export function undeclaredWarning({ name, closest }: UndeclaredInput): string {
  const meant = closest === undefined ? '' : `; did you mean "${closest}"?`;
  return `Input "${name}" is not an input of this action, so it is ignored${meant}`;
}

/** A typo or a swapped pair of letters: within a third of the name's length in edits, and at most 3. */
function closestDeclared(name: string): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const declared of DECLARED.values()) {
    const distance = editDistance(name.replace(/_/g, '-'), declared);
    if (best === undefined || distance < best.distance) best = { name: declared, distance };
  }
  return best !== undefined && best.distance <= Math.min(3, Math.ceil(name.length / 3)) ? best.name : undefined;
}

/** Levenshtein distance with adjacent transpositions counted as one edit. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i] as number[];
      const above = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((rows[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}
