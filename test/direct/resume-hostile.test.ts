// Checkpoints that cannot be trusted: cut short, for another table, claiming
// more records than an object holds, or ignored on purpose (resume: never).
// Each run still imports every item, and says what it did with the checkpoint.
// The checkpoint is made by a real run stopped by max-duration, then altered.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { useLocalCredentials } from '../local-aws.js';
import type { ThrottlingProxy } from '../throttling-proxy.js';
import { clientFor, createKeyedTable, expectedIds, tableIds } from './fault-helpers.js';
import { runLocal } from './helpers.js';
import { PER_OBJECT, capacityProxy, objectText } from './resume-helpers.js';

const OBJECTS = 2;
let slow: ThrottlingProxy;
let source: string;

beforeAll(async () => {
  useLocalCredentials();
  slow = await capacityProxy(200);
  source = join(mkdtempSync(join(tmpdir(), 'resume-hostile-')), 'data');
  mkdirSync(source);
  for (let i = 0; i < OBJECTS; i++) writeFileSync(join(source, `part-${i}.json`), objectText(i));
});

afterAll(async () => {
  await slow?.close();
});

/** A table and a checkpoint left by a run stopped after 3 seconds, altered by `alter`. */
async function stoppedRun(name: string, alter: (checkpoint: Record<string, unknown>) => string) {
  const table = `resume-${name}-${process.pid}`;
  const checkpoint = join(mkdtempSync(join(tmpdir(), 'checkpoint-')), 'checkpoint.json');
  await createKeyedTable(clientFor(inject('dynamodbEndpoint')), table);
  const inputs = { mode: 'import', path: source, 'table-name': table, 'existing-table': 'merge', checkpoint };
  const first = await runLocal({ ...inputs, 'endpoint-url': slow.endpoint, concurrency: '1', 'max-duration': '3s' });
  expect(first.outputs.status, first.log).toBe('IN_PROGRESS');
  writeFileSync(checkpoint, alter(JSON.parse(readFileSync(checkpoint, 'utf8')) as Record<string, unknown>));
  const second = await runLocal(inputs);
  expect(second.outputs.status, second.log).toBe('COMPLETED');
  const ids = await tableIds(clientFor(inject('dynamodbEndpoint')), table);
  expect([...ids].sort()).toEqual(expectedIds(OBJECTS * PER_OBJECT));
  return { first, second };
}

it('a checkpoint cut short is not used: a warning, and the import starts over', { timeout: 120_000 }, async () => {
  const { second } = await stoppedRun('truncated', (c) => JSON.stringify(c).slice(0, 60));
  expect(second.log).toMatch(
    /::warning::Starting over, not from the checkpoint in .*checkpoint\.json: the checkpoint cannot be used: it is not JSON/,
  );
  expect(second.outputs.resumed).toBe('false');
  expect(second.outputs['imported-item-count']).toBe(String(OBJECTS * PER_OBJECT));
});

it('a checkpoint of another table is not used', { timeout: 120_000 }, async () => {
  const { second } = await stoppedRun('other-table', (c) =>
    JSON.stringify({ ...c, identity: { ...(c.identity as object), table: 'someone-else' } }),
  );
  expect(second.log).toMatch(
    /::warning::Starting over, .*: the checkpoint is for table someone-else, not resume-other-table-/,
  );
  expect(second.summary).toContain('Started over: the checkpoint is for table someone-else');
  expect(second.outputs['imported-item-count']).toBe(String(OBJECTS * PER_OBJECT));
});

it(
  "a watermark beyond the object's end: the object is imported again from its start",
  { timeout: 120_000 },
  async () => {
    // Counts to match, as a run that read that far would have saved: a position past its counts is refused outright.
    const { second } = await stoppedRun('beyond', (c) =>
      JSON.stringify({
        ...c,
        position: { finished: 0, records: 1_000_000 },
        objectRecords: [],
        counts: { processed: 1_000_000, imported: 1_000_000, errors: 0 },
      }),
    );
    expect(second.outputs.resumed).toBe('true');
    expect(second.log).toContain(
      `::warning::The checkpoint said the first 1000000 record(s) of part-0.json were done, but it holds ${PER_OBJECT}`,
    );
    expect(second.outputs['imported-item-count']).toBe(String(OBJECTS * PER_OBJECT));
  },
);

it('resume: never ignores a good checkpoint and imports everything', { timeout: 120_000 }, async () => {
  const table = `resume-never-${process.pid}`;
  const checkpoint = join(mkdtempSync(join(tmpdir(), 'checkpoint-')), 'checkpoint.json');
  await createKeyedTable(clientFor(inject('dynamodbEndpoint')), table);
  const inputs = { mode: 'import', path: source, 'table-name': table, 'existing-table': 'merge', checkpoint };
  const first = await runLocal({ ...inputs, 'endpoint-url': slow.endpoint, concurrency: '1', 'max-duration': '3s' });
  expect(first.outputs.status, first.log).toBe('IN_PROGRESS');
  const second = await runLocal({ ...inputs, resume: 'never' });
  expect(second.outputs).toMatchObject({ status: 'COMPLETED', resumed: 'false' });
  expect(second.log).toContain(`resume: never: any checkpoint in ${checkpoint} is ignored`);
  expect(second.outputs['imported-item-count']).toBe(String(OBJECTS * PER_OBJECT));
});

it(
  'rejected items of the stopped run stay; the resumed run writes its own beside them',
  { timeout: 120_000 },
  async () => {
    const folder = mkdtempSync(join(tmpdir(), 'resume-rejects-'));
    const withBad = join(folder, 'data');
    mkdirSync(withBad);
    // A bad line at the start of each object: the stopped run rejects the first, the resumed run the second.
    for (let i = 0; i < OBJECTS; i++) writeFileSync(join(withBad, `part-${i}.json`), `not json ${i}\n${objectText(i)}`);
    const table = `resume-rejects-${process.pid}`;
    const rejects = join(folder, 'rejects.jsonl');
    await createKeyedTable(clientFor(inject('dynamodbEndpoint')), table);
    const inputs = {
      mode: 'import',
      path: withBad,
      'table-name': table,
      'existing-table': 'merge',
      checkpoint: join(folder, 'checkpoint.json'),
      'rejected-items': rejects,
      'max-errors': '10',
    };
    const first = await runLocal({ ...inputs, 'endpoint-url': slow.endpoint, concurrency: '1', 'max-duration': '3s' });
    expect(first.outputs).toMatchObject({ status: 'IN_PROGRESS', 'rejected-items': rejects, 'error-count': '1' });
    const second = await runLocal(inputs);
    expect(second.outputs, second.log).toMatchObject({
      status: 'COMPLETED',
      resumed: 'true',
      'rejected-items': join(folder, 'rejects.run-2.jsonl'),
      'error-count': '1',
    });
    expect(readFileSync(rejects, 'utf8')).toContain('"object":');
    expect(readFileSync(rejects, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(second.summary).toContain(`Rejected items of earlier runs are in ${rejects}.`);
    const ids = await tableIds(clientFor(inject('dynamodbEndpoint')), table);
    expect([...ids].sort()).toEqual(expectedIds(OBJECTS * PER_OBJECT));
  },
);
