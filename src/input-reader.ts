// Reads inputs the way @actions/core does (INPUT_<NAME> with the hyphens
// kept, trimmed) and collects every problem, so all are reported together.

import { InputDefault, type InputName } from './constants.js';
import { InputError, type InputProblem } from './errors.js';
import { InvalidValue } from './parsing/values.js';

export type Env = Record<string, string | undefined>;

export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

export class InputReader {
  private readonly problems: InputProblem[] = [];
  private readonly env: Env;

  constructor(env: Env) {
    this.env = env;
  }

  /** The value without trimming: a space or a tab can be the CSV delimiter. */
  untrimmed(name: InputName): string {
    const value = this.env[inputVariable(name)] ?? '';
    return value === '' ? this.defaultOf(name) : value;
  }

  /** The trimmed value, or action.yml's default when empty. */
  get(name: InputName): string {
    const value = (this.env[inputVariable(name)] ?? '').trim();
    return value === '' ? this.defaultOf(name) : value;
  }

  /** Whether the workflow gave a value (a default does not count). */
  given(name: InputName): boolean {
    return (this.env[inputVariable(name)] ?? '').trim() !== '';
  }

  /** Whether the workflow gave a value other than the default (compared as enums are). */
  changedFromDefault(name: InputName): boolean {
    const normalize = (v: string): string => v.trim().toUpperCase().replace(/-/g, '_');
    return this.given(name) && normalize(this.get(name)) !== normalize(this.defaultOf(name));
  }

  /** The value if given or defaulted, else undefined. */
  optional(name: InputName): string | undefined {
    const value = this.get(name);
    return value === '' ? undefined : value;
  }

  /** Parses an input; a bad value becomes a problem and undefined. */
  parse<T>(name: InputName, parser: (value: string) => T): T | undefined {
    const value = this.optional(name);
    if (value === undefined) return undefined;
    return this.parseValue(name, value, parser);
  }

  private parseValue<T>(name: InputName, value: string, parser: (value: string) => T): T | undefined {
    try {
      return parser(value);
    } catch (error) {
      if (!(error instanceof InvalidValue)) throw error;
      this.reject(name, value, `expected ${error.expected}`);
      return undefined;
    }
  }

  /** Records `Input "name" is "value"; <reason>.` */
  reject(name: InputName, value: string, reason: string): void {
    this.problems.push({ input: name, value, message: `Input "${name}" is ${quote(value)}; ${reason}.` });
  }

  /** Records a problem with an input that is missing. */
  missing(name: InputName, reason: string): void {
    this.problems.push({ input: name, value: '', message: `Input "${name}" is not set; ${reason}.` });
  }

  /** Records that an input was given where it has no effect, which is almost always a mistake. */
  notApplicable(name: InputName, reason: string): void {
    if (this.given(name)) this.reject(name, this.get(name), reason);
  }

  throwIfAny(): void {
    if (this.problems.length > 0) throw new InputError(this.problems);
  }

  private defaultOf(name: InputName): string {
    return InputDefault[name] ?? '';
  }
}

function quote(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return JSON.stringify(shown);
}
