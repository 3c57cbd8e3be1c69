// The rejected-items file at the place the plan names: an S3 object or a
// local file. The place is checked before any work: nothing may be there yet
// (a file this run did not create is never written over), and a local path
// must not go through a symbolic link inside the workspace or the runner's
// temp folder (where a checkout or an earlier step could have put one).

import { lstatSync, readlinkSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';
import type { Location } from '../plan.js';
import { LocalStore } from '../storage/local.js';
import { S3Store } from '../storage/s3.js';
import type { EngineDeps } from './deps.js';
import { RejectsFile } from './rejects.js';

type RejectsDeps = Pick<EngineDeps, 's3' | 'tempDir'> & { workspace?: string | undefined };

/**
 * The rejected-items file, created only when an item is rejected, exclusively.
 * A local place is checked here (synchronously, a few lstat calls) and again
 * right before the file is created; throws InputError naming the path.
 */
export function openRejects(location: Location, deps: RejectsDeps, holds = 'rejected items'): RejectsFile {
  if (location.kind === 's3')
    return new RejectsFile(
      new S3Store(deps.s3, location.bucket, {
        spoolDir: deps.tempDir,
        ...(location.owner === undefined ? {} : { owner: location.owner }),
      }),
      location.prefix,
      { exclusive: true, holds },
    );
  checkLocalRejects(location.path, deps, holds);
  return new RejectsFile(new LocalStore(dirname(location.path)), basename(location.path), {
    exclusive: true,
    holds,
    check: () => checkLocalRejects(location.path, deps, holds),
  });
}

/**
 * openRejects with the S3 place checked too (one HeadObject): what the engine
 * calls at the start of an import or validate, before the source is read or
 * the table touched.
 */
export async function prepareRejects(
  location: Location,
  deps: RejectsDeps,
  holds = 'rejected items',
): Promise<RejectsFile> {
  if (location.kind === 's3') await checkS3Rejects(location, deps, holds);
  return openRejects(location, deps, holds);
}

function refuse(place: string, why: string, holds: string): InputError {
  const name = holds === 'rejected items' ? 'rejected-items' : `The ${holds} file (rejected-items)`;
  return new InputError([
    {
      input: 'rejected-items',
      value: place,
      message: `${name} ${place} ${why}; nothing was created or written. Choose a new file (the default is a new file under RUNNER_TEMP).`,
    },
  ]);
}

/** Nothing at the path (not even a dangling link), and no symbolic link on its way inside the workspace or temp folder. */
function checkLocalRejects(path: string, deps: RejectsDeps, holds: string): void {
  const target = resolve(path);
  const existing = lstatOrUndefined(target);
  if (existing !== undefined) {
    const what = existing.isSymbolicLink()
      ? `is a symbolic link (to ${readlinkSync(target)})`
      : existing.isDirectory()
        ? 'is a folder'
        : 'already exists';
    throw refuse(target, `${what}, and ${holds} are never written over or through what this run did not create`, holds);
  }
  // Below the workspace or the temp folder, each folder on the way is a real folder.
  const base = [deps.workspace, deps.tempDir]
    .filter((b): b is string => b !== undefined && b !== '')
    .map((b) => resolve(b))
    .filter((b) => inside(target, b))
    .sort((a, b) => b.length - a.length)[0];
  const parent = dirname(target);
  const steps = base === undefined ? [parent] : folderSteps(base, parent);
  for (const folder of steps) {
    const info = lstatOrUndefined(folder);
    if (info === undefined) return; // the rest is created by this run
    if (info.isSymbolicLink()) {
      throw refuse(
        target,
        `goes through the symbolic link ${folder} (to ${readlinkSync(folder)}), and ${holds} are never written through one`,
        holds,
      );
    }
    if (!info.isDirectory()) throw refuse(target, `goes through ${folder}, which is not a folder`, holds);
  }
}

/** HeadObject: an object already there is refused; anything else (no access to read it) is left to If-None-Match. */
async function checkS3Rejects(
  location: Extract<Location, { kind: 's3' }>,
  deps: RejectsDeps,
  holds: string,
): Promise<void> {
  const { client, sdk } = await deps.s3();
  const exists = await client
    .send(
      new sdk.HeadObjectCommand({
        Bucket: location.bucket,
        Key: location.prefix,
        ...(location.owner === undefined ? {} : { ExpectedBucketOwner: location.owner }),
      }),
    )
    .then(
      () => true,
      () => false,
    );
  if (exists) {
    throw refuse(
      `s3://${location.bucket}/${location.prefix}`,
      `already exists, and ${holds} are never written over an object this run did not create`,
      holds,
    );
  }
}

/** The folders from just below `base` down to `folder`, in order. */
function folderSteps(base: string, folder: string): string[] {
  const rel = relative(base, folder);
  if (rel === '') return [];
  const steps: string[] = [];
  let at = base;
  for (const part of rel.split(sep)) {
    at = join(at, part);
    steps.push(at);
  }
  return steps;
}

function inside(path: string, base: string): boolean {
  const rel = relative(base, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

function lstatOrUndefined(path: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}
