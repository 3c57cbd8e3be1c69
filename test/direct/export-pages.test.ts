// The direct export across many 1 MB pages, and with a Query, a filter and a
// projection: what lands in the data files is exactly what DynamoDB returns.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalCredentials } from '../local-aws.js';
import { type Item, dynamodb, newTable, normalized, putItems, runLocal, scanAll } from './helpers.js';

/** About 1.3 MB: more than one Scan or Query page for a single segment. */
const ITEMS: Item[] = Array.from({ length: 1200 }, (_, i) => ({
  id: { S: i < 1100 ? 'big' : 'small' },
  sort: { N: String(i) },
  n: { N: `${i}.${'0'.repeat(30)}1` },
  text: { S: `${'é'.repeat(i % 7)}"quoted"\n${'x'.repeat(1000)}` },
  bytes: { B: new Uint8Array([i % 256, 0, 255]) },
}));

let source: string;

beforeAll(async () => {
  useLocalCredentials();
  source = await newTable({ sorted: true });
  await putItems(source, ITEMS);
});

async function exportThenImport(inputs: Record<string, string>, target: string) {
  const path = mkdtempSync(join(tmpdir(), 'export-pages-'));
  const exported = await runLocal({ mode: 'export', 'table-name': source, path, ...inputs });
  expect(exported.exitCode, exported.log).toBe(0);
  const imported = await runLocal({
    mode: 'import',
    'table-name': target,
    'partition-key': 'id:S',
    'sort-key': 'sort:N',
    path,
  });
  expect(imported.exitCode, imported.log).toBe(0);
  return { exported, items: await scanAll(target) };
}

describe('the direct export, page by page', () => {
  it('reads a segment over several pages and writes every item as DynamoDB has it', async () => {
    const { exported, items } = await exportThenImport({ concurrency: '1' }, `${source}-all`);
    expect(exported.outputs['item-count']).toBe('1200');
    expect(normalized(items)).toEqual(normalized(await scanAll(source)));
  });

  it('runs a Query with a filter and a projection across pages', async () => {
    const expressions = {
      'key-condition-expression': 'id = :id',
      'filter-expression': '#n >= :from',
      'projection-expression': 'id, sort, #n',
      'expression-attribute-names': '{"#n": "n"}',
      'expression-attribute-values': '{":id": {"S": "big"}, ":from": {"N": "100"}}',
    };
    const { exported, items } = await exportThenImport(expressions, `${source}-query`);

    const expected: Item[] = [];
    let start: Item | undefined;
    do {
      const page = await dynamodb().send(
        new QueryCommand({
          TableName: source,
          KeyConditionExpression: 'id = :id',
          FilterExpression: '#n >= :from',
          ProjectionExpression: 'id, sort, #n',
          ExpressionAttributeNames: { '#n': 'n' },
          ExpressionAttributeValues: { ':id': { S: 'big' }, ':from': { N: '100' } },
          ExclusiveStartKey: start,
        }),
      );
      expected.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start !== undefined);

    expect(expected).toHaveLength(1000);
    expect(exported.outputs['item-count']).toBe('1000');
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(['id', 'n', 'sort']);
    expect(normalized(items)).toEqual(normalized(expected.sort((a, b) => Number(a.sort?.N) - Number(b.sort?.N))));
  });
});
