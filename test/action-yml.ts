// action.yml as data, for tests that hold the code to it.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function readActionYml(): ActionYml {
  return parse(readFileSync(`${ROOT}/action.yml`, 'utf8')) as ActionYml;
}
