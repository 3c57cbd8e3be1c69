// The gzip DynamoDB JSON file the import benchmarks read: `count` bench items,
// made once under bench/.data/ and reused.

import { createWriteStream, existsSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { toDynamoJsonMap } from '../src/formats/attribute-value.js';
import { benchItem } from './bench-item.js';

export async function importSource(folder: string, count: number): Promise<string> {
  const path = join(folder, `import-${count}.json.gz`);
  if (existsSync(path)) return path;
  // Written beside and renamed when whole: a run stopped half-way leaves no short file to be reused.
  const partial = `${path}.partial`;
  const gzip = createGzip({ level: 1 });
  const out = gzip.pipe(createWriteStream(partial));
  for (let i = 0; i < count; i++) {
    if (!gzip.write(`{"Item":${JSON.stringify(toDynamoJsonMap(benchItem(i)))}}\n`)) await once(gzip, 'drain');
  }
  gzip.end();
  await once(out, 'finish');
  renameSync(partial, path);
  return path;
}
