// The README's inputs and outputs tables, generated from action.yml so the two
// never disagree. `npm run docs` rewrites them; a test checks they are current.

import { readFileSync, writeFileSync } from 'node:fs';
import { ROOT, readActionYml } from '../test/action-yml.js';

const cell = (text: string): string =>
  text
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();

export function inputsTable(): string {
  const rows = Object.entries(readActionYml().inputs).map(
    ([name, meta]) =>
      `| \`${name}\` | ${meta.default === undefined || meta.default === '' ? '' : `\`${cell(meta.default)}\``} | ${cell(meta.description)} |`,
  );
  return ['| input | default | description |', '| --- | --- | --- |', ...rows].join('\n');
}

export function outputsTable(): string {
  const rows = Object.entries(readActionYml().outputs).map(
    ([name, meta]) => `| \`${name}\` | ${cell(meta.description)} |`,
  );
  return ['| output | description |', '| --- | --- |', ...rows].join('\n');
}

/** README text with the generated tables between their markers. */
export function withTables(readme: string): string {
  const replace = (text: string, marker: string, table: string): string =>
    // A function, not a replacement string: descriptions hold `$`, which a string would read as a pattern.
    text.replace(
      new RegExp(`(<!-- ${marker}:start -->)[\\s\\S]*?(<!-- ${marker}:end -->)`),
      (_m, start: string, end: string) => `${start}\n\n${table}\n\n${end}`,
    );
  return replace(replace(readme, 'inputs', inputsTable()), 'outputs', outputsTable());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = `${ROOT}/README.md`;
  writeFileSync(path, withTables(readFileSync(path, 'utf8')));
  console.log('README.md tables regenerated from action.yml');
}
