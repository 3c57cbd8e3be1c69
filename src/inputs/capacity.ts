// max-capacity: a number of capacity units per second, or a share of the
// table's provisioned capacity (`25%`), which the engine settles against the
// table (src/direct/budget.ts). Direct engine only: AWS's managed jobs use no
// table capacity.

import { Input } from '../constants.js';
import { InvalidValue } from '../parsing/values.js';
import type { EngineDecision, MaxCapacity } from '../plan.js';
import type { InputReader } from './reader.js';

const MAX_UNITS = 1_000_000;

export function parseMaxCapacity(raw: string): MaxCapacity {
  const expected = `a number of capacity units per second above 0 (up to ${MAX_UNITS.toLocaleString('en-US')}), or a share of the table's provisioned capacity from 1% to 100%, such as 25%`;
  const share = /^(\d+(?:\.\d+)?)\s*%$/.exec(raw);
  if (share !== null) {
    const percent = Number(share[1]);
    if (percent < 1 || percent > 100) throw new InvalidValue(expected);
    return { percent };
  }
  if (!/^\d+(?:\.\d+)?$/.test(raw)) throw new InvalidValue(expected);
  const units = Number(raw);
  if (units <= 0 || units > MAX_UNITS) throw new InvalidValue(expected);
  return { units };
}

export function readMaxCapacity(r: InputReader, engine: EngineDecision): MaxCapacity | undefined {
  if (engine.engine === 'managed') {
    r.notApplicable(
      Input.MaxCapacity,
      "expected no max-capacity with the managed engine, whose jobs use none of the table's capacity; use engine: direct",
    );
    return undefined;
  }
  return r.parse(Input.MaxCapacity, parseMaxCapacity);
}
