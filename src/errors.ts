// The action's error family: a stable code for docs and tests, and a sentence
// a person can act on that says where it happened. Every failure message the
// step prints starts with its code, the key of the README's Troubleshooting
// table.

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'SOURCE_EMPTY'
  | 'SOURCE_NOT_FOUND'
  | 'SOURCE_TOO_MANY_OBJECTS'
  | 'SOURCE_HAS_SEVERAL_EXPORTS'
  | 'SOURCE_IS_EXPORT_ROOT'
  | 'SOURCE_SAMPLE_INVALID'
  | 'MANIFEST_INVALID'
  | 'MANIFEST_OUTSIDE_SOURCE'
  | 'EXPORT_INCOMPLETE'
  | 'CHAIN_GAP'
  | 'CHAIN_UNUSABLE'
  | 'CHANGES_NOT_REVERTIBLE'
  | 'BUCKET_NOT_FOUND'
  | 'TABLE_EXISTS'
  | 'TABLE_NOT_FOUND'
  | 'TABLE_NOT_ACTIVE'
  | 'NO_KEY_SCHEMA'
  | 'WRITE_FAILED'
  | 'READ_FAILED'
  | 'ENDPOINT_UNAVAILABLE'
  | 'PITR_DISABLED'
  | 'OUTSIDE_PITR_WINDOW'
  | 'TOO_MANY_ERRORS'
  | 'DIFFERENCES_FOUND'
  | 'CANCELLED'
  | 'WAIT_TIMED_OUT'
  | 'JOB_FAILED'
  | 'AWS_ERROR'
  | 'UNEXPECTED_ERROR';

export class TransferError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'TransferError';
    this.code = code;
  }

  /** `CODE: sentence`, as the log, the summary and the step's failure show it. */
  get shown(): string {
    return `${this.code}: ${this.message}`;
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
    super('INVALID_INPUT', formatProblems(problems));
    this.name = 'InputError';
    this.problems = problems;
  }
}

function formatProblems(problems: readonly InputProblem[]): string {
  const lines = problems.map((p) => p.message);
  if (lines.length === 1) return lines[0] ?? '';
  return `${lines.length} inputs are not valid:\n${lines.map((l) => `- ${l}`).join('\n')}`;
}

/** What the one catch at the top shows for any thrown value: always with a code. */
export function failureMessage(error: unknown): string {
  if (error instanceof TransferError) return error.shown;
  const aws = error as { name?: string; message?: string; $metadata?: unknown };
  if (aws.$metadata !== undefined) return `AWS_ERROR: ${aws.name}: ${aws.message}`;
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `UNEXPECTED_ERROR: ${text} (this is a bug in the action; please report it with the log)`;
}
