// A local store replaces a small file whole (a checkpoint): written beside it
// and renamed into place, never through a symbolic link, with no temporary
// file left; and deletes only inside its root.

import { existsSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { LocalStore } from '../../src/storage/local.js';
import { OutsideRootError } from '../../src/storage/store.js';

it('replaces the text whole and leaves no temporary file', async () => {
  const root = mkdtempSync(join(tmpdir(), 'replace-'));
  const store = new LocalStore(root);
  await store.writeText('a/_checkpoint.json', 'one');
  await store.writeText('a/_checkpoint.json', 'two');
  expect(readFileSync(join(root, 'a', '_checkpoint.json'), 'utf8')).toBe('two');
  expect(readdirSync(join(root, 'a'))).toEqual(['_checkpoint.json']);
});

it('replaces a symbolic link at the key instead of writing where it points, and delete removes only the link', async () => {
  const root = mkdtempSync(join(tmpdir(), 'replace-'));
  const outside = join(mkdtempSync(join(tmpdir(), 'outside-')), 'target');
  writeFileSync(outside, 'keep');
  symlinkSync(outside, join(root, 'link'));
  const store = new LocalStore(root);
  await store.writeText('link', 'new');
  expect(readFileSync(outside, 'utf8')).toBe('keep');
  expect(readFileSync(join(root, 'link'), 'utf8')).toBe('new');
  symlinkSync(outside, join(root, 'link2'));
  await store.delete('link2');
  expect(existsSync(join(root, 'link2'))).toBe(false);
  expect(readFileSync(outside, 'utf8')).toBe('keep');
  await store.delete('not-there'); // nothing to do
});

it('refuses to delete or write outside its root', async () => {
  const store = new LocalStore(mkdtempSync(join(tmpdir(), 'replace-')));
  await expect(store.delete('../x')).rejects.toBeInstanceOf(OutsideRootError);
  await expect(store.writeText('/etc/x', '')).rejects.toBeInstanceOf(OutsideRootError);
});
