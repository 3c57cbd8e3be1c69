// Reads inputs the way @actions/core does (INPUT_<NAME> with the hyphens
// kept, trimmed) and collects every problem, so all are reported together.
// An input that action.yml gives a default is read with `parseDefaulted`:
// the reader fills in that default itself, so no caller repeats it.

import { type DefaultedInput, InputDefault, type InputName } from '../constants.js';
import { InputError, type InputProblem } from '../errors.js';
import { InvalidValue } from '../parsing/values.js';

export type Env = Record<string, string | undefined>;

/** What the inputs are read against: the step's environment, the clock, and the directory it runs in. */
export interface PlanContext {
  env: Env;
  now: Date;
  cwd: string;
}

export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** The inputs that action.yml leaves without a default. */
export type UndefaultedInput = Exclude<InputName, DefaultedInput>;

export class InputReader {
  private readonly problems: InputProblem[] = [];
  private readonly env: Env;

  constructor(env: Env) {
    this.env = env;
  }

  /** The value without trimming (a space or a tab can be the CSV delimiter), or action.yml's default when empty. */
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

  /** Whether the untrimmed value differs from the default, for inputs where spaces count. */
  untrimmedChangedFromDefault(name: DefaultedInput): boolean {
    return this.untrimmed(name) !== this.defaultOf(name);
  }

  /** The value if given, else undefined. */
  optional(name: UndefaultedInput): string | undefined {
    const value = this.get(name);
    return value === '' ? undefined : value;
  }

  /** Parses an input that has no default; a bad value becomes a problem and undefined. */
  parse<T>(name: UndefaultedInput, parser: (value: string) => T): T | undefined {
    const value = this.optional(name);
    if (value === undefined) return undefined;
    return this.parseValue(name, value, parser);
  }

  /**
   * Parses an input that has a default in action.yml: the value given, or
   * the default when none was. A bad value becomes a problem, and the parsed
   * default stands in for it so that the other inputs can still be checked.
   */
  parseDefaulted<T>(name: DefaultedInput, parser: (value: string) => T, options: { untrimmed?: boolean } = {}): T {
    const value = options.untrimmed === true ? this.untrimmed(name) : this.get(name);
    const parsed = this.parseValue(name, value, parser);
    return parsed === undefined ? this.parsedDefault(name, parser) : parsed;
  }

  private parsedDefault<T>(name: DefaultedInput, parser: (value: string) => T): T {
    try {
      return parser(this.defaultOf(name));
    } catch (error) {
      const reason = error instanceof InvalidValue ? `expected ${error.expected}` : String(error);
      throw new Error(`The default of input ${name}, ${quote(this.defaultOf(name))}, does not parse: ${reason}`);
    }
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

  /** Whether a problem with this input has been recorded. */
  hasProblem(name: InputName): boolean {
    return this.problems.some((p) => p.input === name);
  }

  throwIfAny(): void {
    if (this.problems.length > 0) throw this.error();
  }

  /** Every problem recorded, as the one error the step fails with. */
  error(): InputError {
    return new InputError([...this.problems]);
  }

  private defaultOf(name: InputName): string {
    return (InputDefault as Partial<Record<InputName, string>>)[name] ?? '';
  }
}

function quote(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return JSON.stringify(shown);
}
