// Which unfinished export a run continues, and every checkpoint it refuses:
// of another table, naming files that are gone or changed, corrupt or cut
// short, or naming a file outside the export's data/ folder. Refused ones
// leave the folder as it is and nothing outside it is touched; a continued
// one loses the data file a killed run left half-written.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeDataFiles } from '../../src/direct/data-files.js';
import {
  CheckpointKeeper,
  type ExportRequest,
  exportRequest,
  freshCheckpoint,
} from '../../src/direct/export-checkpoint.js';
import { checkpointKey, findResumePoint } from '../../src/direct/export-resume.js';
import { exportPaths } from '../../src/formats/manifest.js';
import { LocalStore } from '../../src/storage/local.js';
import { wireJson } from '../formats/helpers.js';
import { generateItems } from '../generate-items.js';

const TABLE = { TableName: 'Orders', TableArn: 'arn:aws:dynamodb:eu-west-1:123456789012:table/Orders', TableId: 't-1' };
const REQUEST = exportRequest({ format: 'DYNAMODB_JSON', compression: 'GZIP' }, TABLE);
const ID = '01764547200000-0a1b2c3d';

let root: string;
let store: LocalStore;
let lines: string[];
const log = (line: string) => lines.push(line);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'checkpoint-'));
  store = new LocalStore(join(root, 'out'));
  lines = [];
});

/** An export stopped after two data files of segment 0 (of 2), as a real run leaves it. */
async function stoppedExport(id = ID, request: ExportRequest = REQUEST): Promise<string[]> {
  const paths = exportPaths('', id);
  await store.writeText(paths.started, '');
  const keeper = new CheckpointKeeper(
    freshCheckpoint(request, id, '2026-12-01T00:00:00.000Z', new Date('2026-12-01T00:00:00Z'), 2),
    (text) => store.writeText(checkpointKey(paths), text),
  );
  await keeper.save();
  const items = [...generateItems(40)];
  const position = { lastEvaluatedKey: undefined as never, done: false };
  const entries = await writeDataFiles(
    (async function* () {
      for (let i = 0; i < items.length; i += 10) {
        Object.assign(position, { lastEvaluatedKey: { id: { S: `after-${i}` } } });
        yield wireJson(items.slice(i, i + 10));
      }
    })(),
    {
      store,
      paths,
      format: 'DYNAMODB_JSON',
      compression: 'GZIP',
      maxBytes: 1,
      onFile: async (entry) => {
        if (keeper.files.length < 2) await keeper.fileDone(0, entry, position);
      },
    },
    { items: 0, bytes: 0 },
  );
  return entries.map((e) => e.dataFileS3Key);
}

function editCheckpoint(edit: (checkpoint: Record<string, unknown>) => unknown, id = ID): void {
  const path = join(root, 'out', checkpointKey(exportPaths('', id)));
  writeFileSync(path, JSON.stringify(edit(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>)));
}

describe('findResumePoint', () => {
  it('continues the newest unfinished export of the table, and removes the files its checkpoint does not name', async () => {
    const written = await stoppedExport();
    expect(written).toHaveLength(4); // two recorded, two more the "killed" run had not recorded
    const found = await findResumePoint(store, '', REQUEST, log);
    expect(found?.checkpoint.exportId).toBe(ID);
    expect(found?.checkpoint.files.map((f) => f.dataFileS3Key)).toEqual(written.slice(0, 2));
    expect(found?.checkpoint.segments).toEqual([
      { lastEvaluatedKey: { id: { S: 'after-10' } }, done: false },
      { lastEvaluatedKey: null, done: false },
    ]);
    expect(written.map((k) => existsSync(join(root, 'out', k)))).toEqual([true, true, false, false]);
    expect(lines).toEqual([
      `Removed 2 data file(s) the stopped run had not finished: ${written
        .slice(2)
        .map((k) => join(root, 'out', k))
        .sort()
        .join(', ')}`,
    ]);
  });

  it('of two unfinished exports of the table, continues the newer', async () => {
    await stoppedExport('01764547100000-00000000');
    await stoppedExport();
    expect((await findResumePoint(store, '', REQUEST, log))?.checkpoint.exportId).toBe(ID);
  });

  it('passes over a finished export, and finds nothing where there is nothing', async () => {
    expect(await findResumePoint(store, '', REQUEST, log)).toBeUndefined();
    await stoppedExport();
    await store.writeText(exportPaths('', ID).manifestSummary, '{}');
    expect(await findResumePoint(store, '', REQUEST, log)).toBeUndefined();
    expect(lines).toEqual([]);
  });

  it("passes over another table's unfinished export under the same prefix, and leaves it whole", async () => {
    const other = exportRequest({ format: 'DYNAMODB_JSON', compression: 'GZIP' }, { ...TABLE, TableName: 'Users' });
    const written = await stoppedExport(ID, other);
    expect(await findResumePoint(store, '', REQUEST, log)).toBeUndefined();
    expect(lines).toEqual([
      `Not continuing ${join(root, 'out', 'AWSDynamoDB', ID, '_checkpoint.json')}: it is of table "Users" ("arn:aws:dynamodb:eu-west-1:123456789012:table/Orders", id "t-1"), not this one.`,
    ]);
    expect(written.every((k) => existsSync(join(root, 'out', k)))).toBe(true);
  });

  it('a position DynamoDB refuses as a start key of its segment: a warning naming the checkpoint', async () => {
    const files = await stoppedExport();
    const warnings: string[] = [];
    const probe = async (segment: number) => (segment === 0 ? 'ValidationException: not in the segment' : undefined);
    expect(await findResumePoint(store, '', REQUEST, log, { probe, warn: (l) => warnings.push(l) })).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^Not continuing the unfinished export .*, starting over: in its checkpoint .*_checkpoint\.json, segment 0 of 2 stands at .*ValidationException: not in the segment.*resume: never/,
    );
    // Nothing in the folder is deleted, not even the killed run's leftovers.
    expect(files.every((k) => existsSync(join(root, 'out', k)))).toBe(true);
  });

  it('a table deleted and created again (another creation time, as on DynamoDB Local) is another table', async () => {
    await stoppedExport();
    expect(
      await findResumePoint(store, '', { ...REQUEST, tableCreated: '2026-12-02T00:00:00.000Z' }, log),
    ).toBeUndefined();
    expect(lines[0]).toMatch(/^Not continuing .*: it is of table "Orders" .*, not this one\.$/);
  });

  it('a table deleted and created again (a new table id) is another table', async () => {
    await stoppedExport();
    expect(await findResumePoint(store, '', { ...REQUEST, tableId: 't-2' }, log)).toBeUndefined();
    expect(lines[0]).toMatch(/^Not continuing .*: it is of table "Orders" .*id "t-1"\), not this one\.$/);
  });

  const refusals: [string, (c: Record<string, unknown>, files: string[]) => unknown, RegExp][] = [
    ['a data file that is gone', (c, files) => (rmFile(files[0] ?? ''), c), /data file .* it names does not exist/],
    [
      'a data file whose MD5 differs',
      (c, files) => (writeFileSync(join(root, 'out', files[1] ?? ''), 'changed'), c),
      /data file .* has MD5 .*, not the .* it recorded/,
    ],
    [
      'a different format',
      (c) => ({ ...c, format: 'ION' }),
      /it was written with format ION, and this run asks for DYNAMODB_JSON/,
    ],
    [
      'another export id',
      (c) => ({ ...c, exportId: '01764547200000-ffffffff' }),
      /it names export 01764547200000-ffffffff, not/,
    ],
    ['a segment count out of range', (c) => ({ ...c, segments: [] }), /it has 0 segments, not 1 to 256/],
    [
      'a file of a segment the export does not have',
      (c) => ({ ...c, files: (c.files as object[]).map((f) => ({ ...f, segment: 2 })) }),
      /has no item count, MD5, ETag or segment of its export/,
    ],
    [
      'a segment marked done without a data file',
      (c) => ({ ...c, segments: [(c.segments as unknown[])[0], { lastEvaluatedKey: null, done: true }] }),
      /segment 1 is marked done but has no data file/,
    ],
    [
      'a segment moved on without a data file',
      (c) => ({
        ...c,
        segments: [(c.segments as unknown[])[0], { lastEvaluatedKey: { id: { S: 'x' } }, done: false }],
      }),
      /segment 1 has a position but no data file/,
    ],
    [
      'a segment at its start with data files',
      (c) => ({ ...c, segments: [{ lastEvaluatedKey: null, done: false }, (c.segments as unknown[])[1]] }),
      /segment 0 has data files but is at its start/,
    ],
  ];
  it.each(refusals)('starts over, leaving the folder as it is, for %s', async (_, edit, reason) => {
    const files = await stoppedExport();
    editCheckpoint((c) => edit(c, files));
    // The killed run's leftovers stay too: nothing in a refused folder is deleted.
    const before = files.filter((k) => existsSync(join(root, 'out', k)));
    expect(await findResumePoint(store, '', REQUEST, log)).toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^Not continuing the unfinished export ${ID}, starting over: .*_checkpoint\\.json cannot be used, as `,
      ),
    );
    expect(lines[0]).toMatch(reason);
    expect(lines[0]).toMatch(/Its folder is left as it is\.$/);
    expect(files.filter((k) => existsSync(join(root, 'out', k)))).toEqual(before);
  });

  it.each([
    ['cut short', (text: string) => text.slice(0, text.length / 2), /it is not valid JSON/],
    ['not a checkpoint', () => '[1, 2, 3]', /it is not a checkpoint of this version/],
    ['empty', () => '', /it is not valid JSON/],
  ])('starts over when the checkpoint is %s', async (_, damage, reason) => {
    await stoppedExport();
    const path = join(root, 'out', checkpointKey(exportPaths('', ID)));
    writeFileSync(path, damage(readFileSync(path, 'utf8')));
    expect(await findResumePoint(store, '', REQUEST, log)).toBeUndefined();
    expect(lines[0]).toMatch(reason);
  });

  it.each([
    ['a .. segment', (key: string) => key.replace('/data/', '/data/../../../'), /\(it has a \.\. segment\)/],
    ['another folder', () => 'elsewhere/secret.json.gz', /is not a file directly inside AWSDynamoDB\/.*\/data\//],
    ['a sub-folder of data/', (key: string) => key.replace('/data/', '/data/sub/'), /not a file directly inside/],
    ['an absolute path', () => '/etc/passwd', /\(it starts with \/\)/],
  ])('refuses a data file key with %s, and touches nothing outside the folder', async (_, rename, reason) => {
    const files = await stoppedExport();
    // A file the doctored key could reach: it must still be there, unchanged, afterwards.
    mkdirSync(join(root, 'out', 'elsewhere'), { recursive: true });
    writeFileSync(join(root, 'out', 'elsewhere', 'secret.json.gz'), 'keep me');
    writeFileSync(join(root, 'secret'), 'keep me too');
    editCheckpoint((c) => ({
      ...c,
      files: (c.files as { dataFileS3Key: string }[]).map((f, i) =>
        i === 0 ? { ...f, dataFileS3Key: rename(f.dataFileS3Key) } : f,
      ),
    }));
    expect(await findResumePoint(store, '', REQUEST, log)).toBeUndefined();
    expect(lines[0]).toMatch(reason);
    expect(readFileSync(join(root, 'out', 'elsewhere', 'secret.json.gz'), 'utf8')).toBe('keep me');
    expect(readFileSync(join(root, 'secret'), 'utf8')).toBe('keep me too');
    expect(files.every((k) => existsSync(join(root, 'out', k)))).toBe(true);
  });
});

describe('a store that refuses', () => {
  /** The store, with one method replaced. */
  function denying(method: 'list' | 'delete'): LocalStore {
    const fail = (): never => {
      throw new Error(`AccessDenied: s3:${method === 'list' ? 'ListBucket' : 'DeleteObject'}`);
    };
    return new Proxy(store, {
      get: (target, name) => {
        if (name === method)
          return method === 'list'
            ? async function* (): AsyncGenerator<never> {
                yield fail();
              }
            : async () => fail();
        const value: unknown = Reflect.get(target, name);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  it('to list: a new export starts, and the log says why', async () => {
    await stoppedExport();
    expect(await findResumePoint(denying('list'), '', REQUEST, log)).toBeUndefined();
    expect(lines).toEqual([
      'Could not look for an unfinished export to continue, so a new one starts: AccessDenied: s3:ListBucket',
    ]);
  });

  it('to delete what a killed run left: starts over rather than keep a file the manifest would not name', async () => {
    await stoppedExport();
    expect(await findResumePoint(denying('delete'), '', REQUEST, log)).toBeUndefined();
    expect(lines[0]).toMatch(
      /which the stopped run had not finished, could not be removed \(AccessDenied: s3:DeleteObject\)/,
    );
  });
});

function rmFile(key: string): void {
  rmSync(join(root, 'out', key));
}
