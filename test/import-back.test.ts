// The "Import it back" snippet in an export's summary works when pasted: the
// inputs it names, run as a step, import the export into a new table.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { newBucket, newTable, putItems, runLocal, scanAll } from './direct/helpers.js';
import { localEnv, useLocalCredentials } from './local-aws.js';
import { runAction } from './run-action.js';

beforeAll(() => useLocalCredentials());

/** The `with:` of the summary's snippet, with the new table's name made unique. */
function snippetInputs(summary: string, table: string): Record<string, string> {
  const block = /### Import it back\n\n```yaml\n([\s\S]*?)\n```/.exec(summary)?.[1];
  expect(block, summary).toBeDefined();
  const [step] = parse(block ?? '') as [{ uses: string; with: Record<string, string> }];
  return { ...step.with, 'table-name': table };
}

describe('the import-back snippet of an export summary', () => {
  it.each(['path', 'bucket'] as const)('imports a direct export to a %s back when pasted', async (where) => {
    const table = await newTable({ sorted: true });
    const items = Array.from({ length: 30 }, (_, i) => ({ id: { S: `i-${i % 3}` }, sort: { N: String(i) } }));
    await putItems(table, items);
    const destination =
      where === 'path' ? { path: mkdtempSync(join(tmpdir(), 'import-back-')) } : { bucket: await newBucket() };
    const exported = await runLocal({ mode: 'export', 'table-name': table, ...destination });
    expect(exported.exitCode, exported.log).toBe(0);

    const inputs = snippetInputs(exported.summary, `${table}-restored`);
    expect(inputs).toMatchObject({ engine: 'direct', 'endpoint-url': inject('dynamodbEndpoint') });
    // Exactly what the snippet says, the S3 server's endpoint included: pasted, it must run as it is.
    if (where === 'bucket') expect(inputs['s3-endpoint-url']).toBe(inject('s3Endpoint'));
    else expect(inputs).not.toHaveProperty('s3-endpoint-url');
    const imported = await runAction(inputs, { env: localEnv() });
    expect(imported.exitCode, imported.log).toBe(0);
    expect(imported.outputs).toMatchObject({ 'imported-item-count': '30', 'error-count': '0' });
    // The two byte counts measure different things, and say so.
    expect(exported.summary).toContain('| **Bytes written (compressed)** |');
    expect(imported.summary).toContain('| **Bytes read (decompressed)** |');
    expect(await scanAll(`${table}-restored`)).toHaveLength(30);
  });
});
