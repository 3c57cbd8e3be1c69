import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { marked } from 'marked';
import { parse } from 'yaml';
import { withTables } from '../scripts/readme-tables.js';
import { ROOT, readActionYml } from './action-yml.js';

const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
const blocks = (lang: string): string[] =>
  [...readme.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1] ?? '');

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}

function actionSteps(workflow: { jobs?: Record<string, { steps?: Step[] }> }): Step[] {
  return Object.values(workflow.jobs ?? {}).flatMap((job) =>
    (job.steps ?? []).filter((s) => s.uses?.includes('dynamodb-s3-transfer') || s.uses === './'),
  );
}

describe('README', () => {
  it('has the inputs and outputs tables of action.yml (npm run docs)', () => {
    expect(readme).toBe(withTables(readme));
  });

  it('opens with the demo and test commands that .ci/run relies on', () => {
    const firstBlock = blocks('sh')[0] ?? '';
    expect(firstBlock).toContain('npm ci && npm run demo');
    expect(firstBlock).toContain('npm ci && npm test');
    expect(readFileSync(`${ROOT}/.ci/run`, 'utf8')).toMatch(/\nnpm test\n/);
  });

  it('has workflows that are valid YAML and use only inputs action.yml declares', () => {
    const inputs = Object.keys(readActionYml().inputs);
    const workflows = blocks('yaml').map((text) => parse(text) as { jobs?: Record<string, { steps?: Step[] }> });
    expect(workflows.length).toBeGreaterThanOrEqual(6);
    let steps = 0;
    for (const workflow of workflows) {
      for (const step of actionSteps(workflow)) {
        steps += 1;
        expect(Object.keys(step.with ?? {}).filter((name) => !inputs.includes(name))).toEqual([]);
        expect(step.with?.mode).toMatch(/^(export|import|validate|verify)$/);
      }
    }
    expect(steps).toBeGreaterThanOrEqual(6);
  });

  it('has an IAM policy that is valid JSON', () => {
    const [policy] = blocks('json');
    expect(JSON.parse(policy ?? '').Version).toBe('2012-10-17');
  });

  it('has a table of contents that links every section and subsection, by the anchors GitHub makes', () => {
    const slug = (heading: string): string =>
      heading
        .trim()
        .toLowerCase()
        .replace(/[^\w\- ]/g, '')
        .replace(/ /g, '-');
    const contents = readme.slice(
      readme.indexOf('## Contents'),
      readme.indexOf('\n## ', readme.indexOf('## Contents') + 5),
    );
    const links = [...contents.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    const headings = [...readme.matchAll(/^#{2,3} (.+)$/gm)]
      .map((m) => m[1] ?? '')
      .filter((heading) => heading !== 'Contents')
      .map(slug);
    expect(links).toEqual(headings);
  });

  it('renders every table as a table (a row before the header separator turns it into text)', () => {
    const broken = marked
      .lexer(readme)
      .filter((token) => token.type === 'paragraph' && token.raw.trimStart().startsWith('|'))
      .map((token) => token.raw.split('\n')[0]);
    expect(broken).toEqual([]);
  });

  it('gives the managed import the same calls in the Permissions table as in the JSON policy', () => {
    const row = /^\| import, managed \|(.*)$/m.exec(readme)?.[1] ?? '';
    const named = new Set([...row.matchAll(/`(?:\w+:)?([A-Z]\w+)`/g)].map((m) => m[1]));
    const policy = JSON.parse(blocks('json')[0] ?? '') as { Statement: { Sid: string; Action: string[] }[] };
    const granted = policy.Statement.filter((s) => s.Sid === 'ManagedImport' || s.Sid === 'ImportLogs')
      .flatMap((s) => s.Action)
      .map((action) => action.split(':')[1]);
    expect(granted.filter((action) => !named.has(action))).toEqual([]);
    const everywhere = new Set(policy.Statement.flatMap((s) => s.Action).map((action) => action.split(':')[1]));
    expect([...named].filter((action) => !everywhere.has(action ?? ''))).toEqual([]);
  });
});

/** The members of a string-literal union type declared in a source file. */
function unionMembers(file: string, type: string): string[] {
  const text = readFileSync(`${ROOT}/${file}`, 'utf8');
  const body = new RegExp(`export type ${type} =([^;]*);`).exec(text)?.[1] ?? '';
  return [...body.matchAll(/'([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1] ?? '');
}

describe('README troubleshooting', () => {
  const section = readme.slice(
    readme.indexOf('## Troubleshooting'),
    readme.indexOf('\n## ', readme.indexOf('## Troubleshooting') + 5),
  );
  const codes = [
    ...unionMembers('src/errors.ts', 'ErrorCode'),
    ...unionMembers('src/formats/records.ts', 'DecodeErrorCode'),
    // Codes given to rejected items outside the decoders.
    'CHECKSUM_MISMATCH',
    'RETRIES_EXHAUSTED',
  ];

  it('lists every code the action emits', () => {
    expect(codes.length).toBeGreaterThan(30);
    expect(codes.filter((code) => !section.includes(`\`${code}\``))).toEqual([]);
  });
});
