// The worker's heap limits follow the mode the inputs ask for: an import's
// old generation is capped so that V8 collects it before it doubles and
// doubles again (bench/README.md, "The client's ceiling").

import { describe, expect, it } from 'vitest';
import { heapLimits } from '../src/worker-launch.js';

describe('heapLimits', () => {
  it.each(['import', ' Import ', 'IMPORT'])('caps the old generation of an import (mode %j)', (mode) => {
    expect(heapLimits({ INPUT_MODE: mode })).toEqual({ maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 1536 });
  });

  it.each(['export', 'verify', 'validate', '', 'imports'])(
    'leaves the old generation to V8 otherwise (mode %j)',
    (mode) => {
      expect(heapLimits({ INPUT_MODE: mode })).toEqual({ maxYoungGenerationSizeMb: 12 });
    },
  );
});
