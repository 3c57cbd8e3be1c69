// AWS's own CSV examples imported by the built action give the documented result.

import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../action-yml.js';
import { useLocalCredentials } from '../local-aws.js';
import { runLocal, scanAll } from './helpers.js';

beforeAll(() => useLocalCredentials());

const fixture = (name: string) => `${ROOT}/test/fixtures/aws/${name}`;

describe('CSV imports', () => {
  it('imports the heterogeneous example: empty columns omitted, non-key columns strings', async () => {
    const table = `hetero-${process.pid}`;
    const run = await runLocal({
      mode: 'import',
      path: fixture('heterogeneous.csv'),
      format: 'csv',
      'table-name': table,
      'partition-key': 'PK:S',
      'sort-key': 'SK:S',
    });
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs['imported-item-count']).toBe('10');
    const items = await scanAll(table);
    const order = items.find((i) => i.PK?.S === 'USER#1' && i.SK?.S === 'ORDER#2024-01-15');
    expect(order).toEqual({
      PK: { S: 'USER#1' },
      SK: { S: 'ORDER#2024-01-15' },
      EntityType: { S: 'Order' },
      OrderDate: { S: '2024-01-15' },
      Amount: { S: '99.99' },
    });
    const product = items.find((i) => i.PK?.S === 'PRODUCT#104');
    expect(product).toEqual({
      PK: { S: 'PRODUCT#104' },
      SK: { S: 'METADATA' },
      EntityType: { S: 'Product' },
      ProductName: { S: 'Monitor' },
      Quantity: { S: '30' },
    });
  });

  it('restores escaped quotes', async () => {
    const table = `quotes-${process.pid}`;
    const run = await runLocal({
      mode: 'import',
      path: fixture('escaped-quotes.csv'),
      format: 'CSV',
      'table-name': table,
      'partition-key': 'id:S',
    });
    expect(run.exitCode, run.log).toBe(0);
    expect(await scanAll(table)).toEqual([{ id: { S: '"123"' }, value: { S: 'Women\'s Full "Length" Dress' } }]);
  });

  it('reads a header list with the ; delimiter and types a numeric key', async () => {
    const table = `headers-${process.pid}`;
    const run = await runLocal({
      mode: 'import',
      path: fixture('header-list.csv'),
      format: 'CSV',
      'csv-delimiter': ';',
      'csv-header': 'hk,title,artist,year_of_release',
      'table-name': table,
      'partition-key': 'hk:S',
      'sort-key': 'year_of_release:N',
    });
    expect(run.exitCode, run.log).toBe(0);
    const items = await scanAll(table);
    expect(items.map((i) => [i.hk, i.year_of_release])).toEqual([
      [{ S: 'ALB25' }, { N: '1973' }],
      [{ S: 'ALB26' }, { N: '1975' }],
    ]);
  });
});
