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

const CODE_ENTITIES: Record<string, string> = {
  ...HTML,
  '|': '&#124;',
  '`': '&#96;',
  '*': '&#42;',
  '[': '&#91;',
  ']': '&#93;',
  '~': '&#126;',
  '\\': '&#92;',
};

/**
 * Text shown as code. HTML `<code>` rather than backticks, because a backtick
 * in the text would end a code span; Markdown still applies inside HTML, so
 * every character it would act on becomes an entity.
 */
export function code(text: string): string {
  // An underscore inside a word (MISSING_KEY) cannot start emphasis and stays readable.
  const escaped = text
    .replace(/[&<>"|`*[\]~\\]/g, (c) => CODE_ENTITIES[c] ?? c)
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '&#95;');
  return `<code>${escaped.replace(/\r?\n/g, ' ')}</code>`;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * Two columns of names and values: the first pair is the header row, so
 * GitHub draws no empty header above them.
 */
export function keyValueTable(rows: readonly (readonly [string, string])[]): string {
  const [first, ...rest] = rows;
  return first === undefined ? '' : table(first, rest);
}

/**
 * Text from the data cut to a length a person can read: item content echoed
 * in a message (a 400 MB number, a 10,000-level map) must never reach the log,
 * an annotation or the summary whole.
 */
export function clip(text: string, max = MAX_SHOWN_CHARACTERS): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1)}… (${(text.length - max + 1).toLocaleString('en-US')} more characters)`;
}

export const MAX_SHOWN_CHARACTERS = 500;
