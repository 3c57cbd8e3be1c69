import { describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/parsing/templates.js';

const context = {
  now: new Date('2026-01-15T09:08:07Z'),
  env: { GITHUB_RUN_ID: '987', GITHUB_RUN_ATTEMPT: '2', GITHUB_SHA: 'abc123', GITHUB_REF_NAME: 'main' },
  table: 'Orders',
};

describe('expandTemplate', () => {
  it('fills every placeholder', () => {
    expect(expandTemplate('b/{table}/{date}/{time}/{run_id}-{run_attempt}/{sha}/{ref_name}/', context)).toBe(
      'b/Orders/2026-01-15/090807/987-2/abc123/main/',
    );
  });

  it('leaves text without placeholders alone', () => {
    expect(expandTemplate('exports/orders/', context)).toBe('exports/orders/');
  });

  it('refuses an unknown placeholder and lists the known ones', () => {
    expect(() => expandTemplate('x/{day}/', context)).toThrow(
      'only the placeholders {date} {time} {run_id} {run_attempt} {sha} {ref_name} {table}; {day} is not one of them',
    );
  });

  it('says which variable is missing', () => {
    expect(() => expandTemplate('{run_id}', { ...context, env: {} })).toThrow(
      '{run_id} to have a value, but GITHUB_RUN_ID is not set',
    );
    expect(() => expandTemplate('{table}', { ...context, table: undefined })).toThrow(
      '{table} to have a value, but table-name is not set',
    );
  });
});
