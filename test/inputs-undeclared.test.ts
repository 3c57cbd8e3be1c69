import { describe, expect, it } from 'vitest';
import { undeclaredInputs, undeclaredWarning } from '../src/inputs/undeclared.js';
import { inputEnv } from './run-action.js';

describe('inputs action.yml does not declare', () => {
  it('names a typo and the declared input it most likely meant', () => {
    const env = { ...inputEnv({ mode: 'import' }), 'INPUT_TABEL-NAME': 'Orders', 'INPUT_PARTITON-KEY': 'id:S' };
    expect(undeclaredInputs(env).map(undeclaredWarning)).toEqual([
      'Input "tabel-name" is not an input of this action, so it is ignored; did you mean "table-name"?',
      'Input "partiton-key" is not an input of this action, so it is ignored; did you mean "partition-key"?',
    ]);
  });

  it('takes underscores for hyphens when looking for the closest name', () => {
    expect(undeclaredInputs({ INPUT_TABLE_NAME: 'Orders' })).toEqual([{ name: 'table_name', closest: 'table-name' }]);
  });

  it('suggests nothing for a name far from every input', () => {
    expect(undeclaredInputs({ 'INPUT_ROLE-TO-ASSUME': 'arn' })).toEqual([{ name: 'role-to-assume' }]);
  });

  it('says nothing of the declared inputs, given or defaulted', () => {
    expect(undeclaredInputs({ ...inputEnv({ mode: 'export', 'table-name': 'T' }), PATH: '/bin' })).toEqual([]);
  });
});
