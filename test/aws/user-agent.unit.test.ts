import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USER_AGENT } from '../../src/aws/user-agent.js';
import { ROOT } from '../action-yml.js';

describe('the version', () => {
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

  it('is the same in package.json, the user agent AWS logs and a dated CHANGELOG section', () => {
    expect(USER_AGENT).toEqual(['dynamodb-s3-transfer', version]);
    expect(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')).toMatch(
      new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'),
    );
  });
});
