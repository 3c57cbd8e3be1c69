// Checks for AWS names and addresses given as inputs.

import { InvalidValue } from './values.js';

const TABLE_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;
export const TABLE_NAME_RULE = 'a table name of 3 to 255 letters, digits, underscores, hyphens or dots';

export function checkTableName(value: string): string {
  if (!TABLE_NAME.test(value)) throw new InvalidValue(TABLE_NAME_RULE);
  return value;
}

export function parseTableArn(value: string): { arn: string; name: string } {
  const match = /^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/([a-zA-Z0-9_.-]{3,255})$/.exec(value);
  if (!match?.[1]) throw new InvalidValue('a table ARN such as arn:aws:dynamodb:us-east-1:123456789012:table/Orders');
  return { arn: value, name: match[1] };
}

export function checkBucket(value: string): string {
  if (value.startsWith('s3://') || value.includes('/')) {
    throw new InvalidValue('a bucket name only, such as my-backups; put the key path in prefix');
  }
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(value)) {
    throw new InvalidValue('an S3 bucket name: 3 to 63 characters from a-z, 0-9, . and -');
  }
  return value;
}

export function checkPrefix(value: string): string {
  const problem = keyProblem(value);
  if (problem !== undefined) throw new InvalidValue(`a key prefix ${problem}`);
  if (value.length > 1024) throw new InvalidValue('a key prefix of at most 1024 characters');
  return value;
}

/**
 * What is wrong with an S3 key or key prefix given as an input, as the end of
 * "expected a key ..."; undefined when nothing is. S3 itself takes any key,
 * but a leading `/` or a `..` segment is a path mistake or an attempt to
 * reach outside the folder meant (and escapes it on a local store), and a
 * control character is never meant.
 */
export function keyProblem(key: string): string | undefined {
  if (key.startsWith('/')) return 'without a leading / (S3 keys do not start with one)';
  if (key.split('/').includes('..')) {
    return 'without .. segments (S3 keys are names, not paths; a .. would reach outside the folder meant)';
  }
  return controlCharacterProblem(key);
}

/** A local path given as an input: any path, but without control characters. */
export function checkLocalPath(value: string): string {
  const problem = controlCharacterProblem(value);
  if (problem !== undefined) throw new InvalidValue(`a local path ${problem}`);
  return value;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function controlCharacterProblem(value: string): string | undefined {
  const match = CONTROL.exec(value);
  if (match === null) return undefined;
  const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return `without control characters (U+0000 to U+001F and U+007F); it has U+${code} at character ${match.index + 1}`;
}

export function checkAccountId(value: string): string {
  if (!/^\d{12}$/.test(value)) throw new InvalidValue('a 12-digit AWS account id');
  return value;
}

export function checkUrl(value: string): string {
  const expected = 'an http:// or https:// URL such as http://127.0.0.1:8000';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidValue(expected);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidValue(expected);
  return value;
}

export function checkRegion(value: string): string {
  if (!/^[a-z0-9-]{2,32}$/.test(value)) throw new InvalidValue('an AWS region such as us-east-1');
  return value;
}

export function checkClientToken(value: string): string {
  if (value.length > 36 || value.includes('$')) throw new InvalidValue('1 to 36 characters without $');
  return value;
}
