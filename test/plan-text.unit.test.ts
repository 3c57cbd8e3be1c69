import { describe, expect, it } from 'vitest';
import { describePlan } from '../src/plan-text.js';
import { IMPORT, plan } from './plan-helpers.js';

describe('the plan in plain words', () => {
  it("says where the managed engine's rejected items go: CloudWatch Logs, not the action's file", () => {
    const lines = describePlan(plan(IMPORT), { engine: 'managed', reason: 'the table is new' });
    expect(lines).toContain(
      "Rejected items: AWS's import writes them to CloudWatch Logs; a failed import shows the first ones.",
    );
    expect(lines.join('\n')).not.toContain('Rejected items go to');
  });

  it("names the direct engine's rejected-items file, and says how compression is told before it is", () => {
    const lines = describePlan(plan(IMPORT), { engine: 'direct', reason: 'engine: direct was asked for' });
    expect(lines.find((line) => line.startsWith('Rejected items go to '))).toBeDefined();
    expect(lines[0]).toBe(
      'Read: DYNAMODB_JSON (compression: auto, told from the first bytes of each object) from s3://backups/.',
    );
  });

  it("says the direct engine stops at timeout, and the managed engine waits for AWS's job", () => {
    const direct = describePlan(plan({ ...IMPORT, timeout: '90s' }), { engine: 'direct', reason: 'r' });
    const managed = describePlan(plan({ ...IMPORT, timeout: '90s' }), { engine: 'managed', reason: 'r' });
    expect(direct.at(-1)).toMatch(/^Then: stop after 1m30s at the latest \(timeout\), keeping where the work stopped;/);
    expect(managed.at(-1)).toMatch(/^Then: wait up to 1m30s;/);
  });
});
