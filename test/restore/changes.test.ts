// One incremental export at a time, through the built action: applied to a
// table, reverted, checked by validate, a damaged data file caught by its
// MD5, a missing table refused with the full export to restore first; and
// the exports themselves, written as AWS writes them.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { describeTable } from '../../src/aws/table.js';
import type { Item } from '../../src/formats/attribute-value.js';
import { uniqueName, useLocalCredentials } from '../local-aws.js';
import { startThrottlingProxy } from '../throttling-proxy.js';
import { flipped, writeFiles } from '../sources/export-builder.js';
import { type BuiltExport, applyRecords, incrementalExport } from './aws-exports.js';
import { dynamodb, newBucket, newTable, normalized, putItems, runLocal, scanAll } from './helpers.js';
import { type History, T, buildHistory, item, upload } from './scenario.js';

const BUILT = 'made/';
let history: History;
let bucket: string;

beforeAll(async () => {
  useLocalCredentials();
  history = await buildHistory(BUILT);
  bucket = await newBucket();
  await upload(bucket, BUILT, BUILT, history.full, ...history.windows);
}, 120_000);

const sorted = (state: Map<string, Item>): unknown =>
  normalized(
    [...state.values()].sort((a, b) => (`${a.id?.S}\u0000${a.sort?.N}` < `${b.id?.S}\u0000${b.sort?.N}` ? -1 : 1)),
  );

async function tableAt(state: Map<string, Item>): Promise<string> {
  const table = await newTable({ sorted: true });
  await putItems(table, [...state.values()]);
  return table;
}

const records = (e: BuiltExport) =>
  e.dataFiles.flatMap((f) => f.lines).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the exports, as AWS writes them', () => {
  it('hold inserts, updates and deletes, no record for an insert then delete, both timestamp shapes and both views', () => {
    const [w1, w2, w3] = history.windows as [BuiltExport, BuiltExport, BuiltExport];
    const kinds = (e: BuiltExport) =>
      records(e)
        .map((r) => `${r.NewImage ? 'N' : ''}${r.OldImage ? 'O' : ''}`)
        .sort();
    expect(new Set(kinds(w1))).toEqual(new Set(['N', 'NO', 'O'])); // insert, update, delete
    expect(new Set(kinds(w2))).toEqual(new Set(['N', ''])); // NEW_IMAGE: insert or update, delete
    const ids = (e: BuiltExport) => records(e).map((r) => (r.Keys as { id: { S: string } }).id.S);
    for (const [e, gone] of [
      [w1, 'user-900'],
      [w2, 'user-901'],
      [w3, 'user-902'],
    ] as const)
      expect(ids(e)).not.toContain(gone);
    const shapes = records(w1).map(
      (r) => typeof (r.Metadata as { WriteTimestampMicros: unknown }).WriteTimestampMicros,
    );
    expect(new Set(shapes)).toEqual(new Set(['string', 'object']));
    for (const e of history.windows) {
      for (const file of e.dataFiles) expect(file.key).toMatch(/^made\/AWSDynamoDB\/data\/[0-9a-f]{26}\.json\.gz$/);
      expect(e.files.has(`${e.folder}manifest-summary.md5`)).toBe(true);
    }
    expect(w3.files.has(`${w3.folder}manifest-files.checksum`)).toBe(true);
    expect(JSON.parse(String(w2.files.get(`${w2.folder}manifest-summary.json`)))).toMatchObject({
      exportFromTime: T[1]!.toISOString(),
      exportToTime: T[2]!.toISOString(),
      outputView: 'NEW_IMAGE',
      exportType: 'INCREMENTAL_EXPORT',
    });
  });
});

describe('one incremental export', () => {
  it('applied to the table as it was at its start, gives the table at its end (no key schema needed)', async () => {
    const table = await tableAt(history.states[1]!);
    const w2 = history.windows[1]!;
    const run = await runLocal({
      mode: 'import',
      bucket,
      prefix: w2.folder,
      'table-name': table,
      'changes-onto-table': 'true',
    });
    expect(run.exitCode, run.log).toBe(0);
    expect(normalized(await scanAll(table))).toEqual(sorted(history.states[2]!));
    const lines = records(w2);
    const deletes = lines.filter((r) => r.NewImage === undefined).length;
    expect(run.outputs).toMatchObject({
      'processed-item-count': String(lines.length),
      'put-count': String(lines.length - deletes),
      'delete-count': String(deletes),
      'error-count': '0',
      'restored-to': T[2]!.toISOString(),
      'exports-applied': '1',
      engine: 'direct',
    });
  });

  it('applied under max-capacity, its puts and deletes are metered: the write units DynamoDB returned are reported', async () => {
    const table = await tableAt(history.states[1]!);
    const w2 = history.windows[1]!;
    const proxy = await startThrottlingProxy(inject('dynamodbEndpoint'), { throttleEvery: 0, splitEvery: 0 });
    try {
      const run = await runLocal({
        mode: 'import',
        bucket,
        prefix: w2.folder,
        'table-name': table,
        'max-capacity': '100',
        'endpoint-url': proxy.endpoint,
        'changes-onto-table': 'true',
      });
      expect(run.exitCode, run.log).toBe(0);
      expect(normalized(await scanAll(table))).toEqual(sorted(history.states[2]!));
      expect(run.log).toContain('Capacity budget: 100 write unit(s) per second (max-capacity: 100).');
      // Every put and delete went through BatchWriteItem, and each one's units were counted.
      expect(proxy.counts.writeUnits).toBeGreaterThanOrEqual(records(w2).length);
      expect(run.outputs['consumed-write-capacity']).toBe(String(proxy.counts.writeUnits));
      expect(run.summary).toContain('**Write units consumed**');
    } finally {
      await proxy.close();
    }
  });

  it('reverted on the live table, gives back the table as it was at its start', async () => {
    const w3 = history.windows[2]!;
    const run = await runLocal({
      mode: 'import',
      bucket,
      prefix: w3.folder,
      'table-name': history.live,
      changes: 'revert',
    });
    expect(run.exitCode, run.log).toBe(0);
    expect(normalized(await scanAll(history.live))).toEqual(sorted(history.states[2]!));
    expect(run.outputs['restored-to']).toBe(T[2]!.toISOString());
    expect(run.summary).toContain('### Reverted windows');
    // Applied again, it is back at the window's end.
    const again = await runLocal({
      mode: 'import',
      bucket,
      prefix: w3.folder,
      'table-name': history.live,
      'changes-onto-table': 'true',
    });
    expect(again.exitCode, again.log).toBe(0);
    expect(normalized(await scanAll(history.live))).toEqual(sorted(history.states[3]!));
  });

  it('is refused for revert when its view is NEW_IMAGE, with the reason, before any write', async () => {
    const table = await tableAt(history.states[2]!);
    const w2 = history.windows[1]!;
    const run = await runLocal({ mode: 'import', bucket, prefix: w2.folder, 'table-name': table, changes: 'revert' });
    expect(run.exitCode).toBe(1);
    expect(run.log).toContain(
      `::error::CHANGES_NOT_REVERTIBLE: changes: revert puts back each item's OldImage, and s3://${bucket}/${w2.folder} was exported with view NEW_IMAGE, which records no old images`,
    );
    expect(normalized(await scanAll(table))).toEqual(sorted(history.states[2]!));
  });

  it('into a table that does not exist, says which full export to restore first', async () => {
    const name = uniqueName('missing');
    const run = await runLocal({ mode: 'import', bucket, prefix: history.windows[0]!.folder, 'table-name': name });
    expect(run.exitCode).toBe(1);
    expect(run.log).toContain(
      `::error::TABLE_NOT_FOUND: Table ${name} does not exist. An incremental export changes a table that holds the state its window starts from, so restore the full export s3://${bucket}/${history.full.folder} (arn:aws:dynamodb:us-east-1:111122223333:table/Orders as of ${T[0]!.toISOString()}) into ${name} first, then apply this. Or restore both in one step from s3://${bucket}/${BUILT}`,
    );
    expect(await describeTable(dynamodb(), name)).toBeUndefined();
  });

  it('mode: validate checks every record and writes nothing', async () => {
    const table = await tableAt(history.states[0]!);
    const w1 = history.windows[0]!;
    const run = await runLocal({ mode: 'validate', bucket, prefix: w1.folder, 'table-name': table });
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs['processed-item-count']).toBe(String(records(w1).length));
    expect(run.outputs['restored-to']).toBeUndefined();
    expect(normalized(await scanAll(table))).toEqual(sorted(history.states[0]!));
  });

  it('reads an export moved to a local folder, its data file keys still naming the bucket prefix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'restore-'));
    writeFiles(dir, new Map([...history.full.files, ...history.windows[0]!.files]));
    const table = uniqueName('fromfolder');
    const run = await runLocal({
      mode: 'import',
      path: join(dir, BUILT),
      'table-name': table,
      'partition-key': 'id:S',
      'sort-key': 'sort:N',
    });
    expect(run.exitCode, run.log).toBe(0);
    expect(normalized(await scanAll(table))).toEqual(sorted(history.states[1]!));
  });
});

describe('a cancelled restore', () => {
  it('stops within seconds with exact counts, CANCELLED', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cancel-'));
    const inserts = new Map(
      [...Array.from({ length: 20_000 }, (_, n) => item(1000 + n, 1))].map((i) => [`${i.id?.S}\u0000${i.sort?.N}`, i]),
    );
    const big = incrementalExport(new Map(), inserts, [...inserts.keys()], {
      prefix: '',
      from: T[0]!,
      to: T[1]!,
      view: 'NEW_AND_OLD_IMAGES',
    });
    writeFiles(dir, big.files);
    const table = await newTable({ sorted: true });
    const run = await runLocal(
      {
        mode: 'import',
        path: join(dir, big.folder),
        'table-name': table,
        concurrency: '2',
        'changes-onto-table': 'true',
      },
      { signal: { name: 'SIGTERM', when: (log) => log.includes('::group::Apply') } },
    );
    expect(run.exitCode).toBe(1);
    expect(run.exitAfterSignalMs).toBeLessThan(5000);
    expect(run.outputs.status).toBe('CANCELLED');
    const written = (await scanAll(table)).length;
    expect(Number(run.outputs['put-count'])).toBe(written);
    expect(written).toBeLessThan(20_000);
    expect(run.outputs['restored-to']).toBeUndefined();
    expect(run.log).toContain('::error::CANCELLED: The step was cancelled;');
  });
});

describe('restore inputs on a source without exports', () => {
  it('are refused before anything is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plain-'));
    writeFiles(dir, new Map([['items.json', Buffer.from('{"Item":{"id":{"S":"a"},"sort":{"N":"1"}}}\n')]]));
    const table = await newTable({ sorted: true });
    const run = await runLocal({ mode: 'import', path: dir, 'table-name': table, 'restore-to': '-1h' });
    expect(run.exitCode).toBe(1);
    expect(run.log).toContain(
      `::error::INVALID_INPUT: restore-to and changes: revert apply to a source that holds DynamoDB exports, and ${dir} holds none. Nothing was created or written.`,
    );
    expect(await scanAll(table)).toEqual([]);
  });
});

describe('a damaged data file', () => {
  it('is caught by its MD5, and nothing of it is applied', async () => {
    const prefix = 'damaged/';
    const w1 = history.windows[0]!;
    const [bad, good] = w1.dataFiles as [BuiltExport['dataFiles'][number], BuiltExport['dataFiles'][number]];
    const damaged: BuiltExport = { ...w1, files: new Map(w1.files) };
    const body = w1.files.get(bad.key)!;
    // A flipped byte inside the gzip stream's data: the file still has its size.
    damaged.files.set(bad.key, flipped(body));
    expect(() => gunzipSync(flipped(body))).toThrow();
    await upload(bucket, BUILT, prefix, history.full, damaged);
    const table = uniqueName('damaged');
    const run = await runLocal({
      mode: 'import',
      bucket,
      prefix,
      'table-name': table,
      'partition-key': 'id:S',
      'sort-key': 'sort:N',
    });
    expect(run.exitCode).toBe(1);
    expect(run.log).toContain(`::error::TOO_MANY_ERRORS: ${bad.lines.length} item(s) could not be imported`);
    expect(run.summary).toContain('<code>CHECKSUM_MISMATCH</code>');
    expect(run.log).toContain(
      `holds the writes of all 2 export(s), but ${bad.lines.length} record(s) could not be applied, so it is not restored to ${T[1]!.toISOString()}`,
    );
    expect(run.outputs['error-count']).toBe(String(bad.lines.length));
    // The full export and the good file are applied; no record of the damaged file is.
    const expected = applyRecords(history.states[0]!, good.lines);
    expect(normalized(await scanAll(table))).toEqual(sorted(expected));
    expect(run.outputs['restored-to']).toBeUndefined();
  });
});
