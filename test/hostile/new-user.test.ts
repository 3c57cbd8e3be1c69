// What a new user trips on, tried as a new user would, through the built
// action: a source whose first records cannot be imported is refused before
// a table is created (so the re-run does not meet TABLE_EXISTS), a missing
// path says so, a small table exports to one data file, a local export
// imports back from its own folder, and the `engine` output is written once.

import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { awsError } from '../dynamodb-stub.js';
import { uniqueName, useLocalCredentials } from '../local-aws.js';
import { type ActionRun, type RunOptions, parseOutputFile } from '../run-action.js';
import { startThrottlingProxy } from '../throttling-proxy.js';
import { clientFor, errorLines, filesUnder, loadItems, tableIds } from '../direct/fault-helpers.js';
import { dynamodb, newTable, runLocal } from '../direct/helpers.js';

beforeAll(() => useLocalCredentials());

/** The GITHUB_OUTPUT file of each run of the current test, as written. */
let outputFiles: string[] = [];

/** Every run here, whatever its outcome, writes the `engine` output exactly once. */
afterEach(() => {
  const files = outputFiles;
  outputFiles = [];
  for (const text of files) expect(text.match(/^engine<</gm), text).toHaveLength(1);
});

/** Runs the action with a GITHUB_OUTPUT file of the test's own, to see the file as written. */
async function run(inputs: Record<string, string>, options: RunOptions = {}): Promise<ActionRun> {
  const outputFile = join(mkdtempSync(join(tmpdir(), 'outputs-')), 'output');
  writeFileSync(outputFile, '');
  const result = await runLocal(inputs, { ...options, env: { ...options.env, GITHUB_OUTPUT: outputFile } });
  const text = readFileSync(outputFile, 'utf8');
  outputFiles.push(text);
  return { ...result, outputs: parseOutputFile(text) };
}

function fixture(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'new-user-')), name);
  writeFileSync(path, content);
  return path;
}

async function tableExists(table: string): Promise<boolean> {
  try {
    await dynamodb().send(new DescribeTableCommand({ TableName: table }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') return false;
    throw error;
  }
}

describe('a source whose first records lack the key', () => {
  it('CSV: refused before the table is created, and the re-run with the right file works', async () => {
    const table = uniqueName('csv-no-key');
    const keys = { 'table-name': table, 'partition-key': 'id:S', format: 'CSV' };
    const wrong = await run({ mode: 'import', path: fixture('people.csv', 'name,age\nada,36\nalan,41\n'), ...keys });
    expect(wrong.exitCode).toBe(1);
    expect(errorLines(wrong.log)).toEqual([expect.stringMatching(/^::error::SOURCE_SAMPLE_INVALID: .*\bid\b/)]);
    expect(wrong.log).toContain(`Table ${table} was not created, emptied or written.`);
    expect(await tableExists(table)).toBe(false);

    const right = await run({ mode: 'import', path: fixture('people.csv', 'id,name\n1,ada\n2,alan\n'), ...keys });
    expect(right.exitCode, right.log).toBe(0);
    expect(right.log).not.toContain('TABLE_EXISTS');
    expect(right.outputs).toMatchObject({ 'imported-item-count': '2', 'error-count': '0' });
  });

  it('DynamoDB JSON: refused before the table is created, and the re-run with the right file works', async () => {
    const table = uniqueName('json-no-key');
    const keys = { 'table-name': table, 'partition-key': 'id:S' };
    const lines = (key: string) =>
      ['ada', 'alan', 'grace'].map((name) => `{"Item":{"${key}":{"S":"${name}"},"x":{"N":"1"}}}`).join('\n');
    const wrong = await run({ mode: 'import', path: fixture('people.json', lines('name')), ...keys });
    expect(wrong.exitCode).toBe(1);
    expect(errorLines(wrong.log)).toEqual([expect.stringMatching(/^::error::SOURCE_SAMPLE_INVALID: /)]);
    expect(await tableExists(table)).toBe(false);

    const right = await run({ mode: 'import', path: fixture('people.json', lines('id')), ...keys });
    expect(right.exitCode, right.log).toBe(0);
    expect(right.outputs).toMatchObject({ 'imported-item-count': '3', 'error-count': '0' });
  });
});

it('a path that does not exist says SOURCE_NOT_FOUND and names it', async () => {
  const path = join(tmpdir(), uniqueName('no-such-folder'), 'items.json');
  const result = await run({ mode: 'import', path, 'table-name': uniqueName('never'), 'partition-key': 'id:S' });
  expect(result.exitCode).toBe(1);
  expect(errorLines(result.log)).toEqual([expect.stringMatching(/^::error::SOURCE_NOT_FOUND: /)]);
  expect(errorLines(result.log)[0]).toContain(path);
});

describe('a direct export', () => {
  const dataFiles = (folder: string) => filesUnder(folder).filter((f) => /\/data\/[^/]+\.json\.gz$/.test(f));

  it('of a 5-item table writes exactly one data file, and imports back from its own folder', async () => {
    const table = await newTable();
    await loadItems(clientFor(inject('dynamodbEndpoint')), table, 5);
    const path = mkdtempSync(join(tmpdir(), 'small-export-'));
    const exported = await run({ mode: 'export', 'table-name': table, path });
    expect(exported.exitCode, exported.log).toBe(0);
    expect(exported.outputs['item-count']).toBe('5');
    expect(dataFiles(path)).toHaveLength(1);

    // The export's own folder (.../AWSDynamoDB/<exportId>/), as a user would paste it: its manifests
    // and .md5 files are read as the export's description, never imported as items.
    const folder = `${dirname(exported.outputs['export-manifest'] ?? '')}/`;
    expect(folder).toMatch(/\/AWSDynamoDB\/[^/]+\/$/);
    const target = uniqueName('imported-back');
    const back = await run({ mode: 'import', path: folder, 'table-name': target, 'partition-key': 'id:S' });
    expect(back.exitCode, back.log).toBe(0);
    expect(back.outputs).toMatchObject({
      'processed-item-count': '5',
      'imported-item-count': '5',
      'error-count': '0',
    });
    expect((await tableIds(dynamodb(), target)).sort()).toEqual((await tableIds(dynamodb(), table)).sort());
  });

  it('of a table bigger than one 1 MB Scan page, with concurrency 4, writes several data files', async () => {
    const table = await newTable();
    await loadItems(clientFor(inject('dynamodbEndpoint')), table, 1500, 'x'.repeat(1000));
    const path = mkdtempSync(join(tmpdir(), 'larger-export-'));
    const exported = await run({ mode: 'export', 'table-name': table, path, concurrency: '4' });
    expect(exported.exitCode, exported.log).toBe(0);
    expect(exported.outputs['item-count']).toBe('1500');
    expect(dataFiles(path).length).toBeGreaterThan(1);
    expect(dataFiles(path).length).toBeLessThanOrEqual(4);
  });
});

it('a run that fails after the work started writes the engine output once too', async () => {
  const proxy = await startThrottlingProxy(inject('dynamodbEndpoint'), {
    throttleEvery: 0,
    splitEvery: 0,
    intercept: (operation) =>
      operation === 'BatchWriteItem' ? awsError('AccessDeniedException', 'refused by the test') : undefined,
  });
  try {
    const result = await run({
      mode: 'import',
      path: fixture('items.json', '{"Item":{"id":{"S":"a"}}}\n'),
      'table-name': uniqueName('denied'),
      'partition-key': 'id:S',
      'endpoint-url': proxy.endpoint,
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ engine: 'direct', status: 'FAILED', 'imported-item-count': '0' });
  } finally {
    await proxy.close();
  }
});
