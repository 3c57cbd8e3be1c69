// Seeding a pull request's table from fixtures in the repository: each bad
// fixture row becomes an error annotation on its file and line.

import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalCredentials, uniqueName } from '../local-aws.js';
import { runLocal, scanAll } from './helpers.js';

beforeAll(() => useLocalCredentials());

describe('annotations for repository fixtures', () => {
  it('puts an ::error annotation on the file and line of each bad row, and imports the rest', async () => {
    const table = uniqueName('seed');
    const run = await runLocal({
      mode: 'import',
      path: 'test/fixtures/seed',
      'table-name': table,
      'partition-key': 'pk:S',
    });
    expect(run.exitCode).toBe(1);
    expect(run.log).toContain(
      '::error title=Item not imported,file=test/fixtures/seed/users.json,line=3::MISSING_KEY: One or more parameter values were invalid: Missing the key pk in the item',
    );
    expect(run.log).toContain(
      '::error title=Item not imported,file=test/fixtures/seed/users.json,line=4::INVALID_NUMBER: age: "forty" is not a valid DynamoDB number',
    );
    expect(run.outputs).toMatchObject({ 'processed-item-count': '5', 'imported-item-count': '3', 'error-count': '2' });
    expect((await scanAll(table)).map((i) => i.pk?.S).sort()).toEqual(['USER#1', 'USER#2', 'USER#5']);
    expect(run.summary).toContain('## ❌ Import of <code>' + table + '</code> failed');
    expect(run.summary).toContain('test/fixtures/seed/users.json:3</code> | <code>MISSING_KEY</code>');
  });

  it('annotates the first ten rows and counts the rest', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { ROOT } = await import('../action-yml.js');
    const folder = mkdtempSync(join(ROOT, 'test', '.tmp-'));
    writeFileSync(
      join(folder, 'many.json'),
      Array.from({ length: 13 }, (_, i) => `{"Item":{"n":{"N":"${i}"}}}`).join('\n'),
    );
    const run = await runLocal({ mode: 'validate', path: folder, 'partition-key': 'pk:S' });
    const annotations = run.log.split('\n').filter((line) => line.startsWith('::error title=Item would be rejected'));
    expect(annotations).toHaveLength(10);
    expect(run.log).toMatch(/::error::3 more rejected item\(s\) not annotated; all are in .*\.jsonl\./);
    const { rmSync } = await import('node:fs');
    rmSync(folder, { recursive: true, force: true });
  });
});
