// The one owner of what happened to every record of an import or validate:
// counts, the first errors for the summary, annotations on repository files,
// and the rejected-items file. Workers report here; nothing else counts.

import { relative, resolve, sep } from 'node:path';
import { MAX_ANNOTATIONS } from '../report.js';
import type { Annotation, ItemErrorSample } from '../result.js';
import type { RejectedItem, RejectsFile } from './rejects.js';

const MAX_SAMPLES = 10;

/** Where rejected records go: the rejected-items file, or (verify, which only counts them) nowhere. */
export type RejectsSink = Pick<RejectsFile, 'add' | 'close'>;

export class Ledger {
  /** Records read from the source, good or bad. */
  processed = 0;
  /** Records rejected, by the checks or by DynamoDB. */
  errors = 0;
  /** Of those, the ones written to this run's rejected-items file (not those an earlier run's file holds). */
  filed = 0;
  /** Bytes read from the source, after decompression. */
  bytes = 0;
  /** Ion annotations other than DynamoDB's on the items read, dropped (see ion.ts). */
  annotationsDropped = 0;
  readonly samples: ItemErrorSample[] = [];
  readonly annotations: Annotation[] = [];
  annotationsOmitted = 0;
  /** Each with whether an earlier run's rejected-items file already holds it. */
  private readonly pending: [RejectedItem, boolean][] = [];
  private readonly rejects: RejectsSink;
  private readonly workspace: string | undefined;

  constructor(rejects: RejectsSink, workspace: string | undefined) {
    this.rejects = rejects;
    this.workspace = workspace;
  }

  /** A rejection from a callback that cannot wait; written at the next drain. */
  queue(rejected: RejectedItem, written = false): void {
    this.pending.push([rejected, written]);
  }

  /** `written`: an earlier run's rejected-items file already holds it (a resumed import): counted, not written again. */
  async reject(rejected: RejectedItem, count = 1, written = false): Promise<void> {
    this.errors += count;
    // A repository file by its path in the repository, as annotations name it, not the runner's absolute path.
    const inRepo = inRepository(rejected.object, this.workspace);
    if (this.samples.length < MAX_SAMPLES) {
      const shown = inRepo ?? rejected.object;
      this.samples.push({
        location: rejected.line === undefined ? shown : `${shown}:${rejected.line}`,
        code: rejected.code,
        message: rejected.message,
      });
    }
    const file = rejected.line === undefined ? undefined : inRepo;
    if (file !== undefined && this.annotations.length < MAX_ANNOTATIONS)
      this.annotations.push({ file, line: rejected.line as number, message: `${rejected.code}: ${rejected.message}` });
    else if (file !== undefined) this.annotationsOmitted += 1;
    if (written) return;
    this.filed += 1;
    await this.rejects.add(rejected);
  }

  async drain(): Promise<void> {
    for (let next = this.pending.shift(); next !== undefined; next = this.pending.shift())
      await this.reject(next[0], 1, next[1]);
  }

  /** Writes what is queued and finishes the rejected-items file; its location if anything was rejected. */
  async close(): Promise<string | undefined> {
    await this.drain();
    return this.rejects.close();
  }
}

/** A path inside the repository checkout, relative to it, with / separators. */
function inRepository(object: string, workspace: string | undefined): string | undefined {
  if (workspace === undefined) return undefined;
  const root = resolve(workspace);
  if (!object.startsWith(`${root}${sep}`)) return undefined;
  return relative(root, object).split(sep).join('/');
}
