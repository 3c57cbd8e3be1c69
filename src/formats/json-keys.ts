// Duplicate names in a JSON object: JSON.parse keeps the last value of a
// duplicated name and says nothing, so `{"id":{"S":"a"},"id":{"S":"b"}}` would
// import as one attribute. Finding them costs almost nothing on the usual
// line, because a duplicate leaves text that the parsed value does not
// account for: a compact line exactly as long as its parsed value written
// out (escapes counted) has none, and neither has a line with no more colons
// after quotes than its parsed value has keys (every name is followed by
// one). Only a line that passes neither is read token by token.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const LETTER_U = 0x75;

/** What JSON.parse made of a line, counted while converting it. */
export interface ParsedShape {
  /** Keys of every object at every depth. */
  keys: number;
  /** Length as compact JSON with strings unescaped; undefined when not counted. */
  chars?: number | undefined;
}

/** The first name that appears twice in one object of `text` (valid JSON), or undefined. */
export function duplicateName(text: string, parsed: ParsedShape): string | undefined {
  if (parsed.chars !== undefined && text.length === parsed.chars + escapeOverhead(text)) return undefined;
  if (colonsAfterQuotes(text) === parsed.keys) return undefined;
  return scanForDuplicate(text);
}

/** Characters that escapes add to the strings they spell: 1 for `\n`, 5 for `\u00e9`. */
function escapeOverhead(text: string): number {
  let extra = 0;
  for (let i = text.indexOf('\\'); i !== -1; i = text.indexOf('\\', i)) {
    const unicode = text.charCodeAt(i + 1) === LETTER_U;
    extra += unicode ? 5 : 1;
    i += unicode ? 6 : 2;
  }
  return extra;
}

/** Colons whose previous non-space character is a quote: every name's, and a few inside strings. */
function colonsAfterQuotes(text: string): number {
  let count = 0;
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) {
    let j = i - 1;
    let c = text.charCodeAt(j);
    while (isSpace(c)) c = text.charCodeAt(--j);
    if (c === QUOTE) count += 1;
  }
  return count;
}

/** Reads the (already parsed, so valid) JSON text token by token, keeping each open object's names. */
function scanForDuplicate(text: string): string | undefined {
  const open: (Set<string> | undefined)[] = []; // a set of names per object, undefined per array
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      let next = end;
      while (isSpace(text.charCodeAt(next))) next += 1;
      if (text.charCodeAt(next) === COLON) {
        const raw = text.slice(i + 1, end - 1);
        // Escapes spell one name many ways ("a" and "\u0061"): compare what they mean.
        const name = raw.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : raw;
        const names = open[open.length - 1];
        if (names?.has(name)) return name;
        names?.add(name);
        i = next + 1;
      } else {
        i = end;
      }
      continue;
    }
    if (c === OPEN_BRACE) open.push(new Set());
    else if (c === OPEN_BRACKET) open.push(undefined);
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) open.pop();
    i += 1;
  }
  return undefined;
}

/** Index just past the string whose opening quote is at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote === -1) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}
