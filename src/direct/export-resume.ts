// Finds the unfinished direct export a run continues (`resume: auto`): under
// the destination's prefix, the newest export folder of this table with a
// `_started` and a checkpoint and no manifest-summary.json. Its checkpoint is
// checked (see export-checkpoint.ts), and so is every data file it names
// (there, the same size, the same MD5) and every segment's position (DynamoDB
// takes it as a start key of that segment); what a killed run left beside them
// (a data file it did not finish, a multipart upload) is removed. A folder
// that fails a check is left as it is, and the export starts over.

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { EXPORT_ID, type ExportPaths, Md5Tracker, exportPaths } from '../formats/manifest.js';
import { S3Store } from '../storage/s3.js';
import type { Store } from '../storage/store.js';
import {
  CHECKPOINT_MAX_BYTES,
  CHECKPOINT_NAME,
  CheckpointRefused,
  type ExportCheckpoint,
  type ExportRequest,
  parseCheckpoint,
  sumItems,
} from './export-checkpoint.js';

/** Keys listed under AWSDynamoDB/ at most, to find unfinished exports. */
const LIST_LIMIT = 1_000_000;

export interface ResumePoint {
  paths: ExportPaths;
  checkpoint: ExportCheckpoint;
}

/** Why DynamoDB refuses `key` as a start key of the segment (a ValidationException), or undefined. */
export type PositionProbe = (
  segment: number,
  total: number,
  key: Record<string, AttributeValue>,
) => Promise<string | undefined>;

export function checkpointKey(paths: ExportPaths): string {
  return `${paths.folder}${CHECKPOINT_NAME}`;
}

/** The export to continue, or undefined (each folder passed over is said in the log). */
export async function findResumePoint(
  store: Store,
  prefix: string,
  request: ExportRequest,
  log: (line: string) => void,
  check?: { probe: PositionProbe; warn: (line: string) => void },
): Promise<ResumePoint | undefined> {
  let candidates: string[];
  try {
    candidates = await unfinishedExports(store, prefix);
  } catch (error) {
    // Without s3:ListBucket an export still works; it only cannot be continued.
    log(`Could not look for an unfinished export to continue, so a new one starts: ${(error as Error).message}`);
    return undefined;
  }
  for (const exportId of candidates) {
    const paths = exportPaths(prefix, exportId);
    try {
      const checkpoint = await readCheckpoint(store, paths, request);
      await checkDataFiles(store, paths, checkpoint);
      const refused = check === undefined ? undefined : await checkPositions(checkpoint, check.probe);
      if (refused !== undefined) {
        check?.warn(
          `Not continuing the unfinished export ${exportId}, starting over: in its checkpoint ${store.describe(checkpointKey(paths))}, ${refused}. Its folder is left as it is; resume: never starts a new export without looking for one to continue.`,
        );
        return undefined;
      }
      await removeLeftovers(store, paths, checkpoint, log);
      return { paths, checkpoint };
    } catch (error) {
      if (!(error instanceof CheckpointRefused)) throw error;
      const where = store.describe(checkpointKey(paths));
      if (error.kind === 'other-table') {
        log(`Not continuing ${where}: ${error.message}.`);
        continue;
      }
      log(
        `Not continuing the unfinished export ${exportId}, starting over: ${where} cannot be used, as ${error.message}. Its folder is left as it is.`,
      );
      return undefined;
    }
  }
  return undefined;
}

/** The log line of a continued export: what the earlier runs did, and what is left. */
export function continuing(checkpoint: ExportCheckpoint, folder: string): string {
  const left = checkpoint.segments.filter((s) => !s.done).length;
  const items = sumItems(checkpoint.files).toLocaleString('en-US');
  return `Continuing the unfinished export ${checkpoint.exportId} in ${folder} (resume: auto): ${checkpoint.files.length} data file(s) with ${items} item(s) were finished by an earlier run; ${left} of ${checkpoint.segments.length} segment(s) left.`;
}

/** The summary's sentence on a continued export: what earlier runs had done. */
export function continuedNote(checkpoint: ExportCheckpoint, items: number): string {
  return `This run continued the unfinished export ${checkpoint.exportId} (resume: auto): its ${checkpoint.files.length} data file(s) with ${items.toLocaleString('en-US')} item(s) from earlier runs were checked against their MD5s and kept.`;
}

/**
 * Each unfinished segment's position, tried as its start key (one item read
 * each): a key DynamoDB refuses would fail every run of the step.
 */
async function checkPositions(checkpoint: ExportCheckpoint, probe: PositionProbe): Promise<string | undefined> {
  const total = checkpoint.segments.length;
  for (const [i, segment] of checkpoint.segments.entries()) {
    if (segment.done || segment.lastEvaluatedKey === null) continue;
    const refused = await probe(i, total, segment.lastEvaluatedKey);
    if (refused !== undefined)
      return `segment ${i} of ${total} stands at ${JSON.stringify(segment.lastEvaluatedKey)}, which DynamoDB refuses as a start key of that segment (${refused})`;
  }
  return undefined;
}

/** Export ids with a _started and a checkpoint and no manifest-summary.json, newest first. */
async function unfinishedExports(store: Store, prefix: string): Promise<string[]> {
  const root = exportPaths(prefix, 'x').folder.slice(0, -'x/'.length);
  const found = new Map<string, Set<string>>();
  for await (const object of store.list(root, LIST_LIMIT)) {
    const [id, name, ...rest] = object.key.slice(root.length).split('/');
    if (id === undefined || name === undefined || rest.length > 0 || !EXPORT_ID.test(id)) continue;
    const names = found.get(id) ?? new Set<string>();
    names.add(name);
    found.set(id, names);
  }
  return [...found]
    .filter(([, n]) => n.has('_started') && n.has(CHECKPOINT_NAME) && !n.has('manifest-summary.json'))
    .map(([id]) => id)
    .sort()
    .reverse();
}

async function readCheckpoint(store: Store, paths: ExportPaths, request: ExportRequest): Promise<ExportCheckpoint> {
  let text: string | undefined;
  try {
    text = await store.readText(checkpointKey(paths), CHECKPOINT_MAX_BYTES);
  } catch (error) {
    throw new CheckpointRefused('unusable', `it could not be read (${(error as Error).message})`);
  }
  if (text === undefined) throw new CheckpointRefused('unusable', 'it is gone');
  return parseCheckpoint(text, paths, request);
}

/** Every data file the checkpoint names is there with its MD5 (read back in full: an S3 ETag of a multipart upload is no MD5). */
async function checkDataFiles(store: Store, paths: ExportPaths, checkpoint: ExportCheckpoint): Promise<void> {
  const sizes = new Map<string, number>();
  for await (const object of store.list(paths.dataFolder, LIST_LIMIT)) sizes.set(object.key, object.size);
  for (const file of checkpoint.files) {
    const size = sizes.get(file.dataFileS3Key);
    if (size === undefined)
      throw new CheckpointRefused('unusable', `data file ${file.dataFileS3Key} it names does not exist`);
    const md5 = new Md5Tracker();
    let read = 0;
    try {
      for await (const chunk of md5.track(store.read(file.dataFileS3Key, size))) read += chunk.byteLength;
    } catch (error) {
      throw new CheckpointRefused(
        'unusable',
        `data file ${file.dataFileS3Key} could not be read (${(error as Error).message})`,
      );
    }
    if (read !== size)
      throw new CheckpointRefused('unusable', `data file ${file.dataFileS3Key} gave ${read} of its ${size} bytes`);
    if (md5.base64() !== file.md5Checksum)
      throw new CheckpointRefused(
        'unusable',
        `data file ${file.dataFileS3Key} has MD5 ${md5.base64()}, not the ${file.md5Checksum} it recorded`,
      );
  }
}

/** Data files the checkpoint does not name (written when the run was killed), and unfinished multipart uploads. */
async function removeLeftovers(
  store: Store,
  paths: ExportPaths,
  checkpoint: ExportCheckpoint,
  log: (line: string) => void,
): Promise<void> {
  const named = new Set(checkpoint.files.map((f) => f.dataFileS3Key));
  const leftovers: string[] = [];
  for await (const object of store.list(paths.dataFolder, LIST_LIMIT)) {
    if (!named.has(object.key)) leftovers.push(object.key);
  }
  for (const key of leftovers) {
    await store.delete(key).catch((error: unknown) => {
      throw new CheckpointRefused(
        'unusable',
        `data file ${key}, which the stopped run had not finished, could not be removed (${(error as Error).message})`,
      );
    });
  }
  if (leftovers.length > 0)
    log(
      `Removed ${leftovers.length} data file(s) the stopped run had not finished: ${leftovers.map((k) => store.describe(k)).join(', ')}`,
    );
  if (store instanceof S3Store) {
    // An unfinished upload is in no listing, so it cannot end up in the export: one that cannot be aborted is only said.
    const aborted = await store.abortUploads(paths.folder).catch((error: unknown) => {
      log(`Could not abort the multipart uploads the stopped run left: ${(error as Error).message}`);
      return 0;
    });
    if (aborted === undefined)
      log(
        `The S3 server cannot list multipart uploads: any the stopped run left under ${store.describe(paths.folder)} stay until a lifecycle rule removes them.`,
      );
    else if (aborted > 0) log(`Aborted ${aborted} multipart upload(s) the stopped run left unfinished.`);
  }
}
