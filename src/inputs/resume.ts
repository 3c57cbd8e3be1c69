// `resume` and `max-duration`: how a direct export or import survives the
// runner. Both apply to those two only; a managed job runs (and resumes)
// server-side, and validate and verify write nothing to continue.

import { Input } from '../constants.js';
import { optional } from '../optional.js';
import { parseDuration, parseEnum } from '../parsing/values.js';
import type { EngineDecision, ResumeSettings } from '../plan.js';
import type { InputReader } from './reader.js';

const RESUME = ['auto', 'never'] as const;
const MAX_DURATION_RANGE = { min: 1000, max: 72 * 3_600_000, text: 'from 1s to 72h' };

/** Export and import: the two inputs, refused with the managed engine, which cannot stop itself and resume. */
export function readResume(r: InputReader, engine: EngineDecision): ResumeSettings {
  const resume = r.parseDefaulted(Input.Resume, (v) => parseEnum(v, RESUME));
  const maxDurationMs = r.parse(Input.MaxDuration, (v) =>
    parseDuration(v, MAX_DURATION_RANGE.min, MAX_DURATION_RANGE.max, MAX_DURATION_RANGE.text),
  );
  if (engine.engine === 'managed') {
    const why = `the managed engine (${engine.reason}) runs its job server-side; use engine: direct, or timeout to stop waiting`;
    r.notApplicable(Input.MaxDuration, `expected it only with the direct engine, but ${why}`);
    if (r.changedFromDefault(Input.Resume))
      r.reject(Input.Resume, r.get(Input.Resume), `expected it only with the direct engine, but ${why}`);
  }
  return { resume, ...optional('maxDurationMs', maxDurationMs) };
}

/** Validate and verify: nothing is written, so there is nothing to continue. */
export function rejectResumeInputs(r: InputReader): void {
  const why = `expected it only with mode: export or import, which can be continued; mode: ${r.get(Input.Mode)} writes nothing to continue`;
  r.notApplicable(Input.MaxDuration, why);
  if (r.changedFromDefault(Input.Resume)) r.reject(Input.Resume, r.get(Input.Resume), why);
}
