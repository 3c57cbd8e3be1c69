// The import and validate inputs: the source and how to read it (format,
// compression, CSV options), the table and its key schema, and where rejected
// items go; and the inputs that apply to import only, refused with export.

import { tmpdir } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import type { TableCreationParameters } from '@aws-sdk/client-dynamodb';
import { Input } from '../constants.js';
import { optional } from '../optional.js';
import { TABLE_NAME_RULE, checkBucket, checkLocalPath, checkTableName, keyProblem } from '../parsing/names.js';
import { buildTableParameters, parseKeyShorthand, parseTableCreationParameters } from '../parsing/table-parameters.js';
import { InvalidValue } from '../parsing/values.js';
import type { CsvOptions, ExistingTable, Format, ImportPlan, ImportSource, Location, ValidatePlan } from '../plan.js';
import {
  type CommonSettings,
  isInside,
  nonEmpty,
  placeholderLocation,
  readCompression,
  readFormat,
  readLocation,
  workspace,
} from './common.js';
import type { InputReader, PlanContext } from './reader.js';
import { keySchemaCanWait, readRestore, rejectReplaceWithRevert, rejectRestoreInputs } from './restore.js';
import { readResume, rejectResumeInputs } from './resume.js';

function isValid(check: (value: string) => string, value: string): boolean {
  try {
    check(value);
    return true;
  } catch {
    return false;
  }
}

export function readImportPlan(
  r: InputReader,
  context: PlanContext,
  mode: 'import' | 'validate',
  common: CommonSettings,
  existingTable: ExistingTable,
): ImportPlan | ValidatePlan {
  const tableName = r.parse(Input.TableName, checkTableName);
  const [tableParameters, keyInputUnreadable] = readTableParameters(r);
  const source = readImportSource(r, context, mode, tableName ?? tableParameters?.TableName);
  const rejectedItems = readRejectedItems(r, context, source.location);
  const restore = readRestore(r, context);
  if (mode === 'validate') {
    rejectResumeInputs(r);
    if (tableParameters?.KeySchema === undefined && tableName === undefined && !keyInputUnreadable) {
      r.missing(
        Input.PartitionKey,
        'mode: validate needs the key schema to check against: partition-key (and sort-key), table-creation-parameters with a KeySchema, or the table-name of an existing table',
      );
    }
    return {
      mode,
      ...common,
      ...optional('tableName', tableName),
      source,
      ...optional('tableParameters', tableParameters),
      rejectedItems,
      restore,
    };
  }

  rejectReplaceWithRevert(r, restore, existingTable);
  const importTable = tableName ?? tableParameters?.TableName;
  // table-creation-parameters that do not parse are reported once: not again as a missing TableName.
  const parametersUnreadable = r.hasProblem(Input.TableCreationParameters);
  if (importTable === undefined && !r.given(Input.TableName) && !parametersUnreadable) {
    r.missing(
      Input.TableName,
      'mode: import needs the table to import into: table-name, or TableName in table-creation-parameters',
    );
  } else if (tableName === undefined && importTable !== undefined && !isValid(checkTableName, importTable)) {
    r.reject(Input.TableCreationParameters, importTable, `expected TableName to be ${TABLE_NAME_RULE}`);
  }
  if (
    existingTable === 'fail' &&
    tableParameters?.KeySchema === undefined &&
    !keyInputUnreadable &&
    !keySchemaCanWait(r, source.location)
  ) {
    r.missing(
      Input.PartitionKey,
      'mode: import with existing-table: fail creates the table, so it needs partition-key (and sort-key) or table-creation-parameters with a KeySchema',
    );
  }
  if (common.engine.engine === 'managed' && existingTable !== 'fail') {
    r.reject(
      Input.ExistingTable,
      existingTable,
      "expected fail with engine: managed, because AWS's ImportTable always creates a new table; use engine: direct (or auto) to write into an existing table",
    );
  }
  const parameters =
    tableParameters === undefined ? undefined : { ...tableParameters, ...optional('TableName', importTable) };
  return {
    mode,
    ...common,
    ...readResume(r, common.engine),
    // Empty only when a problem is recorded, and then no plan is made.
    tableName: importTable ?? '',
    source,
    ...optional('tableParameters', parameters),
    existingTable,
    rejectedItems,
    restore,
  };
}

const IMPORT_ONLY = [
  Input.TableCreationParameters,
  Input.PartitionKey,
  Input.SortKey,
  Input.RejectedItems,
  Input.CsvHeader,
] as const;

/** Refuses the import-only inputs with mode: export; `rejected-items` is allowed with `verify: true` (it names the differences file). */
export function rejectImportOnlyInputs(r: InputReader, options: { verify?: boolean } = {}): void {
  for (const name of IMPORT_ONLY) {
    if (name === Input.RejectedItems && options.verify === true) continue;
    r.notApplicable(name, 'expected it only with mode: import or validate');
  }
  rejectRestoreInputs(r);
  if (r.changedFromDefault(Input.ExistingTable)) {
    r.reject(Input.ExistingTable, r.get(Input.ExistingTable), 'expected it only with mode: import');
  }
}

export function readImportSource(
  r: InputReader,
  context: PlanContext,
  mode: 'import' | 'validate' | 'verify',
  table: string | undefined,
): ImportSource {
  const location = readLocation(r, context, mode, table) ?? placeholderLocation;
  const format = readFormat(r);
  const compression = readCompression(r);
  const csv = readCsvOptions(r, format);
  return { location, format, compression, ...optional('csv', csv) };
}

const CSV_DELIMITERS: Record<string, string> = {
  ',': ',',
  ';': ';',
  ':': ':',
  '|': '|',
  '\t': '\t',
  '\\t': '\t',
  tab: '\t',
  ' ': ' ',
  space: ' ',
};

function parseCsvDelimiter(value: string): string {
  const delimiter = CSV_DELIMITERS[value] ?? CSV_DELIMITERS[value.trim().toLowerCase()];
  if (delimiter === undefined) throw new InvalidValue('one of , ; : | \\t (tab) and a single space');
  return delimiter;
}

function readCsvOptions(r: InputReader, format: Format): CsvOptions | undefined {
  const header = r.parse(Input.CsvHeader, parseCsvHeader);
  if (format !== 'CSV') {
    if (r.untrimmedChangedFromDefault(Input.CsvDelimiter)) {
      r.reject(
        Input.CsvDelimiter,
        r.untrimmed(Input.CsvDelimiter),
        `expected no csv-delimiter with format ${format}; it applies to CSV only`,
      );
    }
    if (r.given(Input.CsvHeader))
      r.reject(
        Input.CsvHeader,
        r.get(Input.CsvHeader),
        `expected no csv-header with format ${format}; it applies to CSV only`,
      );
    return undefined;
  }
  const delimiter = r.parseDefaulted(Input.CsvDelimiter, parseCsvDelimiter, { untrimmed: true });
  return { delimiter, ...optional('header', header) };
}

function parseCsvHeader(value: string): string[] {
  const names = value.split(',').map((n) => n.trim());
  if (names.some((n) => n === '')) throw new InvalidValue('comma-separated column names, none of them empty');
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate !== undefined)
    throw new InvalidValue(`comma-separated column names, each once; ${duplicate} appears twice`);
  return names;
}

/** The table parameters, and whether a key schema input was given but could not be read (already reported). */
function readTableParameters(r: InputReader): [Partial<TableCreationParameters> | undefined, boolean] {
  const params = r.parse(Input.TableCreationParameters, parseTableCreationParameters);
  const partitionKey = r.parse(Input.PartitionKey, parseKeyShorthand);
  const unreadable =
    (r.given(Input.TableCreationParameters) && params === undefined) ||
    (r.given(Input.PartitionKey) && partitionKey === undefined);
  const sortKey = r.parse(Input.SortKey, parseKeyShorthand);
  if (r.given(Input.SortKey) && !r.given(Input.PartitionKey)) {
    r.missing(Input.PartitionKey, 'sort-key is set, and a sort key needs a partition key');
  }
  if (partitionKey !== undefined && params?.KeySchema !== undefined) {
    r.reject(
      Input.PartitionKey,
      r.get(Input.PartitionKey),
      'expected no partition-key when table-creation-parameters has a KeySchema; give the key schema in one place',
    );
  }
  return [buildTableParameters(params, partitionKey, sortKey), unreadable];
}

/**
 * Where rejected items go: never where the source would list them, or a
 * re-import would read them back; a relative path stays in the workspace.
 */
export function readRejectedItems(
  r: InputReader,
  context: PlanContext,
  source: Location,
  what: 'rejected' | 'differences' = 'rejected',
): Location {
  const given = r.parse(Input.RejectedItems, parseFileLocation(resolve(workspace(context))));
  if (given === undefined) return defaultFileInTemp(context, what);
  if (listedBy(source, given)) {
    r.reject(
      Input.RejectedItems,
      r.get(Input.RejectedItems),
      'expected a place outside the source, or a re-import would read the rejected items back',
    );
  }
  return given;
}

/** An s3://bucket/key URL or a local file path (a relative one inside `base`): rejected-items, checkpoint. */
export function parseFileLocation(base: string): (value: string) => Location {
  return (value) => {
    if (!value.startsWith('s3://')) {
      checkLocalPath(value);
      const path = resolve(base, value);
      if (!isAbsolute(value) && !isInside(path, base)) {
        throw new InvalidValue(
          `a local path inside the workspace (${base}) when it is relative, or an absolute path; this one resolves to ${path}`,
        );
      }
      return { kind: 'local', path };
    }
    const match = /^s3:\/\/([^/]+)\/([\s\S]+)$/.exec(value);
    if (!match?.[1] || !match[2]) throw new InvalidValue('an s3://bucket/key URL or a local file path');
    const [, bucket, key] = match;
    if (!isValid(checkBucket, bucket)) {
      throw new InvalidValue(
        'an s3://bucket/key URL whose bucket is an S3 bucket name: 3 to 63 characters from a-z, 0-9, . and -',
      );
    }
    const problem = keyProblem(key);
    if (problem !== undefined) throw new InvalidValue(`an s3://bucket/key URL with a key ${problem}`);
    return { kind: 's3', bucket, prefix: key };
  };
}

/** The default place of the rejected-items or differences file: a new file under RUNNER_TEMP. */
export function defaultFileInTemp(context: PlanContext, what: 'rejected' | 'differences'): Location {
  return {
    kind: 'local',
    path: resolve(
      nonEmpty(context.env.RUNNER_TEMP) ?? tmpdir(),
      `dynamodb-s3-transfer-${what}-${context.now.getTime()}.jsonl`,
    ),
  };
}

/**
 * Whether reading the source would list `target`: an S3 key under the
 * source's prefix (S3 prefixes match any key that starts with them) in the
 * same bucket, or a local path that is the source or inside it. A local
 * source file means that file alone, so a file beside it whose name starts
 * with the source's (`items.json.rejected.jsonl`) is not listed.
 */
export function listedBy(source: Location, target: Location): boolean {
  if (target.kind === 's3' && source.kind === 's3') {
    return target.bucket === source.bucket && target.prefix.startsWith(source.prefix);
  }
  if (target.kind === 'local' && source.kind === 'local' && source.path !== '') {
    return isInside(target.path, source.path);
  }
  return false;
}
