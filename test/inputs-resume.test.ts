// Good and bad values of `resume` and `max-duration`, with the exact messages.

import { describe, expect, it } from 'vitest';
import { EXPORT, IMPORT, VALIDATE, plan, problems } from './plan-helpers.js';

const DIRECT_EXPORT = { ...EXPORT, engine: 'direct' };
const DIRECT_IMPORT = { ...IMPORT, engine: 'direct', 'existing-table': 'merge' };

function resumeOf(inputs: Record<string, string>): unknown {
  const p = plan(inputs);
  if (p.mode !== 'export' && p.mode !== 'import') throw new Error(`not an export or import plan: ${p.mode}`);
  return { resume: p.resume, maxDurationMs: p.maxDurationMs };
}

describe('resume and max-duration', () => {
  it('resume auto and no limit by default, for export and import', () => {
    expect(resumeOf(DIRECT_EXPORT)).toEqual({ resume: 'auto', maxDurationMs: undefined });
    expect(resumeOf(DIRECT_IMPORT)).toEqual({ resume: 'auto', maxDurationMs: undefined });
  });

  it.each([
    ['5h30m', 19_800_000],
    ['90s', 90_000],
    ['45m', 2_700_000],
    ['1s', 1000],
    ['72h', 259_200_000],
  ])('max-duration %s is %i ms', (value, ms) => {
    expect(resumeOf({ ...DIRECT_EXPORT, 'max-duration': value })).toEqual({ resume: 'auto', maxDurationMs: ms });
    expect(resumeOf({ ...DIRECT_IMPORT, 'max-duration': value, resume: 'NEVER' })).toEqual({
      resume: 'never',
      maxDurationMs: ms,
    });
  });

  it('an empty max-duration (an unset workflow input) is no limit', () => {
    expect(resumeOf({ ...DIRECT_EXPORT, 'max-duration': '' })).toEqual({ resume: 'auto', maxDurationMs: undefined });
  });

  it.each([
    [{ ...DIRECT_EXPORT, resume: 'always' }, 'Input "resume" is "always"; expected one of auto, never.'],
    [
      { ...DIRECT_EXPORT, 'max-duration': 'soon' },
      'Input "max-duration" is "soon"; expected a duration such as 10s, 90m, 2h or 1h30m, from 1s to 72h.',
    ],
    [
      { ...DIRECT_IMPORT, 'max-duration': '73h' },
      'Input "max-duration" is "73h"; expected a duration such as 10s, 90m, 2h or 1h30m, from 1s to 72h.',
    ],
    [
      { ...DIRECT_EXPORT, 'max-duration': '500ms' },
      'Input "max-duration" is "500ms"; expected a duration such as 10s, 90m, 2h or 1h30m, from 1s to 72h.',
    ],
    [
      { ...EXPORT, 'max-duration': '5h' },
      'Input "max-duration" is "5h"; expected it only with the direct engine, but the managed engine (AWS exports the table itself (ExportTableToPointInTime), without reading capacity) runs its job server-side; use engine: direct, or timeout to stop waiting.',
    ],
    [
      { ...EXPORT, engine: 'managed', resume: 'never' },
      'Input "resume" is "never"; expected it only with the direct engine, but the managed engine (engine: managed was asked for) runs its job server-side; use engine: direct, or timeout to stop waiting.',
    ],
    [
      { ...VALIDATE, 'max-duration': '1h' },
      'Input "max-duration" is "1h"; expected it only with mode: export or import, which can be continued; mode: validate writes nothing to continue.',
    ],
    [
      { mode: 'verify', 'table-name': 'Orders', path: 'fixtures', resume: 'never' },
      'Input "resume" is "never"; expected it only with mode: export or import, which can be continued; mode: verify writes nothing to continue.',
    ],
  ])('%j is refused', (inputs, message) => expect(problems(inputs)).toEqual([message]));

  it('resume: auto (the default) is accepted with the managed engine, which has nothing to continue', () => {
    expect(problems({ ...EXPORT, resume: 'auto' })).toEqual([]);
  });
});
