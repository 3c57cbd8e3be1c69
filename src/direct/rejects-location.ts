// The rejected-items file at the place the plan names: an S3 object or a
// local file.

import { basename, dirname } from 'node:path';
import type { Location } from '../plan.js';
import { LocalStore } from '../storage/local.js';
import { S3Store } from '../storage/s3.js';
import type { EngineDeps } from './deps.js';
import { RejectsFile } from './rejects.js';

export function openRejects(location: Location, deps: Pick<EngineDeps, 's3' | 'tempDir'>): RejectsFile {
  if (location.kind === 's3')
    return new RejectsFile(
      new S3Store(deps.s3, location.bucket, {
        spoolDir: deps.tempDir,
        ...(location.owner === undefined ? {} : { owner: location.owner }),
      }),
      location.prefix,
    );
  return new RejectsFile(new LocalStore(dirname(location.path)), basename(location.path));
}
