// Splits Ion text into top-level values without parsing them, so that ion-js
// (which reads whole buffers only) gets one value at a time and a file of any
// size streams. A top-level list, as in AWS's pretty-printed import example,
// is split into its elements. The text comes as lines (see lines.ts); a line
// that could not be read breaks the value it is part of.

import type { Line, LineError } from './lines.js';

export interface IonText {
  text: string;
  /** 1-based line where the value starts. */
  line: number;
  /** Set when the text cannot be a complete value (unbalanced or too long, or a line of it unreadable). */
  broken?: string;
  /** Why, when a line of it could not be read; MALFORMED_ION otherwise. */
  code?: LineError['code'];
}

const MAX_VALUE_CHARS = 16 * 1024 * 1024;
const IVM = '$ion_1_0';

type Mode = 'code' | 'string' | 'longString' | 'quotedSymbol' | 'lineComment' | 'blockComment' | 'lob';
/** Where a value ends, or `broken` when it cannot be completed and the scan starts over on the next line. */
type Boundary = 'before' | 'after' | 'broken' | undefined;

/** The values found in each batch of lines, as one batch of values per batch of lines. */
export async function* splitIonValues(batches: AsyncIterable<Line[]>): AsyncGenerator<IonText[]> {
  const scanner = new IonScanner();
  for await (const lines of batches) {
    const values = [...scanner.feedLines(lines)];
    if (values.length > 0) yield values;
  }
  const rest = [...scanner.end()];
  if (rest.length > 0) yield rest;
}

/**
 * Tracks strings, symbols, comments, lobs and bracket depth. A value ends at
 * a newline or a closing bracket at the top level, or before a comma or the
 * closing bracket inside a top-level list.
 */
class IonScanner {
  private mode: Mode = 'code';
  private depth = 0;
  private inTopList = false;
  private escaped = false;
  private skip = 0;
  private current = '';
  private text = '';
  private start = 0;
  private startLine = 1;
  private hasContent = false;
  private line = 1;
  private brokenReason = '';

  /** Characters held back from the last chunk: a step may look two characters ahead. */
  private carry = '';

  /** Every line is fed, so that the scanner's line count stays the lines' numbers. */
  *feedLines(lines: readonly Line[]): Generator<IonText> {
    let texts: string[] = [];
    for (const line of lines) {
      if (line.error === undefined) {
        texts.push(line.text, '\n');
        continue;
      }
      yield* this.feed(texts.join(''));
      texts = [];
      yield* this.unreadable(line.number, line.error);
    }
    if (texts.length > 0) yield* this.feed(texts.join(''));
  }

  /** A line that could not be read breaks the value it is part of; the scan starts over after it. */
  private *unreadable(number: number, error: LineError): Generator<IonText> {
    yield* this.feed('', true); // the characters held back end before this line
    const within = this.hasContent && this.startLine !== number;
    yield {
      text: '',
      line: within ? this.startLine : number,
      broken: within ? `line ${number}: ${error.message}` : error.message,
      code: error.code,
    };
    this.restart();
    this.skip = 0;
    this.line = number + 1;
  }

  *feed(chunk: string, final = false): Generator<IonText> {
    const text = this.carry + chunk;
    const limit = final ? text.length : Math.max(0, text.length - 2);
    this.text = text;
    this.start = 0;
    for (let i = 0; i < limit; i++) {
      const boundary = this.skip > 0 ? this.skipOne() : this.step(text, i);
      if (boundary === 'broken') {
        this.current += text.slice(this.start, i + 1);
        this.start = i + 1;
        yield { text: this.current, line: this.startLine, broken: this.brokenReason };
        this.restart();
      } else if (boundary !== undefined) {
        const end = boundary === 'before' ? i : i + 1;
        this.current += text.slice(this.start, end);
        this.start = end;
        const value = this.take();
        if (value !== undefined) yield value;
      }
      if (text.charCodeAt(i) === 10) this.line += 1;
    }
    this.current += text.slice(this.start, limit);
    this.carry = text.slice(limit);
    if (this.current.length > MAX_VALUE_CHARS) {
      yield {
        text: '',
        line: this.startLine,
        broken: `an Ion value of over ${MAX_VALUE_CHARS} characters (unbalanced brackets or quotes?)`,
      };
      this.restart();
    }
  }

  *end(): Generator<IonText> {
    yield* this.feed('', true);
    if (this.mode !== 'code' && this.mode !== 'lineComment') {
      const inside = {
        lob: 'a blob',
        blockComment: 'a comment',
        string: 'a string',
        longString: 'a string',
        quotedSymbol: 'a quoted symbol',
      }[this.mode];
      yield { text: this.current, line: this.startLine, broken: `the Ion text ends inside ${inside}` };
    } else if (this.depth > 0 || this.inTopList) {
      yield { text: this.current, line: this.startLine, broken: 'the Ion text ends before its brackets close' };
    } else {
      const value = this.take();
      if (value !== undefined) yield value;
    }
  }

  private restart(): void {
    this.mode = 'code';
    this.depth = 0;
    this.inTopList = false;
    this.escaped = false;
    this.current = '';
    this.hasContent = false;
  }

  private skipOne(): Boundary {
    this.skip -= 1;
    return undefined;
  }

  private step(text: string, i: number): Boundary {
    const c = text[i] as string;
    switch (this.mode) {
      case 'code':
        return this.stepCode(c, text, i);
      case 'string':
      case 'quotedSymbol':
        if (c === '\n') {
          // Short strings and symbols never span lines: resynchronise on the next one.
          this.brokenReason = `a ${this.mode === 'string' ? 'string' : 'quoted symbol'} is not closed on its line`;
          return 'broken';
        }
        if (this.escaped) this.escaped = false;
        else if (c === '\\') this.escaped = true;
        else if (c === (this.mode === 'string' ? '"' : "'")) this.mode = 'code';
        return undefined;
      case 'longString':
        if (this.escaped) this.escaped = false;
        else if (c === '\\') this.escaped = true;
        else if (text.startsWith("'''", i)) this.close(2);
        return undefined;
      case 'lineComment':
        if (c !== '\n') return undefined;
        this.mode = 'code';
        return this.stepCode(c, text, i);
      case 'blockComment':
        if (c === '*' && text[i + 1] === '/') this.close(1);
        return undefined;
      case 'lob':
        if (c === '}' && text[i + 1] === '}') {
          this.close(1);
          return this.depth === 0 && !this.inTopList ? 'after' : undefined;
        }
        return undefined;
    }
  }

  private close(charsToSkip: number): void {
    this.mode = 'code';
    this.skip = charsToSkip;
  }

  private stepCode(c: string, text: string, i: number): Boundary {
    const next = text[i + 1];
    switch (c) {
      case '"':
        this.open('string', 0);
        return undefined;
      case "'":
        if (text.startsWith("'''", i)) this.open('longString', 2);
        else this.open('quotedSymbol', 0);
        return undefined;
      case '/':
        if (next === '/') this.mode = 'lineComment';
        else if (next === '*') {
          this.mode = 'blockComment';
          this.skip = 1;
        } else this.begin();
        return undefined;
      case '{':
        if (next === '{') this.open('lob', 1);
        else this.opened();
        return undefined;
      case '[':
        if (this.depth === 0 && !this.inTopList && this.onlyVersionMarkerBefore(i)) {
          // A top-level list of items: its elements become the values.
          this.inTopList = true;
          this.current = '';
          this.start = i + 1;
          this.hasContent = false;
          return undefined;
        }
        this.opened();
        return undefined;
      case '(':
        this.opened();
        return undefined;
      case ']':
        if (this.inTopList && this.depth === 0) {
          this.inTopList = false;
          return 'before';
        }
        return this.closed();
      case '}':
      case ')':
        return this.closed();
      case ',':
        return this.inTopList && this.depth === 0 ? 'before' : undefined;
      case '\n':
        if (this.depth > 0 && !this.inTopList && text.startsWith(IVM, i + 1)) {
          // A new line-delimited value begins while brackets are still open.
          this.brokenReason = 'the brackets of this value do not close before the next $ion_1_0 line';
          return 'broken';
        }
        return this.depth === 0 && !this.inTopList ? 'after' : undefined;
      case ' ':
      case '\t':
      case '\r':
        return undefined;
      default:
        this.begin();
        return undefined;
    }
  }

  private open(mode: Mode, charsToSkip: number): void {
    this.begin();
    this.mode = mode;
    this.skip = charsToSkip;
  }

  private opened(): void {
    this.begin();
    this.depth += 1;
  }

  private closed(): Boundary {
    this.depth = Math.max(0, this.depth - 1);
    return this.depth === 0 && !this.inTopList ? 'after' : undefined;
  }

  private onlyVersionMarkerBefore(i: number): boolean {
    const pending = (this.current + this.text.slice(this.start, i)).trim();
    return pending === '' || pending === IVM;
  }

  private begin(): void {
    if (!this.hasContent) {
      this.hasContent = true;
      this.startLine = this.line;
    }
  }

  private take(): IonText | undefined {
    const text = this.current.replace(/^[\s,]*/, '');
    const value = this.hasContent && text.trim() !== '' ? { text, line: this.startLine } : undefined;
    this.current = '';
    this.hasContent = false;
    return value;
  }
}
