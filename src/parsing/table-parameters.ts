// Key schema inputs: the `name:S` shorthand and `table-creation-parameters`
// (JSON or YAML), checked here so a typo fails before a table is created.

import type {
  AttributeDefinition,
  KeySchemaElement,
  ScalarAttributeType,
  TableCreationParameters,
} from '@aws-sdk/client-dynamodb';
import { parse as parseYaml } from 'yaml';
import { InvalidValue } from './values.js';

export interface KeyAttribute {
  name: string;
  type: ScalarAttributeType;
}

const KEY_TYPES: readonly ScalarAttributeType[] = ['S', 'N', 'B'];

export function parseKeyShorthand(raw: string): KeyAttribute {
  const match = /^(.+):([a-zA-Z])$/.exec(raw.trim());
  const type = match?.[2]?.toUpperCase() as ScalarAttributeType | undefined;
  const name = match?.[1]?.trim() ?? '';
  if (!match || type === undefined || !KEY_TYPES.includes(type) || name === '' || name.length > 255) {
    throw new InvalidValue('name:S, name:N or name:B (an attribute name of 1 to 255 characters and its type)');
  }
  return { name, type };
}

const TOP_LEVEL_FIELDS = [
  'TableName',
  'AttributeDefinitions',
  'KeySchema',
  'BillingMode',
  'ProvisionedThroughput',
  'OnDemandThroughput',
  'SSESpecification',
  'GlobalSecondaryIndexes',
] as const;

/**
 * Parses JSON or YAML and checks the shape DynamoDB requires. Text that
 * starts with `{` is JSON, read strictly: YAML would quietly take a trailing
 * comma or an unquoted key, so a JSON typo would be read as something else.
 */
export function parseTableCreationParameters(raw: string): Partial<TableCreationParameters> {
  const value = raw.trimStart().startsWith('{')
    ? readJson(raw)
    : readYaml(raw, 'YAML because it does not start with {');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidValue('a JSON or YAML object in the shape of TableCreationParameters');
  }
  const unknown = Object.keys(value).filter((k) => !(TOP_LEVEL_FIELDS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    throw new InvalidValue(`only the fields ${TOP_LEVEL_FIELDS.join(', ')}; ${unknown.join(', ')} is not one of them`);
  }
  const params = value as Partial<TableCreationParameters>;
  checkKeyDefinitions(params);
  if (params.BillingMode !== undefined && !['PROVISIONED', 'PAY_PER_REQUEST'].includes(params.BillingMode)) {
    throw new InvalidValue(`BillingMode PROVISIONED or PAY_PER_REQUEST, not ${String(params.BillingMode)}`);
  }
  if (params.BillingMode === 'PROVISIONED' && params.ProvisionedThroughput === undefined) {
    throw new InvalidValue(
      'ProvisionedThroughput (ReadCapacityUnits, WriteCapacityUnits) with BillingMode PROVISIONED',
    );
  }
  return params;
}

const READ_AS_JSON = 'JSON because it starts with { (YAML flow style such as {a: b} is not taken)';

function readJson(raw: string): unknown {
  try {
    JSON.parse(raw);
  } catch (error) {
    throw unparsable(READ_AS_JSON, error);
  }
  // The YAML reader takes any JSON, and refuses the duplicate keys JSON.parse keeps quiet about.
  return readYaml(raw, READ_AS_JSON);
}

function readYaml(raw: string, readAs: string): unknown {
  try {
    return parseYaml(raw);
  } catch (error) {
    throw unparsable(readAs, error);
  }
}

function unparsable(readAs: string, error: unknown): InvalidValue {
  const reason = (error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)).replace(/:$/, '');
  return new InvalidValue(
    `JSON or YAML in the shape of TableCreationParameters (it does not parse: read as ${readAs}; ${reason})`,
  );
}

function checkKeyDefinitions(params: Partial<TableCreationParameters>): void {
  const definitions = params.AttributeDefinitions ?? [];
  if (!Array.isArray(definitions)) throw new InvalidValue('AttributeDefinitions as a list');
  for (const d of definitions) {
    if (typeof d?.AttributeName !== 'string' || !KEY_TYPES.includes(d.AttributeType as ScalarAttributeType)) {
      throw new InvalidValue(
        'each AttributeDefinitions entry to have an AttributeName and an AttributeType of S, N or B',
      );
    }
  }
  const schemas: { where: string; keys: unknown }[] = [];
  if (params.KeySchema !== undefined) schemas.push({ where: 'KeySchema', keys: params.KeySchema });
  for (const index of params.GlobalSecondaryIndexes ?? []) {
    schemas.push({ where: `the KeySchema of index ${String(index?.IndexName)}`, keys: index?.KeySchema });
  }
  for (const { where, keys } of schemas) checkKeySchema(where, keys, definitions);
}

function checkKeySchema(where: string, keys: unknown, definitions: AttributeDefinition[]): void {
  const list = keys as KeySchemaElement[];
  const shapeOk =
    Array.isArray(list) &&
    (list.length === 1 || list.length === 2) &&
    list[0]?.KeyType === 'HASH' &&
    (list.length === 1 || list[1]?.KeyType === 'RANGE');
  if (!shapeOk) throw new InvalidValue(`${where} to be a HASH key, optionally followed by a RANGE key`);
  for (const key of list) {
    if (!definitions.some((d) => d.AttributeName === key.AttributeName)) {
      throw new InvalidValue(`an AttributeDefinitions entry for ${String(key.AttributeName)}, used in ${where}`);
    }
  }
}

/** Table parameters from the shorthand and/or the full input; on-demand unless they say otherwise. */
export function buildTableParameters(
  params: Partial<TableCreationParameters> | undefined,
  partitionKey: KeyAttribute | undefined,
  sortKey: KeyAttribute | undefined,
): Partial<TableCreationParameters> | undefined {
  if (params === undefined && partitionKey === undefined) return undefined;
  const result: Partial<TableCreationParameters> = { ...params };
  if (partitionKey !== undefined) {
    const keys = sortKey === undefined ? [partitionKey] : [partitionKey, sortKey];
    result.KeySchema = keys.map((k, i) => ({ AttributeName: k.name, KeyType: i === 0 ? 'HASH' : 'RANGE' }));
    const others = (params?.AttributeDefinitions ?? []).filter((d) => !keys.some((k) => k.name === d.AttributeName));
    result.AttributeDefinitions = [...keys.map((k) => ({ AttributeName: k.name, AttributeType: k.type })), ...others];
  }
  if (result.BillingMode === undefined) {
    result.BillingMode = result.ProvisionedThroughput === undefined ? 'PAY_PER_REQUEST' : 'PROVISIONED';
  }
  return result;
}
