// Builds src/ with ncc into a temporary folder, as `npm run package` builds
// dist/, so the integration tests run the code as it is now rather than the
// last committed dist/.

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './action-yml.js';

export async function buildAction(): Promise<{ entry: string; remove: () => void }> {
  const out = mkdtempSync(join(tmpdir(), 'dynamodb-s3-transfer-build-'));
  const ncc = join(ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
  await promisify(execFile)(
    process.execPath,
    [ncc, 'build', join(ROOT, 'src', 'index.ts'), '-o', out, '--target', 'es2022', '--quiet'],
    {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return { entry: join(out, 'index.js'), remove: () => rmSync(out, { recursive: true, force: true }) };
}
