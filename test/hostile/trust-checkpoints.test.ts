// Checkpoints are state the action finds, so they are hostile until proved
// its own (issue 23 #1, #3, #8, #10, #11, #12, #16): a table deleted and
// created again under the checkpoint's name, a `checkpoint` naming a file or
// object that is not one, a run killed before its first save, hand-edited
// checkpoints that claim work done, a watermark outside its segment, and the
// counts and rejected items of a stopped run. Each run still ends with every
// item once, or is refused before any work with nothing overwritten.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DeleteTableCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeTable } from '../../src/aws/table.js';
import { useLocalCredentials } from '../local-aws.js';
import type { ActionRun } from '../run-action.js';
import type { ThrottlingProxy } from '../throttling-proxy.js';
import { clientFor, createKeyedTable, expectedIds, itemId, loadItems, tableIds } from '../direct/fault-helpers.js';
import { newBucket, newTable, runLocal, s3 } from '../direct/helpers.js';
import { PER_OBJECT, capacityProxy, objectText } from '../direct/resume-helpers.js';

/** Each test runs the action two or three times on a loaded machine. */
const SLOW = { timeout: 300_000 };
const OBJECTS = 2;
const ITEMS = OBJECTS * PER_OBJECT;
let slow: ThrottlingProxy;
let source: string;

const local = () => clientFor(inject('dynamodbEndpoint'));

beforeAll(async () => {
  useLocalCredentials();
  slow = await capacityProxy(200);
  source = join(mkdtempSync(join(tmpdir(), 'trust-')), 'data');
  mkdirSync(source);
  for (let i = 0; i < OBJECTS; i++) writeFileSync(join(source, `part-${i}.json`), objectText(i));
});

afterAll(async () => {
  await slow?.close();
});

function importInputs(table: string, checkpoint: string, extra: Record<string, string> = {}): Record<string, string> {
  return { mode: 'import', path: source, 'table-name': table, 'existing-table': 'merge', checkpoint, ...extra };
}

/** A run stopped by max-duration after 3 seconds, with its checkpoint left in a file. */
async function stoppedImport(name: string, extra: Record<string, string> = {}) {
  const table = `trust-${name}-${process.pid}`;
  const checkpoint = join(mkdtempSync(join(tmpdir(), 'checkpoint-')), 'checkpoint.json');
  await createKeyedTable(local(), table);
  const inputs = importInputs(table, checkpoint, extra);
  const first = await runLocal({ ...inputs, 'endpoint-url': slow.endpoint, concurrency: '1', 'max-duration': '3s' });
  expect(first.outputs.status, first.log).toBe('IN_PROGRESS');
  return { table, checkpoint, inputs, first };
}

function editJson(path: string, edit: (value: Record<string, unknown>) => unknown): void {
  writeFileSync(path, JSON.stringify(edit(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>)));
}

async function expectEveryItem(table: string, count = ITEMS): Promise<void> {
  expect([...(await tableIds(local(), table))].sort()).toEqual(expectedIds(count));
}

describe('an import checkpoint names its table by identity (#1)', () => {
  it('a table deleted and created again under the name is another table: the import starts over', SLOW, async () => {
    const { table, inputs } = await stoppedImport('recreated');
    await local().send(new DeleteTableCommand({ TableName: table }));
    await createKeyedTable(local(), table);
    const second = await runLocal(inputs);
    expect(second.outputs.status, second.log).toBe('COMPLETED');
    expect(second.outputs.resumed).toBe('false');
    expect(second.log).not.toContain('Resuming from the checkpoint');
    expect(second.log).toMatch(
      /::warning::Starting over, not from the checkpoint in .*checkpoint\.json: table trust-recreated-\d+ is not the table earlier runs wrote into: it was deleted and created again/,
    );
    expect(second.outputs['imported-item-count']).toBe(String(ITEMS));
    await expectEveryItem(table);
  });
});

describe('a run killed before its first periodic save can be run again as it was (#8)', () => {
  it('the table it created and the rejected-items file it opened are its own: the re-run resumes', SLOW, async () => {
    const folder = mkdtempSync(join(tmpdir(), 'trust-early-'));
    const withBad = join(folder, 'data');
    mkdirSync(withBad);
    for (let i = 0; i < OBJECTS; i++) writeFileSync(join(withBad, `part-${i}.json`), `not json ${i}\n${objectText(i)}`);
    const table = `trust-early-${process.pid}`;
    const rejects = join(folder, 'rejects.jsonl');
    // The table does not exist: the run creates it (existing-table: fail, the default).
    const inputs = {
      mode: 'import',
      path: withBad,
      'table-name': table,
      'partition-key': 'id:S',
      checkpoint: join(folder, 'checkpoint.json'),
      'rejected-items': rejects,
      'max-errors': '10',
    };
    const first = await runLocal(
      { ...inputs, 'endpoint-url': slow.endpoint, concurrency: '1' },
      { timeoutMs: 120_000, signal: { name: 'SIGKILL', when: () => existsSync(rejects) } },
    );
    expect(first.exitCode, first.log).toBeNull();
    const second = await runLocal(inputs);
    expect(second.log).not.toContain('TABLE_EXISTS');
    expect(second.log).not.toContain('already exists');
    expect(second.outputs, second.log).toMatchObject({ status: 'COMPLETED', resumed: 'true' });
    await expectEveryItem(table);
  });
});

describe('a run killed while it creates the table can be run again as it was (#8)', () => {
  it('the table made since its checkpoint was saved is its own: the re-run resumes into it', SLOW, async () => {
    const table = `trust-creating-${process.pid}`;
    const inputs = {
      mode: 'import',
      path: source,
      'table-name': table,
      'partition-key': 'id:S',
      checkpoint: join(mkdtempSync(join(tmpdir(), 'checkpoint-')), 'checkpoint.json'),
    };
    // Killed as soon as the table exists: before (or just after) the run saw it ready through the slow proxy.
    let exists = false;
    let watching = true;
    const watch = (async () => {
      while (watching && !exists) {
        exists = await describeTable(local(), table).then((t) => t !== undefined);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const first = await runLocal(
      { ...inputs, 'endpoint-url': slow.endpoint },
      { timeoutMs: 120_000, signal: { name: 'SIGKILL', when: () => exists } },
    );
    watching = false;
    await watch;
    expect(first.exitCode, first.log).toBeNull();
    expect(first.log).not.toContain('::group::Import');
    const second = await runLocal(inputs);
    expect(second.log).not.toContain('TABLE_EXISTS');
    expect(second.outputs, second.log).toMatchObject({ status: 'COMPLETED', resumed: 'true' });
    await expectEveryItem(table);
  });
});

describe('a checkpoint place holding what the action did not write is refused (#3)', () => {
  /** Refused before any work, naming the input and the place; the table is not created. */
  function expectRefused(run: ActionRun, place: string): void {
    expect(run.exitCode, run.log).toBe(1);
    const line = run.log.split('\n').find((l) => l.startsWith('::error::')) ?? '';
    expect(line).toMatch(/^::error::INVALID_INPUT: /);
    expect(line).toContain('checkpoint');
    expect(line).toContain(place);
    expect(line).toContain('is not a checkpoint of this action');
    expect(run.outputs['imported-item-count']).toBeUndefined();
  }

  it.each([
    ['a text file', 'important.txt', 'do not lose me\n', {}],
    ['a JSON file that is not a checkpoint', 'package.json', '{"name":"mine","version":"1.0.0"}\n', {}],
    ['a text file, with resume: never', 'notes.txt', 'keep\n', { resume: 'never' }],
  ])('%s is neither written over nor deleted', SLOW, async (_, name, content, extra) => {
    const path = join(mkdtempSync(join(tmpdir(), 'trust-place-')), name);
    writeFileSync(path, content);
    const table = `trust-place-${name.replace(/\W/g, '')}-${process.pid}`;
    const run = await runLocal({ ...importInputs(table, path, extra), 'partition-key': 'id:S' });
    expectRefused(run, path);
    expect(readFileSync(path, 'utf8')).toBe(content);
    expect(await tableIds(local(), table).catch(() => 'no table')).toBe('no table');
  });

  it('an S3 object that is not a checkpoint is neither written over nor deleted', SLOW, async () => {
    const bucket = await newBucket();
    const content = 'precious\n';
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: 'keep/x.json', Body: content }));
    const place = `s3://${bucket}/keep/x.json`;
    const table = `trust-s3place-${process.pid}`;
    const run = await runLocal({ ...importInputs(table, place), 'partition-key': 'id:S' });
    expectRefused(run, place);
    const body = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: 'keep/x.json' }));
    expect(await body.Body?.transformToString()).toBe(content);
  });
});

describe('hand-edited import checkpoints are not trusted (#10, #16)', () => {
  it('a position past what its counts say was read: the import starts over', SLOW, async () => {
    const { table, checkpoint, inputs } = await stoppedImport('past');
    // Every object marked finished: a resumed run would skip everything.
    editJson(checkpoint, (c) => ({ ...c, position: { finished: OBJECTS, records: 0 } }));
    const second = await runLocal(inputs);
    expect(second.outputs.status, second.log).toBe('COMPLETED');
    expect(second.outputs.resumed).toBe('false');
    expect(second.log).toMatch(
      /::warning::Starting over, not from the checkpoint in .*: the checkpoint cannot be used/,
    );
    expect(second.outputs['imported-item-count']).toBe(String(ITEMS));
    await expectEveryItem(table);
  });

  it("a watermark beyond an object's end is warned about once", SLOW, async () => {
    const { checkpoint, inputs } = await stoppedImport('beyond-once');
    editJson(checkpoint, (c) => ({
      ...c,
      position: { finished: 0, records: 1_000_000 },
      objectRecords: [],
      counts: { processed: 1_000_000, imported: 1_000_000, errors: 0 },
    }));
    const second = await runLocal(inputs);
    expect(second.outputs.status, second.log).toBe('COMPLETED');
    const warned = second.log.split('\n').filter((l) => l.includes('The checkpoint said the first 1000000 record(s)'));
    expect(warned, second.log).toHaveLength(1);
  });
});

describe('the counts and rejected items of a stopped import (#12)', () => {
  it('outputs carry what was read but not written, and a resumed run rejects nothing twice', SLOW, async () => {
    const folder = mkdtempSync(join(tmpdir(), 'trust-rejects-'));
    const withBad = join(folder, 'data');
    mkdirSync(withBad);
    // A bad line after every 10 good ones: some are read, and rejected, past the watermark when the run stops.
    let bad = 0;
    for (let i = 0; i < OBJECTS; i++) {
      const lines = objectText(i).trim().split('\n');
      const mixed = lines.flatMap((line, j) => (j % 10 === 9 ? [line, `not json ${i}-${j}`] : [line]));
      bad += lines.length / 10;
      writeFileSync(join(withBad, `part-${i}.json`), `${mixed.join('\n')}\n`);
    }
    const table = `trust-rejects-${process.pid}`;
    await createKeyedTable(local(), table);
    const rejects = join(folder, 'rejects.jsonl');
    const inputs = {
      ...importInputs(table, join(folder, 'checkpoint.json')),
      path: withBad,
      'rejected-items': rejects,
      'max-errors': '100000',
    };
    const first = await runLocal({ ...inputs, 'endpoint-url': slow.endpoint, concurrency: '1', 'max-duration': '3s' });
    expect(first.outputs.status, first.log).toBe('IN_PROGRESS');
    const count = (name: string, run: ActionRun) => Number(run.outputs[name]);
    const gap = count('unwritten-item-count', first);
    // Writes in flight at the stop (nearly always some): read, neither written nor rejected.
    expect(gap, JSON.stringify(first.outputs)).toBeGreaterThanOrEqual(0);
    expect(count('processed-item-count', first)).toBe(
      count('imported-item-count', first) + count('error-count', first) + gap,
    );

    const second = await runLocal(inputs);
    expect(second.outputs, second.log).toMatchObject({ status: 'COMPLETED', resumed: 'true' });
    expect(second.outputs['unwritten-item-count']).toBe('0');
    const lines = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').trim().split('\n') : []);
    const written = [...lines(rejects), ...lines(join(folder, 'rejects.run-2.jsonl'))];
    expect(written).toHaveLength(bad);
    expect(new Set(written.map((l) => JSON.stringify((JSON.parse(l) as { source: unknown }).source))).size).toBe(bad);
    await expectEveryItem(table);
  });
});

describe('hand-edited or invalid export checkpoints (#10, #11)', () => {
  const EXPORT_ITEMS = 3_000;
  let table: string;

  beforeAll(async () => {
    // About 1.5 MB: more than one page, so the export reads several segments.
    table = await newTable();
    await loadItems(local(), table, EXPORT_ITEMS, 'x'.repeat(450));
  }, 180_000);

  /** An export killed just after it saved its first checkpoint: no segment has read a page. */
  async function killedExport(): Promise<{ path: string; folder: string; checkpoint: string }> {
    const path = mkdtempSync(join(tmpdir(), 'trust-export-'));
    const first = await runLocal(
      { mode: 'export', 'table-name': table, path, 'endpoint-url': slow.endpoint, concurrency: '4' },
      { timeoutMs: 120_000, signal: { name: 'SIGKILL', when: (log) => log.includes('Exporting ') } },
    );
    expect(first.exitCode, first.log).toBeNull();
    const [id] = readdirSync(join(path, 'AWSDynamoDB'));
    const folder = join(path, 'AWSDynamoDB', id as string);
    return { path, folder, checkpoint: join(folder, '_checkpoint.json') };
  }

  it('segments marked done without data files: the export starts over', SLOW, async () => {
    const { path, checkpoint } = await killedExport();
    editJson(checkpoint, (c) => ({
      ...c,
      segments: (c.segments as unknown[]).map(() => ({ lastEvaluatedKey: null, done: true })),
    }));
    const second = await runLocal({ mode: 'export', 'table-name': table, path, concurrency: '4' });
    expect(second.outputs.status, second.log).toBe('COMPLETED');
    expect(second.outputs.resumed).toBe('false');
    expect(second.log).toContain('is marked done but has no data file');
    expect(second.outputs['item-count']).toBe(String(EXPORT_ITEMS));
  });

  it('a watermark outside its segment: a warning naming the checkpoint, and the export starts over', SLOW, async () => {
    const { path, folder, checkpoint } = await killedExport();
    const saved = JSON.parse(readFileSync(checkpoint, 'utf8')) as { segments: unknown[]; files: unknown[] };
    const total = saved.segments.length;
    expect(total).toBeGreaterThan(1);
    // A key of the table that DynamoDB says is not in segment 0.
    let outside: string | undefined;
    for (let i = 0; i < 50 && outside === undefined; i++) {
      const refused = await local()
        .send(
          new ScanCommand({
            TableName: table,
            Segment: 0,
            TotalSegments: total,
            Limit: 1,
            ExclusiveStartKey: { id: { S: itemId(i) } },
          }),
        )
        .then(
          () => false,
          () => true,
        );
      if (refused) outside = itemId(i);
    }
    expect(outside).toBeDefined();
    // A data file of segment 0, so the position is one a run could have saved.
    const body = gzipSync('');
    const dataKey = `${join(folder, 'data').slice(path.length + 1)}/forged.json.gz`;
    mkdirSync(join(folder, 'data'), { recursive: true });
    writeFileSync(join(path, dataKey), body);
    editJson(checkpoint, (c) => ({
      ...c,
      segments: (c.segments as unknown[]).map((s, i) =>
        i === 0 ? { lastEvaluatedKey: { id: { S: outside } }, done: false } : s,
      ),
      files: [
        {
          dataFileS3Key: dataKey,
          itemCount: 0,
          md5Checksum: createHash('md5').update(body).digest('base64'),
          etag: 'forged',
          segment: 0,
        },
      ],
    }));
    const second = await runLocal({ mode: 'export', 'table-name': table, path, concurrency: '4' });
    expect(second.outputs.status, second.log).toBe('COMPLETED');
    expect(second.log).toMatch(/::warning::.*_checkpoint\.json.*segment 0/);
    expect(second.outputs['item-count']).toBe(String(EXPORT_ITEMS));
  });
});
