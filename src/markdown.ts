// Escaping for text from the data (table names, keys, messages) placed in
// the job summary, so that a `|` or `<script>` in a name cannot break it.

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text safe inside a Markdown table cell or a heading. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[&<>"]/g, (c) => HTML[c] ?? c)
    .replace(/([\\`*_[\]#|~])/g, '\\$1')
    .replace(/\r?\n/g, '<br>');
}

/** Text shown as code; HTML `<code>` because a backtick in the text would end a Markdown code span. */
export function code(text: string): string {
  return `<code>${text
    .replace(/[&<>"]/g, (c) => HTML[c] ?? c)
    .replace(/\|/g, '&#124;')
    .replace(/\r?\n/g, ' ')}</code>`;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
