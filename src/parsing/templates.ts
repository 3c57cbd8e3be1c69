// Prefix placeholders: `backups/{table}/{date}/{run_id}` becomes a fixed key
// prefix before any work starts, so that every later step sees one value.

import { InvalidValue } from './values.js';

export interface TemplateContext {
  now: Date;
  env: Record<string, string | undefined>;
  table?: string | undefined;
}

type Resolver = (context: TemplateContext) => string | undefined;

const PLACEHOLDERS: Record<string, { resolve: Resolver; source: string }> = {
  date: { resolve: ({ now }) => now.toISOString().slice(0, 10), source: 'the clock' },
  time: {
    resolve: ({ now }) => now.toISOString().slice(11, 19).replace(/:/g, ''),
    source: 'the clock',
  },
  run_id: { resolve: ({ env }) => env.GITHUB_RUN_ID, source: 'GITHUB_RUN_ID' },
  run_attempt: { resolve: ({ env }) => env.GITHUB_RUN_ATTEMPT, source: 'GITHUB_RUN_ATTEMPT' },
  sha: { resolve: ({ env }) => env.GITHUB_SHA, source: 'GITHUB_SHA' },
  ref_name: { resolve: ({ env }) => env.GITHUB_REF_NAME, source: 'GITHUB_REF_NAME' },
  table: { resolve: ({ table }) => table, source: 'table-name' },
};

export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS).map((name) => `{${name}}`);

export function expandTemplate(template: string, context: TemplateContext): string {
  return template.replace(/\{([^{}]*)\}/g, (whole, name: string) => {
    const placeholder = PLACEHOLDERS[name];
    if (placeholder === undefined) {
      throw new InvalidValue(`only the placeholders ${PLACEHOLDER_NAMES.join(' ')}; ${whole} is not one of them`);
    }
    const value = placeholder.resolve(context);
    if (value === undefined || value === '') {
      throw new InvalidValue(`${whole} to have a value, but ${placeholder.source} is not set`);
    }
    return value;
  });
}
