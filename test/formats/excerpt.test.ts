import { describe, expect, it } from 'vitest';
import { EXCERPT_CHARS, excerpt } from '../../src/formats/excerpt.js';

describe('excerpt', () => {
  it('keeps short text as it is', () => {
    expect(excerpt('a'.repeat(EXCERPT_CHARS))).toBe('a'.repeat(EXCERPT_CHARS));
  });

  it('cuts long text with an ellipsis', () => {
    expect(excerpt('abcdef', 3)).toBe('abc…');
  });

  it('never cuts between the halves of a surrogate pair', () => {
    expect(excerpt('ab🎸cd', 3)).toBe('ab…');
    expect(excerpt('ab🎸cd', 4)).toBe('ab🎸…');
  });
});
