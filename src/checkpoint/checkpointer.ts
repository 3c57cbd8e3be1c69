// Saves an import's checkpoint: before the table is created and once it is
// ready (so a run killed at once is resumed, its table and rejected-items
// place known as its own), every few seconds while it runs (in the
// background, one save at a time, never holding the writes up), at the end
// of each object, and once more when the import stops, however it stops. A
// place that fails is warned about once and not used again: a checkpoint
// never fails the step.

import type { CheckpointPlace } from './places.js';
import {
  CHECKPOINT_KIND,
  CHECKPOINT_VERSION,
  type CheckpointCounts,
  type ImportCheckpoint,
  type TableIdentity,
} from './state.js';
import type { Watermark } from './watermark.js';

/** What stays the same for the whole run, and what earlier runs did. */
export type CheckpointBase = Pick<
  ImportCheckpoint,
  'identity' | 'objects' | 'rejectedItems' | 'rejectsPlaces' | 'runs' | 'table'
> & {
  earlier: CheckpointCounts;
};

export interface CheckpointerDeps {
  now: () => number;
  log: (line: string) => void;
  warn: (line: string) => void;
  /** Once anything was rejected, where this run's rejected items go. */
  rejectedItems: () => string | undefined;
  /** Where this run's rejected items would go: claimed in the checkpoint before anything is written there. */
  rejectsPlace: string;
}

export class Checkpointer {
  private lastSave: number;
  private saving: Promise<void> | undefined;
  private broken = false;
  private readonly place: CheckpointPlace;
  private readonly base: CheckpointBase;
  private table: TableIdentity | null;
  private readonly watermark: Watermark;
  private readonly deps: CheckpointerDeps;

  /** `disabled`: the place could not even be read; nothing is saved to it. */
  constructor(
    place: CheckpointPlace,
    base: CheckpointBase,
    watermark: Watermark,
    deps: CheckpointerDeps,
    disabled = false,
  ) {
    this.broken = disabled;
    this.place = place;
    this.base = base;
    this.table = base.table;
    this.watermark = watermark;
    this.deps = deps;
    this.lastSave = deps.now();
  }

  get description(): string {
    return this.place.description;
  }

  /**
   * Starts a save in the background when the place's interval has passed
   * (at an object's end, its shorter gap) and none is under way; a save at
   * an object's end is logged.
   */
  tick(objectEnd = false): void {
    if (this.broken || this.saving !== undefined) return;
    const gap = objectEnd ? this.place.objectGapMs : this.place.intervalMs;
    if (this.deps.now() - this.lastSave < gap) return;
    this.lastSave = this.deps.now();
    const state = this.state(false);
    const saved = this.attempt(() => this.place.save(JSON.stringify(state)));
    this.saving = saved
      .then((ok) => {
        if (ok && objectEnd)
          this.deps.log(`Checkpoint saved to ${this.place.description}: ${describePosition(state)}.`);
      })
      .finally(() => {
        this.saving = undefined;
      });
  }

  /**
   * Saved at once, awaited: before the table is created (`table` null) and as
   * soon as it is ready, before anything is written into it or the
   * rejected-items file.
   */
  async saveNow(table: TableIdentity | null): Promise<void> {
    this.table = table;
    await this.saving;
    if (this.broken) return;
    this.lastSave = this.deps.now();
    await this.attempt(() => this.place.save(this.text(false)));
  }

  /**
   * The last save: the checkpoint as the import stopped, or, when it
   * completed, nothing left to resume. `rejectsClosed`: the rejected-items
   * file is whole, so the records rejected past the position are in it.
   */
  async finish(completed: boolean, rejectsClosed = false): Promise<void> {
    await this.saving;
    if (this.broken) return;
    const text = JSON.stringify(this.state(completed, rejectsClosed));
    await this.attempt(() => (completed ? this.place.complete(text) : this.place.save(text)));
  }

  state(completed: boolean, rejectsClosed = false): ImportCheckpoint {
    const rejectedItems = this.deps.rejectedItems();
    const { earlier } = this.base;
    // Those of the records before the position: the ones after it are done again by a resumed run.
    const counts = this.watermark.counts;
    const places = this.base.rejectsPlaces;
    return {
      kind: CHECKPOINT_KIND,
      version: CHECKPOINT_VERSION,
      identity: this.base.identity,
      table: this.table,
      objects: this.base.objects,
      position: this.watermark.position,
      objectRecords: this.watermark.finishedRecords,
      counts: {
        processed: earlier.processed + counts.processed,
        imported: earlier.imported + counts.imported,
        errors: earlier.errors + counts.errors,
      },
      rejectedItems:
        rejectedItems === undefined ? this.base.rejectedItems : [...this.base.rejectedItems, rejectedItems],
      rejectsPlaces: places.includes(this.deps.rejectsPlace) ? places : [...places, this.deps.rejectsPlace],
      // This run's only from a whole file: a killed run's file may lack its last lines, so they are rejected again.
      rejectedAhead: this.watermark.rejectedAhead(rejectsClosed),
      runs: this.base.runs + 1,
      completed,
      savedAt: new Date(this.deps.now()).toISOString(),
    };
  }

  private text(completed: boolean): string {
    return JSON.stringify(this.state(completed));
  }

  /** True when saved; a failure is warned about once, and the place is not used again. */
  private async attempt(save: () => Promise<void>): Promise<boolean> {
    try {
      await save();
      return true;
    } catch (error) {
      this.broken = true;
      this.deps.warn(
        `The checkpoint could not be saved to ${this.place.description} (${error instanceof Error ? error.message : String(error)}); the import goes on without saving it again, so a re-run resumes from an earlier checkpoint or starts over.`,
      );
      return false;
    }
  }
}

/** `3 of 8 object(s) done, and 950 record(s) of the next`. */
export function describePosition(state: Pick<ImportCheckpoint, 'position' | 'objects'>): string {
  const { finished, records } = state.position;
  const within = records > 0 ? `, and ${records.toLocaleString('en-US')} record(s) of the next` : '';
  return `${finished.toLocaleString('en-US')} of ${state.objects.length.toLocaleString('en-US')} object(s) done${within}`;
}
