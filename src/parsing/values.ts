// Parsers for single input values. Each returns the parsed value or throws
// InvalidValue with the words that complete "expected ...".

export class InvalidValue extends Error {
  readonly expected: string;

  constructor(expected: string) {
    super(expected);
    this.name = 'InvalidValue';
    this.expected = expected;
  }
}

/** Case-insensitive, with `-` and `_` alike: `dynamodb-json` is `DYNAMODB_JSON`. */
export function parseEnum<T extends string>(raw: string, accepted: readonly T[]): T {
  const wanted = normalizeEnum(raw);
  const match = accepted.find((a) => normalizeEnum(a) === wanted);
  if (match === undefined) throw new InvalidValue(`one of ${accepted.join(', ')}`);
  return match;
}

function normalizeEnum(value: string): string {
  return value.trim().toUpperCase().replace(/-/g, '_');
}

export function parseInteger(raw: string, min: number, max: number): number {
  const expected = `a whole number from ${min} to ${max}`;
  if (!/^\d+$/.test(raw)) throw new InvalidValue(expected);
  const value = Number(raw);
  if (value < min || value > max) throw new InvalidValue(expected);
  return value;
}

/** The YAML 1.2 core booleans, as `core.getBooleanInput` accepts them. */
export function parseBoolean(raw: string): boolean {
  if (['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE'].includes(raw)) return false;
  throw new InvalidValue('true or false');
}

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** `90m`, `1h30m`, `10s`, `500ms`; a bare number is seconds. Returns milliseconds. */
export function parseDuration(raw: string, minMs: number, maxMs: number, range: string): number {
  const expected = `a duration such as 10s, 90m, 2h or 1h30m, ${range}`;
  const value = raw.trim().toLowerCase();
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(value)) {
    ms = Number(value) * 1000;
  } else if (/^(\d+(\.\d+)?(ms|s|m|h|d))+$/.test(value)) {
    ms = 0;
    for (const [, amount, unit] of value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) {
      ms += Number(amount) * (UNIT_MS[unit ?? ''] ?? Number.NaN);
    }
  } else {
    throw new InvalidValue(expected);
  }
  if (!Number.isFinite(ms) || ms < minMs || ms > maxMs) throw new InvalidValue(expected);
  return Math.round(ms);
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * A point in time: ISO 8601 (UTC when no offset is given), epoch seconds,
 * `now`, or relative to now (`-24h`, `-1h30m`).
 */
export function parseTime(raw: string, now: Date): Date {
  const expected =
    'an ISO 8601 time (2026-01-31T12:00:00Z), epoch seconds (1767225600), now, or a time relative to now (-24h, -90m)';
  const value = raw.trim();
  if (value.toLowerCase() === 'now') return new Date(now.getTime());
  if (value.startsWith('-')) {
    const ago = parseDuration(value.slice(1), 0, Number.MAX_SAFE_INTEGER, 'before now');
    return new Date(now.getTime() - ago);
  }
  if (/^\d+(\.\d+)?$/.test(value)) {
    // Milliseconds would be a date tens of thousands of years ahead: refuse them.
    if (value.split('.')[0]!.length > 11) throw new InvalidValue(`${expected}; this looks like milliseconds`);
    return new Date(Number(value) * 1000);
  }
  if (ISO_8601.test(value)) {
    const [datePart, timePart] = value.toUpperCase().split(/[T ]/);
    // No offset means UTC, whatever the runner's time zone.
    const zoned =
      timePart === undefined ? 'T00:00:00Z' : /(Z|[+-][\d:]+)$/.test(timePart) ? `T${timePart}` : `T${timePart}Z`;
    const date = new Date(`${datePart}${zoned}`);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new InvalidValue(expected);
}

/** `1h30m` for messages and summaries. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  let seconds = Math.round(ms / 1000);
  const parts: string[] = [];
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
  ] as const) {
    if (seconds >= size) {
      parts.push(`${Math.floor(seconds / size)}${unit}`);
      seconds %= size;
    }
  }
  if (seconds > 0 || parts.length === 0) parts.push(`${seconds}s`);
  return parts.join('');
}
