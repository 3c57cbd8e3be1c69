// The export inputs: table, format, point in time or incremental window,
// filter expressions and encryption; and the inputs that apply to export only,
// refused in the other modes.

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { Input } from '../constants.js';
import { fromDynamoJson } from '../formats/attribute-value.js';
import { optional } from '../optional.js';
import { checkTableName, parseTableArn } from '../parsing/names.js';
import { InvalidValue, formatDuration, parseEnum, parseTime } from '../parsing/values.js';
import type { Compression, EngineDecision, ExportExpressions, ExportPlan, Format, ViewType } from '../plan.js';
import { type CommonSettings, placeholderLocation, readCompression, readFormat, readLocation } from './common.js';
import type { InputReader, PlanContext } from './reader.js';
import { readResume } from './resume.js';

const MIN_WINDOW_MS = 15 * 60_000;
const MAX_WINDOW_MS = 24 * 3_600_000;
// A runner's clock may run a little ahead of AWS's; allow it.
const CLOCK_SKEW_MS = 60_000;

export function readExportPlan(r: InputReader, context: PlanContext, common: CommonSettings): ExportPlan {
  const engine = common.engine;
  const table = readTable(r);
  const format = exportFormat(r, readFormat(r));
  const compression = exportCompression(r, readCompression(r), engine);
  const expressions = readExpressions(r);
  const encryption = readEncryption(r);
  const exportType = readExportType(r, context.now, engine);
  const destination = readLocation(r, context, 'export', table.name) ?? placeholderLocation;
  return {
    mode: 'export',
    ...common,
    ...readResume(r, engine),
    table,
    format,
    compression,
    exportType,
    ...optional('expressions', expressions),
    ...optional('encryption', encryption),
    destination,
  };
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

/** Refuses the export-only inputs with mode: import or validate. */
export function rejectExportOnlyInputs(r: InputReader): void {
  for (const name of EXPORT_ONLY)
    r.notApplicable(name, `expected no ${name} with mode: ${r.get(Input.Mode)}; it applies to mode: export only`);
  for (const name of [Input.ExportType, Input.ExportViewType] as const) {
    if (r.changedFromDefault(name)) r.reject(name, r.get(name), 'expected it only with mode: export');
  }
}

function readTable(r: InputReader): ExportPlan['table'] {
  const name = r.parse(Input.TableName, checkTableName);
  const arn = r.parse(Input.TableArn, parseTableArn);
  if (!r.given(Input.TableName) && !r.given(Input.TableArn)) {
    r.missing(Input.TableName, 'mode: export needs table-name or table-arn');
  }
  if (name !== undefined && arn !== undefined && arn.name !== name) {
    r.reject(Input.TableArn, arn.arn, `expected the ARN of table ${name} (table-name), but it names ${arn.name}`);
  }
  return { ...optional('name', name ?? arn?.name), ...optional('arn', arn?.arn) };
}

/** DynamoDB exports write DynamoDB JSON or Ion. */
function exportFormat(r: InputReader, format: Format): ExportPlan['format'] {
  if (format !== 'CSV') return format;
  r.reject(
    Input.Format,
    r.get(Input.Format),
    'expected DYNAMODB_JSON or ION with mode: export (DynamoDB exports do not write CSV)',
  );
  return 'DYNAMODB_JSON';
}

/** `auto` writes GZIP, as AWS does; AWS's own export writes nothing else. */
function exportCompression(r: InputReader, value: Compression | 'auto', engine: EngineDecision): Compression {
  const compression = value === 'auto' ? 'GZIP' : value;
  if (engine.engine === 'managed' && compression !== 'GZIP') {
    r.reject(
      Input.Compression,
      r.get(Input.Compression),
      "expected GZIP or auto with engine: managed, because AWS's export writes GZIP only; use engine: direct for ZSTD or NONE",
    );
  }
  return compression;
}

const EXPORT_TYPES = ['FULL_EXPORT', 'INCREMENTAL_EXPORT'] as const;
const VIEW_TYPES: readonly ViewType[] = ['NEW_AND_OLD_IMAGES', 'NEW_IMAGE'];

function readExportType(r: InputReader, now: Date, engine: EngineDecision): ExportPlan['exportType'] {
  const kind = r.parseDefaulted(Input.ExportType, (v) => parseEnum(v, EXPORT_TYPES));
  if (kind === 'INCREMENTAL_EXPORT' && engine.engine === 'direct') {
    r.reject(
      Input.ExportType,
      r.get(Input.ExportType),
      `expected FULL_EXPORT with the direct engine (${engine.reason}), which cannot export incrementally yet; incremental exports run on AWS with engine: managed`,
    );
  }
  const time = (
    name: typeof Input.ExportTime | typeof Input.IncrementalFrom | typeof Input.IncrementalTo,
  ): Date | undefined => r.parse(name, (v) => notInFuture(parseTime(v, now), now));
  if (kind === 'FULL_EXPORT') {
    for (const name of [Input.IncrementalFrom, Input.IncrementalTo] as const) {
      r.notApplicable(name, 'expected it only with export-type: INCREMENTAL_EXPORT');
    }
    if (r.changedFromDefault(Input.ExportViewType)) {
      r.reject(
        Input.ExportViewType,
        r.get(Input.ExportViewType),
        'expected it only with export-type: INCREMENTAL_EXPORT',
      );
    }
    return { kind, ...optional('exportTime', time(Input.ExportTime)) };
  }
  r.notApplicable(
    Input.ExportTime,
    'expected no export-time with export-type: INCREMENTAL_EXPORT; give incremental-from and incremental-to',
  );
  const viewType = r.parseDefaulted(Input.ExportViewType, (v) => parseEnum(v, VIEW_TYPES));
  const from = time(Input.IncrementalFrom);
  // No incremental-to means now (action.yml: "Default: now"), a time only known here.
  const to = time(Input.IncrementalTo) ?? (r.given(Input.IncrementalTo) ? undefined : now);
  if (!r.given(Input.IncrementalFrom))
    r.missing(Input.IncrementalFrom, 'export-type: INCREMENTAL_EXPORT needs the start of its window');
  if (from !== undefined && to !== undefined) checkWindow(r, from, to);
  // `now` stands in only where a problem is recorded, and then no plan is made.
  return { kind, from: from ?? now, to: to ?? now, viewType };
}

function notInFuture(date: Date, now: Date): Date {
  if (date.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new InvalidValue(
      `a time that is not in the future (it is ${date.toISOString()}, now is ${now.toISOString()})`,
    );
  }
  return date;
}

function checkWindow(r: InputReader, from: Date, to: Date): void {
  const length = to.getTime() - from.getTime();
  const shown = `${from.toISOString()} to ${to.toISOString()}`;
  if (length <= 0) {
    r.reject(
      Input.IncrementalTo,
      r.get(Input.IncrementalTo) || 'now',
      `expected an end after incremental-from (the window is ${shown})`,
    );
  } else if (length < MIN_WINDOW_MS || length > MAX_WINDOW_MS) {
    r.reject(
      Input.IncrementalFrom,
      r.get(Input.IncrementalFrom),
      `expected a window of 15 minutes to 24 hours, but ${shown} is ${formatDuration(length)}`,
    );
  }
}

function readExpressions(r: InputReader): ExportExpressions | undefined {
  const filter = r.optional(Input.FilterExpression);
  const projection = r.optional(Input.ProjectionExpression);
  const keyCondition = r.optional(Input.KeyConditionExpression);
  const names = r.parse(Input.ExpressionAttributeNames, parseNames);
  const values = r.parse(Input.ExpressionAttributeValues, parseValues);
  const expressions = { filter, projection, keyCondition };
  checkPlaceholders(r, expressions, names, values);
  const result: ExportExpressions = {
    ...optional('filter', filter),
    ...optional('projection', projection),
    ...optional('keyCondition', keyCondition),
    ...optional('names', names),
    ...optional('values', values),
  };
  return Object.keys(result).length === 0 ? undefined : result;
}

function parseJsonObject(value: string, example: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new InvalidValue(`a JSON object such as ${example}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new InvalidValue(`a JSON object such as ${example}`);
  return parsed as Record<string, unknown>;
}

function parseNames(value: string): Record<string, string> {
  const example = '{"#y": "year"}';
  const object = parseJsonObject(value, example);
  for (const [key, name] of Object.entries(object)) {
    if (!key.startsWith('#') || typeof name !== 'string')
      throw new InvalidValue(`a JSON object of "#placeholder": "attribute name" pairs such as ${example}`);
  }
  return object as Record<string, string>;
}

function parseValues(value: string): Record<string, AttributeValue> {
  const example = '{":y": {"N": "2020"}}';
  const object = parseJsonObject(value, example);
  const values: Record<string, AttributeValue> = {};
  for (const [key, attribute] of Object.entries(object)) {
    if (!key.startsWith(':'))
      throw new InvalidValue(`a JSON object of ":placeholder": DynamoDB JSON value pairs such as ${example}`);
    try {
      values[key] = fromDynamoJson(attribute);
    } catch (error) {
      throw new InvalidValue(
        `values in DynamoDB JSON such as ${example} (${key}: ${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }
  return values;
}

/** DynamoDB rejects placeholders that are used but not defined, and defined but not used. */
function checkPlaceholders(
  r: InputReader,
  expressions: Record<string, string | undefined>,
  names: Record<string, string> | undefined,
  values: Record<string, AttributeValue> | undefined,
): void {
  const text = Object.values(expressions)
    .filter((e) => e !== undefined)
    .join(' ');
  for (const [input, prefix, defined] of [
    [Input.ExpressionAttributeNames, '#', names],
    [Input.ExpressionAttributeValues, ':', values],
  ] as const) {
    if (defined === undefined && r.given(input)) continue; // already reported as unreadable
    const used = new Set(text.match(prefix === '#' ? /#[A-Za-z0-9_]+/g : /:[A-Za-z0-9_]+/g) ?? []);
    const keys = Object.keys(defined ?? {});
    const undefinedOnes = [...used].filter((p) => !keys.includes(p));
    const unused = keys.filter((k) => !used.has(k));
    if (undefinedOnes.length > 0) {
      r.reject(input, r.get(input), `expected a definition of ${undefinedOnes.join(', ')}, used in the expressions`);
    } else if (defined !== undefined && unused.length > 0) {
      r.reject(input, r.get(input), `expected only placeholders the expressions use; ${unused.join(', ')} is not used`);
    }
  }
}

function readEncryption(r: InputReader): ExportPlan['encryption'] {
  const algorithm = r.parse(Input.SseAlgorithm, (v) => parseEnum(v, ['AES256', 'KMS'] as const));
  const kmsKeyId = r.optional(Input.SseKmsKeyId);
  if (kmsKeyId !== undefined && algorithm !== 'KMS') {
    r.reject(Input.SseKmsKeyId, kmsKeyId, 'expected it only with s3-sse-algorithm: KMS');
  }
  return algorithm === undefined ? undefined : { algorithm, ...optional('kmsKeyId', kmsKeyId) };
}
