// action.yml is the public contract: every input is read, every output set,
// and the defaults in code are the ones action.yml declares.

import { describe, expect, it } from 'vitest';
import { Input, InputDefault, Output } from '../src/constants.js';
import { readPlan } from '../src/inputs/index.js';
import { setOutputs } from '../src/report.js';
import type { TransferResult } from '../src/result.js';
import { readActionYml } from './action-yml.js';
import { BASE_ENV, EXPORT, IMPORT, NOW, VALIDATE } from './plan-helpers.js';
import { inputEnv } from './run-action.js';

const action = readActionYml();

describe('action.yml', () => {
  it('runs dist/index.js on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('declares exactly the inputs and outputs the code names', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(Input).sort());
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(Output).sort());
  });

  it("has exactly the defaults of the code's one table of them (InputDefault)", () => {
    const declared = Object.fromEntries(
      Object.entries(action.inputs).flatMap(([name, meta]) =>
        meta.default === undefined ? [] : [[name, meta.default]],
      ),
    );
    expect(InputDefault).toEqual(declared);
  });

  it('says the default of every input and when every output is set', () => {
    for (const [name, meta] of Object.entries(action.inputs)) {
      expect(meta.description, name).toMatch(/Default|[Nn]o default/);
    }
    for (const [name, meta] of Object.entries(action.outputs)) {
      expect(meta.description, name).toMatch(/Set |set\./);
    }
  });
});

describe('defaults', () => {
  // Every input that has a default, given as an empty string (`${{ inputs.x }}` of an unset workflow input).
  const blanks = Object.fromEntries(Object.keys(InputDefault).map((name) => [name, '']));
  const planOf = (inputs: Record<string, string>) =>
    readPlan({ env: { ...BASE_ENV, ...inputEnv(inputs) }, now: NOW, cwd: '/cwd' });

  it.each([
    ['an export', EXPORT],
    ['an import', IMPORT],
    ['a validation', VALIDATE],
    ['a CSV import', { ...IMPORT, format: 'CSV' }],
    ['an incremental export', { ...EXPORT, 'export-type': 'INCREMENTAL_EXPORT', 'incremental-from': '-1h' }],
  ])("are filled in by the reader itself, the same as action.yml's, for %s", (_, inputs) => {
    expect(planOf({ ...blanks, ...inputs })).toEqual(planOf(inputs));
  });
});

describe('src/inputs/', () => {
  it('reads every input of action.yml', () => {
    const read = new Set<string>();
    const plans = [
      { ...EXPORT, 'export-type': 'INCREMENTAL_EXPORT', 'incremental-from': '-1h' },
      {
        ...EXPORT,
        'table-arn': 'arn:aws:dynamodb:eu-west-1:123456789012:table/Orders',
        engine: 'direct',
        'filter-expression': 'a = :a',
        'key-condition-expression': 'k = :k',
        'expression-attribute-values': '{":a": {"S": "x"}, ":k": {"S": "y"}}',
        's3-sse-algorithm': 'KMS',
        's3-sse-kms-key-id': 'k',
        'export-time': '-1h',
      },
      {
        ...IMPORT,
        format: 'CSV',
        'csv-header': 'id',
        'sort-key': 'sk:S',
        'rejected-items': 'r.jsonl',
        'client-token': 't',
      },
      { ...VALIDATE, 'table-creation-parameters': 'BillingMode: PAY_PER_REQUEST', 'partition-key': 'id:S' },
    ];
    for (const inputs of plans) {
      const env = new Proxy({ ...BASE_ENV, ...inputEnv(inputs) } as Record<string, string | undefined>, {
        get(target, key: string) {
          if (key.startsWith('INPUT_')) read.add(key);
          return target[key];
        },
      });
      readPlan({ env, now: NOW, cwd: '/cwd' });
    }
    const unread = Object.keys(action.inputs).filter((name) => !read.has(`INPUT_${name.toUpperCase()}`));
    expect(unread).toEqual([]);
  });
});

describe('report.ts', () => {
  it('sets every output of action.yml from a full result', () => {
    const result: TransferResult = {
      mode: 'import',
      engine: 'managed',
      engineReason: 'r',
      status: 'COMPLETED',
      tableName: 't',
      tableArn: 'arn',
      jobArn: 'job',
      itemCount: 1,
      processedItemCount: 1,
      importedItemCount: 1,
      errorCount: 0,
      unwrittenItemCount: 0,
      processedSizeBytes: 10,
      exportManifest: 'm',
      dataUrl: 'd',
      rejectedItems: 'r',
      durationSeconds: 1,
      errors: [],
      capacity: { readUnits: 1, writeUnits: 2, throttled: 0, perSecond: [3], seconds: 1 },
      verification: {
        status: 'COMPLETED',
        against: 'source',
        source: 's',
        tableName: 't',
        tableItems: 1,
        sourceRecords: 2,
        unreadable: 0,
        duplicateKeys: 0,
        matched: 0,
        missing: 1,
        extra: 1,
        different: 0,
        differences: 'd',
        first: [],
        partitions: { done: 1, total: 1 },
        durationSeconds: 1,
      },
      putCount: 1,
      deleteCount: 0,
      restoredTo: '2026-03-01T00:00:00.000Z',
      exportsApplied: 1,
      resumed: false,
    };
    const set: string[] = [];
    setOutputs(result, { setOutput: (name) => set.push(name) });
    expect(set.sort()).toEqual(Object.keys(action.outputs).sort());
  });
});
