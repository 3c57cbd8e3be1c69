// Every input read and checked in one place into one typed Plan. All checks
// that need no network happen here, and all problems are reported together.

import { tmpdir } from 'node:os';
import { isAbsolute, relative, resolve } from 'node:path';
import type { TableCreationParameters } from '@aws-sdk/client-dynamodb';
import { Input } from './constants.js';
import { type Env, InputReader } from './input-reader.js';
import { readExportSettings } from './inputs-export.js';
import { optional } from './optional.js';
import {
  TABLE_NAME_RULE,
  checkAccountId,
  checkBucket,
  checkClientToken,
  checkPrefix,
  checkRegion,
  checkTableName,
  checkUrl,
} from './parsing/names.js';
import { parseBoolean, parseDuration, parseEnum, parseInteger, InvalidValue } from './parsing/values.js';
import { expandTemplate } from './parsing/templates.js';
import { buildTableParameters, parseKeyShorthand, parseTableCreationParameters } from './parsing/table-parameters.js';
import type {
  AwsSettings,
  CsvOptions,
  EngineDecision,
  ExistingTable,
  Format,
  ImportSource,
  Location,
  Mode,
  Plan,
} from './plan.js';

function isValid(check: (value: string) => string, value: string): boolean {
  try {
    check(value);
    return true;
  } catch {
    return false;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export interface PlanContext {
  env: Env;
  now: Date;
  cwd: string;
}

const MODES: readonly Mode[] = ['export', 'import', 'validate'];

export function readPlan(context: PlanContext): Plan {
  const r = new InputReader(context.env);
  const mode = r.parse(Input.Mode, (v) => parseEnum(v, MODES));
  if (mode === undefined && !r.given(Input.Mode)) r.missing(Input.Mode, `expected one of ${MODES.join(', ')}`);
  if (mode === undefined) {
    // Without a mode only the inputs every mode shares can be checked.
    readCommon(r, context, { engine: 'direct', reason: '' });
    r.throwIfAny();
  }
  const plan = buildPlan(r, context, mode ?? 'validate');
  r.throwIfAny();
  return plan;
}

function readCommon(r: InputReader, context: PlanContext, engine: EngineDecision) {
  return {
    engine,
    aws: readAwsSettings(r, context.env),
    concurrency: r.parse(Input.Concurrency, (v) => parseInteger(v, 1, 256)) ?? 16,
    waiting: {
      wait: r.parse(Input.Wait, parseBoolean) ?? true,
      timeoutMs: r.parse(Input.Timeout, (v) => parseDuration(v, 1000, 72 * 3_600_000, 'from 1s to 72h')) ?? 0,
      pollIntervalMs: r.parse(Input.PollInterval, (v) => parseDuration(v, 1000, 60_000, 'from 1s to 60s')) ?? 0,
    },
    maxErrors: r.parse(Input.MaxErrors, (v) => parseInteger(v, 0, Number.MAX_SAFE_INTEGER)) ?? 0,
    ...optional('clientToken', r.parse(Input.ClientToken, checkClientToken)),
  };
}

function buildPlan(r: InputReader, context: PlanContext, mode: Mode): Plan {
  const existingTable =
    r.parse(Input.ExistingTable, (v) => parseEnum<ExistingTable>(v, ['fail', 'merge', 'replace'])) ?? 'fail';
  const common = readCommon(r, context, decideEngine(r, mode, existingTable));
  const engine = common.engine;

  if (mode === 'export') {
    rejectImportOnlyInputs(r);
    const settings = readExportSettings(r, context, engine);
    const table = settings.table;
    const destination = readLocation(r, context, mode, table.name) ?? placeholderLocation;
    return { mode, ...common, ...settings, destination };
  }

  rejectExportOnlyInputs(r);
  const tableName = r.parse(Input.TableName, checkTableName);
  const [tableParameters, keyInputUnreadable] = readTableParameters(r);
  const source = readImportSource(r, context, mode, tableName ?? tableParameters?.TableName);
  const rejectedItems = readRejectedItems(r, context, source.location);
  if (mode === 'validate') {
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
    };
  }

  const importTable = tableName ?? tableParameters?.TableName;
  if (importTable === undefined && !r.given(Input.TableName)) {
    r.missing(
      Input.TableName,
      'mode: import needs the table to import into: table-name, or TableName in table-creation-parameters',
    );
  } else if (tableName === undefined && importTable !== undefined && !isValid(checkTableName, importTable)) {
    r.reject(Input.TableCreationParameters, importTable, `expected TableName to be ${TABLE_NAME_RULE}`);
  }
  if (existingTable === 'fail' && tableParameters?.KeySchema === undefined && !keyInputUnreadable) {
    r.missing(
      Input.PartitionKey,
      'mode: import with existing-table: fail creates the table, so it needs partition-key (and sort-key) or table-creation-parameters with a KeySchema',
    );
  }
  if (engine.engine === 'managed' && existingTable !== 'fail') {
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
    tableName: importTable ?? '',
    source,
    ...optional('tableParameters', parameters),
    existingTable,
    rejectedItems,
  };
}

const placeholderLocation: Location = { kind: 'local', path: '' };

function decideEngine(r: InputReader, mode: Mode, existingTable: ExistingTable): EngineDecision {
  const requested = r.parse(Input.Engine, (v) => parseEnum(v, ['auto', 'managed', 'direct'] as const)) ?? 'auto';
  if (requested === 'direct') return { engine: 'direct', reason: 'engine: direct was asked for' };
  if (requested === 'managed') {
    if (mode === 'validate') {
      r.reject(
        Input.Engine,
        r.get(Input.Engine),
        'expected auto or direct with mode: validate, which reads the source itself and has no AWS job',
      );
      return { engine: 'direct', reason: 'mode: validate' };
    }
    r.notApplicable(
      Input.Path,
      'expected no path with engine: managed, because AWS reads and writes only S3; use bucket, or engine: direct',
    );
    return { engine: 'managed', reason: 'engine: managed was asked for' };
  }
  if (mode === 'validate')
    return { engine: 'direct', reason: 'mode: validate reads the source here and starts no AWS job' };
  if (r.given(Input.EndpointUrl)) {
    return {
      engine: 'direct',
      reason: "endpoint-url is set, and AWS's managed import and export exist only on AWS itself",
    };
  }
  if (r.given(Input.Path))
    return { engine: 'direct', reason: 'path is a local folder, which only the direct engine can read or write' };
  if (mode === 'import' && existingTable !== 'fail') {
    return {
      engine: 'table-exists',
      reason: `existing-table: ${existingTable} writes into the table if it exists (direct); a new table is created by AWS's ImportTable (managed)`,
    };
  }
  return mode === 'export'
    ? { engine: 'managed', reason: 'AWS exports the table itself (ExportTableToPointInTime), without reading capacity' }
    : { engine: 'managed', reason: "the table is new, so AWS's ImportTable creates and fills it" };
}

function readAwsSettings(r: InputReader, env: Env): AwsSettings {
  const endpointUrl = r.parse(Input.EndpointUrl, checkUrl);
  const s3EndpointUrl = r.parse(Input.S3EndpointUrl, checkUrl);
  let region = r.parse(Input.Region, checkRegion) ?? nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION);
  if (region === undefined) {
    const local =
      endpointUrl !== undefined ||
      nonEmpty(env.AWS_ENDPOINT_URL) !== undefined ||
      nonEmpty(env.AWS_ENDPOINT_URL_DYNAMODB) !== undefined;
    if (local) region = 'us-east-1';
    else if (!r.given(Input.Region)) {
      r.missing(
        Input.Region,
        'no AWS_REGION or AWS_DEFAULT_REGION is set either; give aws-region, or run aws-actions/configure-aws-credentials first',
      );
    }
  }
  const s3Compatible =
    s3EndpointUrl !== undefined ||
    nonEmpty(env.AWS_ENDPOINT_URL_S3) !== undefined ||
    nonEmpty(env.AWS_ENDPOINT_URL) !== undefined;
  return {
    region: region ?? '',
    ...optional('endpointUrl', endpointUrl),
    ...optional('s3EndpointUrl', s3EndpointUrl),
    s3Compatible,
  };
}

/** bucket + prefix, or path: exactly one of the two. */
export function readLocation(
  r: InputReader,
  context: PlanContext,
  mode: Mode,
  table: string | undefined,
): Location | undefined {
  const bucket = r.parse(Input.Bucket, checkBucket);
  const path = r.optional(Input.Path);
  if (r.given(Input.Bucket) && path !== undefined) {
    r.reject(Input.Path, path, 'expected either bucket or path, not both (bucket is set too)');
    return undefined;
  }
  if (path !== undefined) {
    r.notApplicable(Input.Prefix, 'expected no prefix with path; put the whole folder or file in path');
    r.notApplicable(Input.BucketOwner, 'expected no bucket-owner with path, which is a local folder');
    return { kind: 'local', path: resolve(context.env.GITHUB_WORKSPACE ?? context.cwd, path) };
  }
  if (!r.given(Input.Bucket)) {
    r.missing(Input.Bucket, `mode: ${mode} needs bucket (S3) or path (a local file or folder)`);
    return undefined;
  }
  const prefix = r.parse(Input.Prefix, (v) =>
    checkPrefix(expandTemplate(v, { now: context.now, env: context.env, table })),
  );
  const owner = r.parse(Input.BucketOwner, checkAccountId);
  return bucket === undefined ? undefined : { kind: 's3', bucket, prefix: prefix ?? '', ...optional('owner', owner) };
}

function readImportSource(r: InputReader, context: PlanContext, mode: Mode, table: string | undefined): ImportSource {
  const location = readLocation(r, context, mode, table) ?? placeholderLocation;
  const format = r.parse(Input.Format, (v) => parseEnum<Format>(v, ['DYNAMODB_JSON', 'ION', 'CSV'])) ?? 'DYNAMODB_JSON';
  const compression =
    r.parse(Input.Compression, (v) => parseEnum(v, ['NONE', 'GZIP', 'ZSTD', 'auto'] as const)) ?? 'auto';
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

function readCsvOptions(r: InputReader, format: Format): CsvOptions | undefined {
  const rawDelimiter = r.untrimmed(Input.CsvDelimiter);
  const header = r.parse(Input.CsvHeader, parseCsvHeader);
  if (format !== 'CSV') {
    if (rawDelimiter !== ',')
      r.reject(
        Input.CsvDelimiter,
        rawDelimiter,
        `expected no csv-delimiter with format ${format}; it applies to CSV only`,
      );
    if (r.given(Input.CsvHeader))
      r.reject(
        Input.CsvHeader,
        r.get(Input.CsvHeader),
        `expected no csv-header with format ${format}; it applies to CSV only`,
      );
    return undefined;
  }
  const delimiter = CSV_DELIMITERS[rawDelimiter] ?? CSV_DELIMITERS[rawDelimiter.trim().toLowerCase()];
  if (delimiter === undefined) {
    r.reject(Input.CsvDelimiter, rawDelimiter, 'expected one of , ; : | \\t (tab) and a single space');
  }
  return { delimiter: delimiter ?? ',', ...optional('header', header) };
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

/** Where rejected items go: never inside the source, so a re-import does not read them back. */
function readRejectedItems(r: InputReader, context: PlanContext, source: Location): Location {
  const given = r.parse(Input.RejectedItems, parseRejectedItems(context));
  const location = given ?? {
    kind: 'local',
    path: resolve(context.env.RUNNER_TEMP ?? tmpdir(), `dynamodb-s3-transfer-rejected-${context.now.getTime()}.jsonl`),
  };
  if (given !== undefined && inside(location, source)) {
    r.reject(
      Input.RejectedItems,
      r.get(Input.RejectedItems),
      'expected a place outside the source, or a re-import would read the rejected items back',
    );
  }
  return location;
}

function parseRejectedItems(context: PlanContext): (value: string) => Location {
  return (value) => {
    if (!value.startsWith('s3://'))
      return { kind: 'local', path: resolve(context.env.GITHUB_WORKSPACE ?? context.cwd, value) };
    const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(value);
    if (!match?.[1] || !match[2]) throw new InvalidValue('an s3://bucket/key URL or a local file path');
    return { kind: 's3', bucket: match[1], prefix: match[2] };
  };
}

function inside(target: Location, source: Location): boolean {
  if (target.kind === 's3' && source.kind === 's3') {
    return target.bucket === source.bucket && target.prefix.startsWith(source.prefix);
  }
  if (target.kind === 'local' && source.kind === 'local' && source.path !== '') {
    const rel = relative(source.path, target.path);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  }
  return false;
}

const EXPORT_ONLY = [
  Input.TableArn,
  Input.ExportTime,
  Input.IncrementalFrom,
  Input.IncrementalTo,
  Input.FilterExpression,
  Input.ProjectionExpression,
  Input.KeyConditionExpression,
  Input.ExpressionAttributeNames,
  Input.ExpressionAttributeValues,
  Input.SseAlgorithm,
  Input.SseKmsKeyId,
] as const;

function rejectExportOnlyInputs(r: InputReader): void {
  for (const name of EXPORT_ONLY)
    r.notApplicable(name, `expected no ${name} with mode: ${r.get(Input.Mode)}; it applies to mode: export only`);
  for (const name of [Input.ExportType, Input.ExportViewType] as const) {
    if (r.changedFromDefault(name)) r.reject(name, r.get(name), 'expected it only with mode: export');
  }
}

const IMPORT_ONLY = [
  Input.TableCreationParameters,
  Input.PartitionKey,
  Input.SortKey,
  Input.RejectedItems,
  Input.CsvHeader,
] as const;

function rejectImportOnlyInputs(r: InputReader): void {
  for (const name of IMPORT_ONLY) r.notApplicable(name, 'expected it only with mode: import or validate');
  if (r.changedFromDefault(Input.ExistingTable)) {
    r.reject(Input.ExistingTable, r.get(Input.ExistingTable), 'expected it only with mode: import');
  }
}
