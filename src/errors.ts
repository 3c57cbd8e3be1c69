// The action's error family: a stable code for docs and tests, a sentence a
// person can act on, and where it happened.

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'SOURCE_EMPTY'
  | 'SOURCE_TOO_MANY_OBJECTS'
  | 'SOURCE_HAS_SEVERAL_EXPORTS'
  | 'MANIFEST_INVALID'
  | 'TABLE_EXISTS'
  | 'TABLE_NOT_FOUND'
  | 'TABLE_NOT_ACTIVE'
  | 'NO_KEY_SCHEMA'
  | 'WRITE_FAILED'
  | 'READ_FAILED'
  | 'SOURCE_IS_EXPORT_ROOT'
  | 'SOURCE_SAMPLE_INVALID'
  | 'PITR_DISABLED'
  | 'OUTSIDE_PITR_WINDOW'
  | 'AWS_ERROR';

export interface ErrorContext {
  input?: string;
  bucket?: string;
  key?: string;
  path?: string;
  line?: number;
  itemIndex?: number;
  table?: string;
}

export class TransferError extends Error {
  readonly code: ErrorCode;
  readonly context: ErrorContext;

  constructor(code: ErrorCode, message: string, context: ErrorContext = {}) {
    super(message);
    this.name = 'TransferError';
    this.code = code;
    this.context = context;
  }
}

/** One bad input: its name, the value given, and a sentence on what is accepted. */
export interface InputProblem {
  input: string;
  value: string;
  message: string;
}

/** Every bad input found, reported together before any work starts. */
export class InputError extends TransferError {
  readonly problems: readonly InputProblem[];

  constructor(problems: readonly InputProblem[]) {
    super('INVALID_INPUT', formatProblems(problems), {
      input: problems.map((p) => p.input).join(', '),
    });
    this.name = 'InputError';
    this.problems = problems;
  }
}

function formatProblems(problems: readonly InputProblem[]): string {
  const lines = problems.map((p) => p.message);
  if (lines.length === 1) return lines[0] ?? '';
  return `${lines.length} inputs are not valid:\n${lines.map((l) => `- ${l}`).join('\n')}`;
}

/** The message of any thrown value, for the one catch at the top. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
