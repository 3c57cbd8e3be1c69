import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withTables } from '../scripts/readme-tables.js';
import { ROOT } from './action-yml.js';

const readme = readFileSync(`${ROOT}/README.md`, 'utf8');

describe('README', () => {
  it('has the inputs and outputs tables of action.yml (npm run docs)', () => {
    expect(readme).toBe(withTables(readme));
  });

  it('opens with the demo and test commands that .ci/run relies on', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(firstBlock).toContain('npm ci && npm run demo');
    expect(firstBlock).toContain('npm ci && npm test');
    expect(readFileSync(`${ROOT}/.ci/run`, 'utf8')).toMatch(/\nnpm test\n/);
  });
});
