// The differences file: one JSON line per difference, `{"kind", "key",
// "source", "table", "attributes"}`, with both images in DynamoDB JSON as
// each side holds them. It is placed by the rejected-items rules (a new file,
// never written over or through a symbolic link) and created with the first
// difference; the first few are kept for the summary.

import type { Location } from '../plan.js';
import { prepareRejects } from '../direct/rejects-location.js';
import type { RejectsFile } from '../direct/rejects.js';
import type { EngineDeps } from '../direct/deps.js';
import type { DifferenceSample } from '../result.js';
import type { Difference } from './compare.js';
import { type JsonItem, keyImage } from './key.js';

/** Differences shown in the summary. */
export const MAX_SAMPLES = 10;
const NEWLINE = 0x0a;

export class DifferencesFile {
  readonly samples: DifferenceSample[] = [];
  private readonly file: RejectsFile;
  private readonly keyNames: readonly string[];

  private constructor(file: RejectsFile, keyNames: readonly string[]) {
    this.file = file;
    this.keyNames = keyNames;
  }

  /** The place checked first (InputError naming it when something is there), as for rejected items. */
  static async open(
    location: Location,
    keyNames: readonly string[],
    deps: Pick<EngineDeps, 's3' | 'tempDir' | 'workspace'>,
  ): Promise<DifferencesFile> {
    return new DifferencesFile(await prepareRejects(location, deps, 'differences'), keyNames);
  }

  get location(): string {
    return this.file.location;
  }

  async add(difference: Difference): Promise<void> {
    const image = difference.source ?? difference.table;
    const parsed = difference.parsed ?? (JSON.parse((image as Buffer).toString('utf8')) as JsonItem);
    const key = keyImage(parsed, this.keyNames);
    if (this.samples.length < MAX_SAMPLES) {
      this.samples.push({ kind: difference.kind, key, attributes: difference.attributes });
    }
    await this.file.addLine(
      `{"kind":"${difference.kind}","key":${key},"source":${json(difference.source)},"table":${json(difference.table)},"attributes":${JSON.stringify(difference.attributes)}}`,
    );
  }

  /** Finishes the file; its location when anything was written. */
  close(): Promise<string | undefined> {
    return this.file.close();
  }
}

/** An item's DynamoDB JSON as it is (it is JSON already), on one line. */
function json(item: Buffer | undefined): string {
  if (item === undefined) return 'null';
  const text = item.toString('utf8');
  return item.includes(NEWLINE) ? JSON.stringify(JSON.parse(text)) : text;
}
