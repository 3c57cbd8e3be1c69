// Which engine restores from exports. AWS has no API that applies an
// incremental export, so this action applies them (direct). A chain's full
// export into a new table on AWS still goes through ImportTable (managed),
// when the engine choice says managed; everything else runs direct.

import type { EngineChoice } from '../engine-choice.js';
import type { Chain } from '../sources/chain.js';

export function restoreEngine(choice: EngineChoice, chain: Chain): EngineChoice {
  const changes = chain.steps.filter((s) => s.action !== 'import').length;
  const hasBase = chain.steps[0]?.action === 'import';
  if (choice.engine === 'managed' && hasBase) {
    if (changes === 0) return choice;
    return {
      engine: 'managed',
      reason: `${choice.reason}; then this action applies the ${changes} incremental export(s) (direct engine: AWS has no API that applies them)`,
    };
  }
  if (choice.engine === 'direct') return choice;
  return {
    engine: 'direct',
    reason:
      'incremental exports are applied by this action: AWS has no API that applies them, and they change a table that exists',
  };
}
