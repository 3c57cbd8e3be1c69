// partition-key and sort-key with mode: verify are checked against the
// table's own key schema, before anything is read.

import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { checkKeyInputs } from '../../src/verify/run.js';

const table = {
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' as const },
    { AttributeName: 'sk', KeyType: 'RANGE' as const },
  ],
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' as const },
    { AttributeName: 'sk', AttributeType: 'N' as const },
  ],
};

function messages(keys: Parameters<typeof checkKeyInputs>[0]['keys']): string[] {
  try {
    checkKeyInputs({ tableName: 'Orders', ...(keys && { keys }) }, table);
    return [];
  } catch (error) {
    if (error instanceof InputError) return error.problems.map((p) => p.message);
    throw error;
  }
}

describe('checkKeyInputs', () => {
  it('accepts no key inputs, or the table’s own', () => {
    expect(messages(undefined)).toEqual([]);
    expect(messages({ partition: { name: 'pk', type: 'S' }, sort: { name: 'sk', type: 'N' } })).toEqual([]);
  });

  it('names the input, its value and the table’s key when they differ', () => {
    expect(messages({ partition: { name: 'pk', type: 'N' }, sort: { name: 'sk', type: 'N' } })).toEqual([
      'Input "partition-key" is "pk:N", but table Orders\'s partition key is pk:S (its key schema is pk:S, sk:N); verify compares by the table\'s key, so give the table\'s key schema, or neither partition-key nor sort-key. Nothing was read.',
    ]);
  });

  it('takes a sort key left out, or one the table does not have, as a different key schema', () => {
    expect(messages({ partition: { name: 'pk', type: 'S' } })).toEqual([
      "Input \"sort-key\" is not set, but table Orders's sort key is sk:N (its key schema is pk:S, sk:N); verify compares by the table's key, so give the table's key schema, or neither partition-key nor sort-key. Nothing was read.",
    ]);
    const hashOnly = { KeySchema: [table.KeySchema[0]!], AttributeDefinitions: table.AttributeDefinitions };
    expect(() =>
      checkKeyInputs(
        { tableName: 'T', keys: { partition: { name: 'pk', type: 'S' }, sort: { name: 'x', type: 'S' } } },
        hashOnly,
      ),
    ).toThrow('Input "sort-key" is "x:S", but table T\'s sort key is none');
  });
});
