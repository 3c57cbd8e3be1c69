// Item content quoted in an error message is cut short: a message goes to the
// log, the job summary, annotations and the rejects file, so a hostile value
// (a 4 MB attribute name, a 10 MB exponent) must not make it huge.

/** The most characters of item content one message quotes. */
export const EXCERPT_CHARS = 100;

/** The most characters a whole message may have, whatever it quotes. */
export const MESSAGE_CHARS = 1000;

/** `text` cut to `max` characters with an ellipsis, never between the halves of a surrogate pair. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  if (text.length <= max) return text;
  const end = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
