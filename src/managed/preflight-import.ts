// Checks that cost nothing and save a failed paid import: the prefix holds
// objects (AWS completes with an empty table otherwise), no more than 50,000,
// it is not an export's root, the table does not exist yet, the compression
// is known, and the first items parse with their keys present.

import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describeTable } from '../aws/table.js';
import { TransferError } from '../errors.js';
import { compressionOf } from '../formats/compression.js';
import { keyChecksFrom } from '../formats/item-checks.js';
import type { DecodeError } from '../formats/records.js';
import type { Compression, ImportPlan } from '../plan.js';
import { MANIFEST_FILE_NAMES, exportFileOf, exportFolder } from '../sources/export-folder.js';
import { MAX_SOURCE_OBJECTS } from '../sources/resolve.js';
import { refuseUnreadable, sampleObject } from '../sources/sample.js';
import { S3Store } from '../storage/s3.js';
import type { ReadGuard } from '../storage/s3-read.js';
import type { S3Access } from '../aws/lazy-clients.js';

export interface ImportPreflight {
  /** Legal but probably wrong: sorted data, very large objects. */
  warnings: string[];
  objectCount: number;
  firstKey: string;
  compression: Compression;
  sampled: number;
  sampleErrors: DecodeError[];
}

export async function preflightImport(
  plan: ImportPlan,
  dynamodb: DynamoDBClient,
  s3: S3Access,
  guard?: ReadGuard,
): Promise<ImportPreflight> {
  const location = plan.source.location;
  if (location.kind !== 's3')
    throw new TransferError(
      'INVALID_INPUT',
      'The managed engine imports from S3 only; use bucket and prefix, or engine: direct for a local path.',
    );
  const store = new S3Store(s3, location.bucket, {
    ...(location.owner !== undefined && { owner: location.owner }),
    ...(guard !== undefined && { guard }),
  });

  let objectCount = 0;
  let firstKey: string | undefined;
  const warnings: string[] = [];
  for await (const object of store.list(location.prefix, MAX_SOURCE_OBJECTS + 1)) {
    const inExport = exportFileOf(object.key);
    if (inExport !== undefined && MANIFEST_FILE_NAMES.includes(inExport.file)) {
      throw new TransferError(
        'SOURCE_IS_EXPORT_ROOT',
        `${store.describe(location.prefix)} holds an export's manifests (${object.key}); AWS's ImportTable reads data files only: set prefix to ${exportFolder(inExport.root, inExport.exportId)}data/`,
      );
    }
    if (object.key.endsWith('/')) continue;
    objectCount += 1;
    firstKey ??= object.key;
    if (object.size > LARGE_OBJECT_BYTES) {
      warnings.push(
        `${store.describe(object.key)} is ${(object.size / 1024 ** 3).toFixed(1)} GiB; AWS recommends mid-sized objects (about 4,000,000 items of under 1 KB each), which import in parallel.`,
      );
    }
  }
  if (firstKey === undefined) {
    throw new TransferError(
      'SOURCE_EMPTY',
      `No objects found under ${store.describe(location.prefix)}; AWS would complete the import with an empty table. Nothing was started.`,
    );
  }
  if (objectCount > MAX_SOURCE_OBJECTS) {
    throw new TransferError(
      'SOURCE_TOO_MANY_OBJECTS',
      `More than ${MAX_SOURCE_OBJECTS.toLocaleString('en-US')} objects under ${store.describe(location.prefix)}; ImportTable reads at most ${MAX_SOURCE_OBJECTS.toLocaleString('en-US')}. Consolidate them or narrow the prefix.`,
    );
  }
  if ((await describeTable(dynamodb, plan.tableName)) !== undefined) {
    throw new TransferError(
      'TABLE_EXISTS',
      `Table ${plan.tableName} already exists, and AWS's ImportTable only creates new tables (it would fail with ResourceInUseException). Choose another table-name, delete the table, or use engine: direct with existing-table: merge.`,
    );
  }

  // Sample the first object: the compression, then the first items.
  const compression =
    plan.source.compression === 'auto' ? await compressionOf(store.read(firstKey)) : plan.source.compression;
  const keys = keyChecksFrom(plan.tableParameters ?? {});
  const options = {
    format: plan.source.format,
    compression,
    keys,
    ...(plan.source.csv === undefined ? {} : { csv: plan.source.csv }),
  } as const;
  const sample = await sampleObject(store, firstKey, options);
  refuseUnreadable(sample, store.describe(firstKey), `${plan.source.format} (${compression})`, 'Nothing was started.');
  const partitionKey = keys[0]?.name;
  const partitionValues = sample.records.flatMap((r) =>
    'error' in r || partitionKey === undefined ? [] : [JSON.stringify(r.item[partitionKey] ?? null)],
  );
  if (partitionKey !== undefined && looksSorted(partitionValues)) {
    warnings.push(
      `The first items of ${store.describe(firstKey)} are in order of their partition key ${partitionKey}: sorted data makes a rolling hot partition during the import. AWS recommends shuffling it first.`,
    );
  }
  return {
    warnings,
    objectCount,
    firstKey,
    compression,
    sampled: sample.records.length,
    sampleErrors: sample.errors,
  };
}

/** AWS recommends mid-sized objects; past about 4 GiB an object is imported by one worker. */
const LARGE_OBJECT_BYTES = 4 * 1024 ** 3;

/** Sorted by partition key: mostly runs of equal keys, or keys in ascending order. */
export function looksSorted(values: readonly string[]): boolean {
  if (values.length < 10) return false;
  let repeats = 0;
  let ascending = 0;
  for (let i = 1; i < values.length; i++) {
    if (values[i] === values[i - 1]) repeats += 1;
    else if ((values[i] as string) > (values[i - 1] as string)) ascending += 1;
  }
  const pairs = values.length - 1;
  return repeats / pairs >= 0.5 || (repeats + ascending) / pairs >= 0.95;
}
