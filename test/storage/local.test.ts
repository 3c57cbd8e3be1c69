// The local store stays inside its root: keys with `..` or a leading `/`,
// symbolic links leading out, and anything but a regular file are refused;
// reads stop at the size they were given; listings skip symbolic links and
// say so; an exclusive write never replaces what is there.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalStore } from '../../src/storage/local.js';
import { OutsideRootError, TooLargeError, unsafeKey } from '../../src/storage/store.js';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'local-store-'));
}

async function bytes(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

async function* once(text: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(text);
}

describe('unsafeKey', () => {
  it.each([
    ['a/b.json', undefined],
    ['AWSDynamoDB/x/data/', undefined],
    ['', 'it is empty'],
    ['/etc/passwd', 'it starts with /'],
    ['a/../b', 'it has a .. segment'],
    ['..', 'it has a .. segment'],
    ['a/./b', 'it has a . segment'],
    ['a//b', 'it has an empty segment (//)'],
    ['a\\..\\b', 'it holds a backslash'],
    ['a\u0000b', 'it holds a control character'],
  ])('%j: %s', (key, why) => {
    expect(unsafeKey(key)).toBe(why);
  });
});

describe('LocalStore confinement', () => {
  it('refuses keys that leave the root, for every operation', async () => {
    const root = folder();
    const store = new LocalStore(join(root, 'in'));
    writeFileSync(join(root, 'secret'), 'secret');
    for (const key of ['../secret', '/etc/passwd', 'a/../../secret']) {
      await expect(store.stat(key)).rejects.toBeInstanceOf(OutsideRootError);
      await expect(store.readText(key, 100)).rejects.toBeInstanceOf(OutsideRootError);
      await expect(bytes(store.read(key))).rejects.toBeInstanceOf(OutsideRootError);
      await expect(store.write(key, once('x'))).rejects.toBeInstanceOf(OutsideRootError);
      await expect(store.writeText(key, 'x')).rejects.toBeInstanceOf(OutsideRootError);
    }
    expect(readFileSync(join(root, 'secret'), 'utf8')).toBe('secret');
  });

  it('follows a symbolic link that stays inside, and refuses one leading out', async () => {
    const root = folder();
    const outside = folder();
    writeFileSync(join(outside, 'secret.json'), 'secret');
    mkdirSync(join(root, 'data'));
    writeFileSync(join(root, 'data', 'real.json'), 'real');
    symlinkSync(join(root, 'data', 'real.json'), join(root, 'inside.json'));
    symlinkSync(join(outside, 'secret.json'), join(root, 'data', 'out.json'));
    symlinkSync(outside, join(root, 'linked'));
    const store = new LocalStore(root);
    // The modification time stands in for an ETag: a resumed import compares it.
    expect(await store.stat('inside.json')).toEqual({
      key: 'inside.json',
      size: 4,
      etag: expect.stringMatching(/^mtime:\d/),
    });
    expect((await bytes(store.read('inside.json'))).toString()).toBe('real');
    await expect(store.stat('data/out.json')).rejects.toThrow(/outside/);
    await expect(store.readText('linked/secret.json', 100)).rejects.toBeInstanceOf(OutsideRootError);
    await expect(bytes(store.read('linked/secret.json'))).rejects.toBeInstanceOf(OutsideRootError);
  });

  it('refuses what is not a regular file: a folder, a named pipe, a device reached through a link', async () => {
    const root = folder();
    mkdirSync(join(root, 'sub'));
    execFileSync('mkfifo', [join(root, 'pipe')]);
    symlinkSync('/dev/zero', join(root, 'zero'));
    const store = new LocalStore(root);
    await expect(store.stat('sub')).rejects.toThrow('is not a regular file');
    await expect(store.stat('pipe')).rejects.toThrow('is not a regular file');
    await expect(bytes(store.read('zero'))).rejects.toBeInstanceOf(OutsideRootError);
    const rootStore = new LocalStore('/dev');
    await expect(bytes(rootStore.read('zero', 10))).rejects.toThrow('is not a regular file');
  });

  it('says undefined for a key with nothing there, including a dangling link', async () => {
    const root = folder();
    symlinkSync(join(root, 'gone'), join(root, 'dangling'));
    const store = new LocalStore(root);
    expect(await store.stat('nothing.json')).toBeUndefined();
    expect(await store.readText('nothing.json', 10)).toBeUndefined();
    expect(await store.stat('dangling')).toBeUndefined();
  });
});

describe('LocalStore sizes', () => {
  it('reads no more than the size it is given', async () => {
    const root = folder();
    writeFileSync(join(root, 'data.bin'), Buffer.alloc(1000, 7));
    const store = new LocalStore(root);
    expect((await bytes(store.read('data.bin', 10))).length).toBe(10);
    expect((await bytes(store.read('data.bin', 0))).length).toBe(0);
    expect((await bytes(store.read('data.bin'))).length).toBe(1000);
  });

  it('reads in chunks of at most 64 KiB, the whole file in order', async () => {
    // A larger read buffer raises glibc's mmap threshold and fragments its arenas (src/storage/read-size.ts).
    const root = folder();
    const data = Buffer.from(Array.from({ length: 1_000_000 }, (_, i) => i % 251));
    writeFileSync(join(root, 'data.bin'), data);
    const sizes: number[] = [];
    const parts: Uint8Array[] = [];
    for await (const chunk of new LocalStore(root).read('data.bin')) {
      sizes.push(chunk.byteLength);
      parts.push(chunk);
    }
    expect(Math.max(...sizes)).toBe(64 * 1024);
    expect(Buffer.concat(parts).equals(data)).toBe(true);
  });

  it('refuses a text file over its cap', async () => {
    const root = folder();
    writeFileSync(join(root, 'manifest-files.json'), 'x'.repeat(101));
    const store = new LocalStore(root);
    await expect(store.readText('manifest-files.json', 100)).rejects.toBeInstanceOf(TooLargeError);
    expect(await store.readText('manifest-files.json', 101)).toBe('x'.repeat(101));
  });
});

describe('LocalStore listings', () => {
  it('skip symbolic links and other special files, say which, and never follow a linked folder', async () => {
    const root = folder();
    const outside = folder();
    writeFileSync(join(outside, 'secret.json'), 'secret');
    mkdirSync(join(root, 'fx'));
    writeFileSync(join(root, 'fx', 'items.json'), '{}');
    symlinkSync(join(outside, 'secret.json'), join(root, 'fx', 'secret.json'));
    symlinkSync(outside, join(root, 'fx', 'more'));
    execFileSync('mkfifo', [join(root, 'fx', 'pipe')]);
    const store = new LocalStore(root);
    const keys: string[] = [];
    for await (const object of store.list('', 100)) keys.push(object.key);
    expect(keys).toEqual(['fx/items.json']);
    expect(store.skipped).toEqual([
      `${join(root, 'fx', 'more')} (symbolic link to ${outside})`,
      `${join(root, 'fx', 'pipe')} (not a regular file)`,
      `${join(root, 'fx', 'secret.json')} (symbolic link to ${join(outside, 'secret.json')})`,
    ]);
  });

  it('open only the folders a prefix can reach', async () => {
    const root = folder();
    mkdirSync(join(root, 'a', 'b'), { recursive: true });
    mkdirSync(join(root, 'c'));
    writeFileSync(join(root, 'a', 'b', 'x.json'), 'x');
    writeFileSync(join(root, 'a', 'y.json'), 'y');
    symlinkSync('/etc', join(root, 'c', 'etc'));
    const store = new LocalStore(root);
    const keys: string[] = [];
    for await (const object of store.list('a/b/', 100)) keys.push(object.key);
    expect(keys).toEqual(['a/b/x.json']);
    // c/ was never opened: its link was not even seen.
    expect(store.skipped).toEqual([]);
  });
});

describe('LocalStore exclusive writes', () => {
  it('never replace a file or write through a link that is already there', async () => {
    const root = folder();
    const outside = folder();
    writeFileSync(join(root, 'taken.jsonl'), 'precious');
    writeFileSync(join(outside, 'target'), 'target');
    symlinkSync(join(outside, 'target'), join(root, 'link.jsonl'));
    symlinkSync(join(outside, 'nothing-yet'), join(root, 'dangling.jsonl'));
    const store = new LocalStore(root);
    for (const key of ['taken.jsonl', 'link.jsonl', 'dangling.jsonl']) {
      await expect(store.write(key, once('new'), { exclusive: true })).rejects.toMatchObject({ code: 'EEXIST' });
    }
    expect(readFileSync(join(root, 'taken.jsonl'), 'utf8')).toBe('precious');
    expect(readFileSync(join(outside, 'target'), 'utf8')).toBe('target');
    expect(await store.write('new/fresh.jsonl', once('new'), { exclusive: true })).toMatchObject({ bytes: 3 });
    expect(readFileSync(join(root, 'new', 'fresh.jsonl'), 'utf8')).toBe('new');
  });
});
