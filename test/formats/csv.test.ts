import { describe, expect, it } from 'vitest';
import { decode, fixture } from './helpers.js';

const csv = (
  text: string | Buffer,
  options: { delimiter?: string; header?: string[] } = {},
  keys: { name: string; type: 'S' | 'N' | 'B' }[] = [],
) =>
  decode(text, {
    format: 'CSV',
    csv: { delimiter: options.delimiter ?? ',', ...(options.header && { header: options.header }) },
    keys,
  });

describe('CSV decoding', () => {
  it("reads AWS's heterogeneous example: empty columns omitted, non-key columns strings", async () => {
    const { items, errors } = await csv(fixture('aws/heterogeneous.csv'), {}, [
      { name: 'PK', type: 'S' },
      { name: 'SK', type: 'S' },
    ]);
    expect(errors).toEqual([]);
    expect(items).toHaveLength(10);
    expect(items[0]?.item).toEqual({
      PK: { S: 'USER#1' },
      SK: { S: 'PROFILE' },
      EntityType: { S: 'User' },
      Name: { S: 'Alice' },
      Email: { S: 'alice@example.com' },
    });
    expect(items[1]?.item).toEqual({
      PK: { S: 'USER#1' },
      SK: { S: 'ORDER#2024-01-15' },
      EntityType: { S: 'Order' },
      OrderDate: { S: '2024-01-15' },
      Amount: { S: '99.99' },
    });
    expect(items[3]?.item).toEqual({
      PK: { S: 'PRODUCT#101' },
      SK: { S: 'METADATA' },
      EntityType: { S: 'Product' },
      ProductName: { S: 'Laptop' },
      Quantity: { S: '50' },
    });
    expect(items.map((i) => i.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it("restores AWS's escaped quotes", async () => {
    const { items, errors } = await csv(fixture('aws/escaped-quotes.csv'));
    expect(errors).toEqual([]);
    expect(items[0]?.item).toEqual({ id: { S: '"123"' }, value: { S: 'Women\'s Full "Length" Dress' } });
  });

  it("refuses AWS's unescaped quotes as an error for that row, and reads the next rows", async () => {
    const text = `${fixture('aws/unescaped-quotes.csv').toString()}"124",Plain dress\n`;
    const { items, errors } = await csv(text);
    expect(errors).toEqual([
      {
        code: 'MALFORMED_CSV',
        message: 'a quote inside an unquoted field must be escaped: quote the whole field and double the quote ("")',
        line: 2,
        itemIndex: 0,
      },
    ]);
    expect(items.map((i) => i.item)).toEqual([{ id: { S: '124' }, value: { S: 'Plain dress' } }]);
  });

  it('takes the header from csv-header with the first line as data, and the ; delimiter', async () => {
    const { items } = await csv(fixture('aws/header-list.csv'), {
      delimiter: ';',
      header: ['hk', 'title', 'artist', 'year_of_release'],
    });
    expect(items.map((i) => i.item)).toEqual([
      {
        hk: { S: 'ALB25' },
        title: { S: 'The Dark Side of the Moon' },
        artist: { S: 'Pink Floyd' },
        year_of_release: { S: '1973' },
      },
      {
        hk: { S: 'ALB26' },
        title: { S: 'Wish You Were Here' },
        artist: { S: 'Pink Floyd' },
        year_of_release: { S: '1975' },
      },
    ]);
  });

  it.each([
    ['\t', 'a\tb\n1\tx y\n'],
    [' ', 'a b\n1 "x y"\n'],
    ['|', 'a|b\n1|x y\n'],
    [':', 'a:b\n1:x y\n'],
  ])('reads the %j delimiter', async (delimiter, text) => {
    const { items } = await csv(text, { delimiter });
    expect(items[0]?.item).toEqual({ a: { S: '1' }, b: { S: 'x y' } });
  });

  it('types the key columns from the key schema and checks them', async () => {
    const keys = [
      { name: 'Id', type: 'N' as const },
      { name: 'Blob', type: 'B' as const },
    ];
    const { items, errors } = await csv('Id,Blob,Price\n103,AAH/,2000\n1e400,AQ==,1\n7,%%,1\n', {}, keys);
    expect(items.map((i) => i.item)).toEqual([
      { Id: { N: '103' }, Blob: { B: new Uint8Array([0, 1, 255]) }, Price: { S: '2000' } },
    ]);
    expect(errors.map((e) => [e.code, e.line, e.message])).toEqual([
      [
        'INVALID_NUMBER',
        3,
        'Id: "1e400" is not a valid DynamoDB number (larger than 9.9999999999999999999999999999999999999E+125)',
      ],
      ['INVALID_BINARY', 4, 'Blob: "%%" is not valid base64'],
    ]);
  });

  it('reports a row with more or fewer columns than the header, and reads the rows around it', async () => {
    const { items, errors } = await csv('id,name\n1,a\n2,b,extra\n3\n4,d\n', {}, [{ name: 'id', type: 'S' }]);
    expect(items.map((i) => i.item.id?.S)).toEqual(['1', '4']);
    expect(errors).toEqual([
      { code: 'CSV_COLUMN_COUNT', message: 'the row has 3 columns but the header has 2', line: 3, itemIndex: 1 },
      { code: 'CSV_COLUMN_COUNT', message: 'the row has 1 columns but the header has 2', line: 4, itemIndex: 2 },
    ]);
  });

  it('reports a quote never closed, after the rows before it', async () => {
    const { items, errors } = await csv('id,name\n1,a\n2,"never closed\n3,c\n');
    expect(items.map((i) => i.item.id?.S)).toEqual(['1']);
    expect(errors).toEqual([
      { code: 'MALFORMED_CSV', message: 'a quoted field is never closed', line: 4, itemIndex: 1 },
    ]);
  });

  it("reports AWS's missing-key example against the key schema", async () => {
    const { items, errors } = await csv(fixture('aws/missing-pk.csv'), {}, [{ name: 'pk', type: 'S' }]);
    expect(items).toEqual([]);
    expect(errors).toEqual([
      {
        code: 'MISSING_KEY',
        message: 'One or more parameter values were invalid: Missing the key pk in the item',
        line: 2,
        itemIndex: 0,
      },
    ]);
  });

  it('strips a byte order mark and reads CRLF lines', async () => {
    const { items } = await csv('\ufeffid,name\r\n1,a\r\n');
    expect(items[0]?.item).toEqual({ id: { S: '1' }, name: { S: 'a' } });
  });
});
