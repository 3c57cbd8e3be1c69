import { describe, expect, it } from 'vitest';
import {
  buildTableParameters,
  parseKeyShorthand,
  parseTableCreationParameters,
} from '../../src/parsing/table-parameters.js';

describe('parseKeyShorthand', () => {
  it.each([
    ['id:S', { name: 'id', type: 'S' }],
    ['year:n', { name: 'year', type: 'N' }],
    ['blob:B', { name: 'blob', type: 'B' }],
    ['a:b:S', { name: 'a:b', type: 'S' }],
  ])('%j', (raw, expected) => expect(parseKeyShorthand(raw)).toEqual(expected));

  it.each(['id', 'id:X', ':S', 'id:SS', 'id:'])('refuses %j', (raw) => {
    expect(() => parseKeyShorthand(raw)).toThrow('name:S, name:N or name:B');
  });
});

const JSON_PARAMS = JSON.stringify({
  TableName: 'Music',
  AttributeDefinitions: [
    { AttributeName: 'Artist', AttributeType: 'S' },
    { AttributeName: 'Year', AttributeType: 'N' },
  ],
  KeySchema: [
    { AttributeName: 'Artist', KeyType: 'HASH' },
    { AttributeName: 'Year', KeyType: 'RANGE' },
  ],
  BillingMode: 'PAY_PER_REQUEST',
});

const YAML_PARAMS = `
TableName: Music
AttributeDefinitions:
  - { AttributeName: Artist, AttributeType: S }
  - { AttributeName: Year, AttributeType: N }
KeySchema:
  - { AttributeName: Artist, KeyType: HASH }
  - { AttributeName: Year, KeyType: RANGE }
BillingMode: PAY_PER_REQUEST
`;

describe('parseTableCreationParameters', () => {
  it('reads JSON and YAML alike', () => {
    expect(parseTableCreationParameters(YAML_PARAMS)).toEqual(JSON.parse(JSON_PARAMS));
  });

  it.each([
    ['{', 'JSON or YAML in the shape of TableCreationParameters (it does not parse:'],
    ['[1, 2]', 'a JSON or YAML object in the shape of TableCreationParameters'],
    [
      '{"TableNme": "x"}',
      'only the fields TableName, AttributeDefinitions, KeySchema, BillingMode, ProvisionedThroughput, OnDemandThroughput, SSESpecification, GlobalSecondaryIndexes; TableNme is not one of them',
    ],
    [
      '{"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}',
      'an AttributeDefinitions entry for id, used in KeySchema',
    ],
    [
      '{"AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "X"}]}',
      'each AttributeDefinitions entry to have an AttributeName and an AttributeType of S, N or B',
    ],
    [
      '{"AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}], "KeySchema": [{"AttributeName": "id", "KeyType": "RANGE"}]}',
      'KeySchema to be a HASH key, optionally followed by a RANGE key',
    ],
    ['{"BillingMode": "ON_DEMAND"}', 'BillingMode PROVISIONED or PAY_PER_REQUEST, not ON_DEMAND'],
    [
      '{"BillingMode": "PROVISIONED"}',
      'ProvisionedThroughput (ReadCapacityUnits, WriteCapacityUnits) with BillingMode PROVISIONED',
    ],
    [
      '{"AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}], "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}], "GlobalSecondaryIndexes": [{"IndexName": "byEmail", "KeySchema": [{"AttributeName": "email", "KeyType": "HASH"}], "Projection": {"ProjectionType": "ALL"}}]}',
      'an AttributeDefinitions entry for email, used in the KeySchema of index byEmail',
    ],
  ])('refuses %s', (raw, message) => {
    expect(() => parseTableCreationParameters(raw)).toThrow(message);
  });
});

describe('parseTableCreationParameters, JSON or YAML', () => {
  const JSON_READ =
    'it does not parse: read as JSON because it starts with { (YAML flow style such as {a: b} is not taken);';
  const YAML_READ = 'it does not parse: read as YAML because it does not start with {;';

  it.each([
    ['a trailing comma', '{"TableName": "Music",}', 'Expected double-quoted property name in JSON at position 22'],
    ['a trailing comma in a list', '{"KeySchema": [{"AttributeName": "a", "KeyType": "HASH"},]}', 'Unexpected token'],
    ['unquoted keys', '{TableName: Music}', "Expected property name or '}' in JSON at position 1"],
    ['single quotes', "{'TableName': 'Music'}", "Expected property name or '}' in JSON at position 1"],
    ['leading spaces and a missing brace', '  \n {"TableName": "Music"', 'in JSON'],
  ])('refuses JSON with %s as JSON, never reading it as YAML', (_, raw, reason) => {
    expect(() => parseTableCreationParameters(raw)).toThrow(JSON_READ);
    expect(() => parseTableCreationParameters(raw)).toThrow(reason);
  });

  it('refuses a key given twice in JSON, which JSON.parse would keep quiet about', () => {
    expect(() => parseTableCreationParameters('{"TableName": "a", "TableName": "b"}')).toThrow(
      `${JSON_READ} Map keys must be unique at line 1, column 20)`,
    );
  });

  it('says that text not starting with { was read as YAML', () => {
    expect(() => parseTableCreationParameters('TableName: [')).toThrow(
      `(${YAML_READ} Flow sequence in block collection must be sufficiently indented and end with a ] at line 1, column 13)`,
    );
    expect(() => parseTableCreationParameters('TableName: a\nTableName: b')).toThrow(
      `(${YAML_READ} Map keys must be unique at line 2, column 1)`,
    );
  });

  it('reads valid JSON, with spaces before it, as before', () => {
    expect(parseTableCreationParameters(`\n  ${JSON_PARAMS}\n`)).toEqual(JSON.parse(JSON_PARAMS));
  });
});

describe('buildTableParameters', () => {
  it('makes an on-demand table from the shorthand', () => {
    expect(buildTableParameters(undefined, { name: 'pk', type: 'S' }, { name: 'sk', type: 'N' })).toEqual({
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'N' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('keeps provisioned throughput and index attributes from the full parameters', () => {
    const built = buildTableParameters(
      {
        ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
        AttributeDefinitions: [{ AttributeName: 'email', AttributeType: 'S' }],
      },
      { name: 'id', type: 'S' },
      undefined,
    );
    expect(built?.BillingMode).toBe('PROVISIONED');
    expect(built?.AttributeDefinitions).toEqual([
      { AttributeName: 'id', AttributeType: 'S' },
      { AttributeName: 'email', AttributeType: 'S' },
    ]);
  });

  it('is undefined when nothing describes a table', () => {
    expect(buildTableParameters(undefined, undefined, undefined)).toBeUndefined();
  });
});
