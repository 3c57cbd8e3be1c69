// CSV that csv-parse would read into something else: a header naming a
// column twice (two columns, one attribute), bytes that are not UTF-8
// (U+FFFD in their place), a column named __proto__.

import { describe, expect, it } from 'vitest';
import { decode } from './helpers.js';

const csv = (text: string | Buffer, header?: string[], chunkSize?: number) =>
  decode(text, { format: 'CSV', csv: { delimiter: ',', ...(header && { header }) }, keys: [] }, chunkSize);

describe('a CSV header', () => {
  it('read as one column holding another delimiter names csv-delimiter and the delimiter seen', async () => {
    const { items, errors } = await decode('customer_id;name;email\n1;a;a@x\n', {
      format: 'CSV',
      csv: { delimiter: ',' },
      keys: [{ name: 'customer_id', type: 'S' }],
    });
    expect(items).toEqual([]);
    expect(errors).toEqual([
      {
        code: 'WRONG_CSV_DELIMITER',
        message:
          'the header line is one column, "customer_id;name;email", which holds ";" but not csv-delimiter ",", so no row can be read: set csv-delimiter: ";"; the 0 item(s) before this point were read',
        line: 1,
        itemIndex: 0,
      },
    ]);
  });

  it('of one column that is the key, or holds only spaces, is read as it is', async () => {
    const key = await decode('customer_id\n1\n', {
      format: 'CSV',
      csv: { delimiter: ',' },
      keys: [{ name: 'customer_id', type: 'S' }],
    });
    expect(key.items).toMatchObject([{ item: { customer_id: { S: '1' } } }]);
    const spaced = await csv('first name\nAda\n');
    expect(spaced.items).toMatchObject([{ item: { 'first name': { S: 'Ada' } } }]);
  });

  it('that names a column twice leaves no row readable: one error for the object, at the header', async () => {
    const { items, errors } = await csv('id,name,id\n1,a,2\n3,b,4\n');
    expect(items).toEqual([]);
    expect(errors).toEqual([
      {
        code: 'DUPLICATE_ATTRIBUTE',
        message:
          'the header names the column "id" twice (columns 1 and 3), so no row can be read; the 0 item(s) before this point were read',
        line: 1,
        itemIndex: 0,
      },
    ]);
  });

  it('given as csv-header, the same', async () => {
    const { errors } = await csv('1,a\n', ['id', 'id']);
    expect(errors.map((e) => [e.code, e.line])).toEqual([['DUPLICATE_ATTRIBUTE', 1]]);
  });

  it('compares names as the rows use them, spaces trimmed', async () => {
    const { errors } = await csv('id, id\n1,2\n');
    expect(errors.map((e) => e.code)).toEqual(['DUPLICATE_ATTRIBUTE']);
  });

  it('that is not UTF-8 leaves no row readable', async () => {
    const { items, errors } = await csv(
      Buffer.concat([Buffer.from('id,n'), Buffer.from([0xff]), Buffer.from('\n1,2\n')]),
    );
    expect(items).toEqual([]);
    expect(errors.map((e) => [e.code, e.line])).toEqual([['INVALID_UTF8', 1]]);
  });
});

describe('CSV rows that are not UTF-8', () => {
  it('are errors at their line; the rows around them are read, at any chunk size', async () => {
    const text = Buffer.concat([
      Buffer.from('id,note\n1,fine\n2,"bad '),
      Buffer.from([0xe2, 0x28, 0xa1]),
      Buffer.from(' note"\n3,"multi\nline ü"\n4,'),
      Buffer.from([0xc3]),
      Buffer.from('\n5,last\n'),
    ]);
    for (const size of [1, 2, 3, 64]) {
      const { items, errors } = await csv(text, undefined, size);
      expect(
        items.map((i) => [i.item.id?.S, i.line]),
        `chunks of ${size}`,
      ).toEqual([
        ['1', 2],
        ['3', 5],
        ['5', 7],
      ]);
      expect(items[1]?.item.note).toEqual({ S: 'multi\nline ü' });
      expect(errors).toEqual([
        { code: 'INVALID_UTF8', message: 'the row is not valid UTF-8', line: 3, itemIndex: 1 },
        { code: 'INVALID_UTF8', message: 'the row is not valid UTF-8', line: 6, itemIndex: 3 },
      ]);
    }
  });
});

describe('a CSV column named __proto__', () => {
  it('is kept as an attribute', async () => {
    const { items } = await csv('id,__proto__\n1,x\n');
    expect(Object.keys(items[0]?.item ?? {})).toEqual(['id', '__proto__']);
    expect(Object.getOwnPropertyDescriptor(items[0]?.item, '__proto__')?.value).toEqual({ S: 'x' });
  });
});
