// The job summary for each outcome, compared with stored expected Markdown
// (UPDATE_EXPECTED=1 rewrites them), and rendered to HTML by a
// GitHub-flavoured Markdown renderer to check its structure.

import { readFileSync, writeFileSync } from 'node:fs';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { decideOutcome } from '../src/report.js';
import { renderSummary } from '../src/summary.js';
import { ROOT } from './action-yml.js';
import { OUTCOMES } from './summary-outcomes.js';

const render = (name: string): string => {
  const { result, maxErrors } = OUTCOMES[name] as (typeof OUTCOMES)[string];
  return renderSummary(result, decideOutcome(result, maxErrors));
};

describe('job summary', () => {
  it.each(Object.keys(OUTCOMES))('%s matches test/expected/%s.md', (name) => {
    const path = `${ROOT}/test/expected/${name}.md`;
    const markdown = render(name);
    if (process.env.UPDATE_EXPECTED === '1') writeFileSync(path, markdown);
    expect(markdown).toBe(readFileSync(path, 'utf8'));
  });

  it.each(Object.keys(OUTCOMES))('%s renders to HTML with one two-column details table', (name) => {
    const html = marked.parse(render(name), { gfm: true, async: false });
    const tables = html.match(/<table>[\s\S]*?<\/table>/g) ?? [];
    const details = tables[0] ?? '';
    const rows = details.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect((row.match(/<t[dh][ >]/g) ?? []).length).toBe(2);
    expect(details).toContain('<strong>Mode</strong>');
    if (OUTCOMES[name]?.result.errors.length) {
      const errors = tables[1] ?? '';
      for (const row of errors.match(/<tr>[\s\S]*?<\/tr>/g) ?? [])
        expect((row.match(/<t[dh][ >]/g) ?? []).length).toBe(3);
    }
  });

  it('lets no markup from the data through', () => {
    const html = marked.parse(render('hostile-names'), { gfm: true, async: false });
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain('&lt;script&gt;');
  });
});
