// What an import reads, settled before any data file is read: manifest keys
// inside the export's root, unfinished exports refused, an export's data folder
// read through its manifest, sizes known, skipped symbolic links said.

import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TransferError } from '../../src/errors.js';
import { dataFileKeyIn } from '../../src/sources/export-folder.js';
import { openSource } from '../../src/sources/open.js';
import { resolveSource } from '../../src/sources/resolve.js';
import { buildExport, gzipLines, itemLines, md5, writeFiles } from './export-builder.js';
import type { S3Access } from '../../src/aws/lazy-clients.js';

const noS3: S3Access = () => Promise.reject(new Error('a local source asks for no S3 client'));

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'resolve-'));
}

async function resolvePath(path: string) {
  return resolveSource(await openSource({ kind: 'local', path }, noS3));
}

async function refusal(work: Promise<unknown>): Promise<TransferError> {
  try {
    await work;
  } catch (error) {
    expect(error).toBeInstanceOf(TransferError);
    return error as TransferError;
  }
  throw new Error('expected a refusal');
}

describe('dataFileKeyIn', () => {
  it.each([
    ['AWSDynamoDB/x/data/a.json.gz', 'root/AWSDynamoDB/x/data/a.json.gz'],
    ['elsewhere/AWSDynamoDB/x/data/a.json.gz', 'root/AWSDynamoDB/x/data/a.json.gz'],
    ['p//AWSDynamoDB/data/a.json.gz', 'root/AWSDynamoDB/data/a.json.gz'],
  ])('keeps %s from AWSDynamoDB/ on, under the root', (key, expected) => {
    expect(dataFileKeyIn('root/', key)).toEqual({ key: expected });
  });

  it.each([
    ['AWSDynamoDB/../../outside/secret.json', 'it has a .. segment'],
    ['x/../AWSDynamoDB/x/data/a.json.gz', 'it has a .. segment'],
    ['AWSDynamoDB/./x', 'it has a . segment'],
    ['/etc/passwd', 'it starts with /'],
    ['/dev/zero', 'it starts with /'],
    ['other-prefix/secret.json', 'it has no AWSDynamoDB/ folder'],
    ['NotAWSDynamoDB/x/data/a', 'it has no AWSDynamoDB/ folder'],
    ['AWSDynamoDB/x//a', 'it has an empty segment (//)'],
    ['AWSDynamoDB/x/data/', 'it names a folder'],
    ['AWSDynamoDB/x\\..\\..\\y', 'it holds a backslash'],
  ])('refuses %j: %s', (key, why) => {
    expect(dataFileKeyIn('root/', key)).toEqual({ why });
  });
});

describe('manifest keys outside the source', () => {
  it.each(['AWSDynamoDB/../../outside/secret.json', '/etc/passwd', '/dev/zero', 'other/secret.json'])(
    '%s is MANIFEST_OUTSIDE_SOURCE, from the export folder and from its data folder',
    async (key) => {
      const root = folder();
      const built = buildExport('', 10, { entry: (i, e) => (i === 1 ? { ...e, dataFileS3Key: key } : e) });
      writeFiles(root, built.files);
      for (const path of [join(root, built.folder), join(root, built.folder, 'data')]) {
        const error = await refusal(resolvePath(path));
        expect(error.code).toBe('MANIFEST_OUTSIDE_SOURCE');
        expect(error.message).toContain(JSON.stringify(key));
      }
    },
  );

  it('a data file that is a symbolic link out of the source is MANIFEST_OUTSIDE_SOURCE', async () => {
    const root = folder();
    const outside = folder();
    const built = buildExport('', 10);
    writeFiles(root, built.files);
    const secret = join(outside, 'secret.json.gz');
    writeFileSync(secret, built.files.get(built.dataKeys[1] as string) as Buffer);
    rmSync(join(root, built.dataKeys[1] as string));
    symlinkSync(secret, join(root, built.dataKeys[1] as string));
    const error = await refusal(resolvePath(root));
    expect(error.code).toBe('MANIFEST_OUTSIDE_SOURCE');
    expect(error.message).toContain(`leads to ${secret} through a symbolic link`);
  });

  it('a data file that is a link to /dev/zero is refused before a byte is read', async () => {
    const root = folder();
    const built = buildExport('', 10);
    writeFiles(root, built.files);
    rmSync(join(root, built.dataKeys[0] as string));
    symlinkSync('/dev/zero', join(root, built.dataKeys[0] as string));
    expect((await refusal(resolvePath(root))).code).toBe('MANIFEST_OUTSIDE_SOURCE');
  });
});

describe('unfinished exports', () => {
  it.each([
    [['manifest-summary.json', 'manifest-summary.md5', 'manifest-files.json', 'manifest-files.md5'], '_started'],
    [['manifest-summary.json', 'manifest-summary.md5'], '_started, manifest-files.json'],
  ])('without %j are EXPORT_INCOMPLETE, naming the folder', async (without, has) => {
    const root = folder();
    const built = buildExport('p/', 10, { without });
    writeFiles(root, built.files);
    for (const path of [root, join(root, 'p'), join(root, built.folder), join(root, built.folder, 'data')]) {
      const error = await refusal(resolvePath(path));
      expect(error.code).toBe('EXPORT_INCOMPLETE');
      expect(error.message).toContain(`${join(root, built.folder)} is an export that has not finished: it has ${has}`);
    }
  });

  it('a summary without manifest-files.json is MANIFEST_INVALID', async () => {
    const root = folder();
    writeFiles(root, buildExport('', 10, { without: ['manifest-files.json', 'manifest-files.md5'] }).files);
    const error = await refusal(resolvePath(root));
    expect(error.code).toBe('MANIFEST_INVALID');
    expect(error.message).toContain('manifest-files.json is missing');
  });

  it('a data file the manifest lists but that is not there is MANIFEST_INVALID', async () => {
    const root = folder();
    const built = buildExport('', 10);
    writeFiles(root, built.files);
    rmSync(join(root, built.dataKeys[1] as string));
    const error = await refusal(resolvePath(root));
    expect(error.code).toBe('MANIFEST_INVALID');
    expect(error.message).toContain(`${join(root, built.dataKeys[1] as string)}, which is not there`);
  });

  it('a summary that does not match its .md5 is MANIFEST_INVALID', async () => {
    const root = folder();
    const built = buildExport('', 10);
    built.files.set(`${built.folder}manifest-summary.md5`, Buffer.from(md5('something else')));
    writeFiles(root, built.files);
    expect((await refusal(resolvePath(root))).code).toBe('MANIFEST_INVALID');
  });
});

describe("an export's data folder as the source", () => {
  it('reads only the files the manifest lists, each with its MD5 and size', async () => {
    const root = folder();
    const built = buildExport('', 10);
    built.files.set(`${built.folder}data/stray.json.gz`, gzipLines(itemLines(3, 100)));
    writeFiles(root, built.files);
    const resolved = await resolvePath(join(root, built.folder, 'data'));
    expect(resolved.objects.map((o) => o.key)).toEqual(built.dataKeys);
    expect(resolved.objects.every((o) => o.md5 !== undefined && o.size > 0)).toBe(true);
    expect(resolved.export).toEqual({ folder: join(root, built.folder), format: 'DYNAMODB_JSON', itemCount: 10 });
    expect(resolved.notes.join('\n')).toContain(`${join(root, built.folder, 'data', 'stray.json.gz')}`);
  });

  it('a single data file is read alone, through the manifest', async () => {
    const root = folder();
    const built = buildExport('', 10);
    writeFiles(root, built.files);
    const resolved = await resolvePath(join(root, built.dataKeys[1] as string));
    expect(resolved.objects).toEqual([
      expect.objectContaining({ key: built.dataKeys[1], md5: md5(built.files.get(built.dataKeys[1] as string)!) }),
    ]);
    expect(resolved.export?.itemCount).toBe(5);
  });

  it('a data folder copied without its manifests is read as plain objects, and says so', async () => {
    const root = folder();
    const built = buildExport('', 10, {
      without: [
        'manifest-summary.json',
        'manifest-summary.md5',
        'manifest-files.json',
        'manifest-files.md5',
        '_started',
      ],
    });
    writeFiles(root, built.files);
    const resolved = await resolvePath(join(root, built.folder, 'data'));
    expect(resolved.export).toBeUndefined();
    expect(resolved.objects.map((o) => o.key)).toEqual(built.dataKeys);
    expect(resolved.notes[0]).toContain('has no manifests');
  });
});

describe('symbolic links in a local source', () => {
  it('are skipped, never followed, and listed in the notes', async () => {
    const root = folder();
    const outside = folder();
    writeFileSync(join(outside, 'secret.json'), `${itemLines(1)[0]}\n`);
    writeFileSync(join(root, 'items.json'), `${itemLines(2).join('\n')}\n`);
    symlinkSync(join(outside, 'secret.json'), join(root, 'secret.json'));
    symlinkSync(outside, join(root, 'more'));
    const resolved = await resolvePath(root);
    expect(resolved.objects.map((o) => o.key)).toEqual(['items.json']);
    expect(resolved.notes).toEqual([
      `Skipped 2 entries under ${root} that are not a regular file (symbolic links are never followed): ${join(root, 'more')} (symbolic link to ${outside}), ${join(root, 'secret.json')} (symbolic link to ${join(outside, 'secret.json')}).`,
    ]);
  });

  it('a folder holding only links is SOURCE_EMPTY, and says what was skipped', async () => {
    const root = folder();
    const outside = folder();
    writeFileSync(join(outside, 'items.json'), `${itemLines(1)[0]}\n`);
    symlinkSync(join(outside, 'items.json'), join(root, 'items.json'));
    const error = await refusal(resolvePath(root));
    expect(error.code).toBe('SOURCE_EMPTY');
    expect(error.message).toContain(`Skipped 1 entry under ${root} that is not a regular file`);
  });

  it('a file given as path that links out of its folder is refused', async () => {
    const root = folder();
    const outside = folder();
    writeFileSync(join(outside, 'secret.json'), 'secret');
    symlinkSync(join(outside, 'secret.json'), join(root, 'items.json'));
    const error = await refusal(openSource({ kind: 'local', path: join(root, 'items.json') }, noS3));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('through a symbolic link');
  });
});
