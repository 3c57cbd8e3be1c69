// The rejected-items file outlives the job: on GitHub it is kept as a
// workflow artifact and linked in the summary (issue 25), through the built
// action against a fake of the artifact service.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newTable, runLocal } from '../direct/helpers.js';
import { type FakeArtifactService, startFakeArtifactService } from '../fake-artifact-service.js';
import { useLocalCredentials } from '../local-aws.js';

beforeAll(() => useLocalCredentials());

let service: FakeArtifactService | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
});

/** A folder of 5 items, 2 of them without their key. */
function source(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'artifacts-')), 'source');
  mkdirSync(dir);
  const lines = ['k1', 'k2', undefined, 'k4', undefined].map((id, i) =>
    JSON.stringify({ Item: id === undefined ? { other: { N: String(i) } } : { id: { S: id } } }),
  );
  writeFileSync(join(dir, 'items.json'), `${lines.join('\n')}\n`);
  return dir;
}

describe('the rejected-items file on GitHub', () => {
  it('is kept as a workflow artifact named as the file, and linked in the summary', async () => {
    service = await startFakeArtifactService();
    const table = await newTable();
    const run = await runLocal(
      { mode: 'import', 'table-name': table, path: source(), 'existing-table': 'merge', 'max-errors': '2' },
      { env: service.env() },
    );
    expect(run.exitCode, run.log).toBe(0);
    expect(service.artifacts).toHaveLength(1);
    const [artifact] = service.artifacts;
    expect(artifact?.name).toMatch(/^dynamodb-s3-transfer-rejected-\d+\.jsonl$/);
    const lines = artifact?.bytes.toString().trim().split('\n') ?? [];
    expect(lines).toHaveLength(2);
    const url = `https://github.com/example/dynamodb-s3-transfer/actions/runs/4242/artifacts/${artifact?.id}`;
    expect(run.log).toContain(`The rejected items file is kept as the workflow artifact ${artifact?.name}: ${url}`);
    expect(run.summary).toContain(
      `| **Artifact (rejected items)** | <a href="${url}"><code>${artifact?.name}</code></a> |`,
    );
  });

  it('stays where it is, with a warning, when the service fails; the step is not failed for it', async () => {
    service = await startFakeArtifactService();
    service.mode = 'fail';
    const run = await runLocal(
      { mode: 'import', 'table-name': await newTable(), path: source(), 'existing-table': 'merge', 'max-errors': '2' },
      { env: service.env(), timeoutMs: 240_000 },
    );
    expect(run.exitCode, run.log).toBe(0);
    expect(run.log).toMatch(
      /::warning::The rejected items file could not be uploaded as a workflow artifact \(.+\); it is at .+ until the job ends\./,
    );
    expect(run.summary).not.toContain('Artifact (rejected items)');
  });

  it('is not uploaded with upload-artifacts: false', async () => {
    service = await startFakeArtifactService();
    const run = await runLocal(
      {
        mode: 'import',
        'table-name': await newTable(),
        path: source(),
        'existing-table': 'merge',
        'max-errors': '2',
        'upload-artifacts': 'false',
      },
      { env: service.env() },
    );
    expect(run.exitCode, run.log).toBe(0);
    expect(service.artifacts).toEqual([]);
  });
});
