// The inputs every mode shares: AWS settings, concurrency, waiting, max-errors,
// the client token, where the data is (bucket + prefix, or path), and the
// format and compression, each parsed once here.

import { isAbsolute, relative, resolve, sep } from 'node:path';
import { Input } from '../constants.js';
import { optional } from '../optional.js';
import {
  checkAccountId,
  checkBucket,
  checkClientToken,
  checkLocalPath,
  checkPrefix,
  checkRegion,
  checkUrl,
} from '../parsing/names.js';
import { expandTemplate } from '../parsing/templates.js';
import { InvalidValue, parseBoolean, parseDuration, parseEnum, parseInteger } from '../parsing/values.js';
import type { AwsSettings, Compression, EngineDecision, Format, Location, Mode, Plan } from '../plan.js';
import { readMaxCapacity } from './capacity.js';
import type { Env, InputReader, PlanContext } from './reader.js';

export type CommonSettings = Pick<
  Plan,
  'engine' | 'aws' | 'concurrency' | 'maxCapacity' | 'waiting' | 'maxErrors' | 'clientToken' | 'uploadArtifacts'
>;

export function readCommon(r: InputReader, context: PlanContext, engine: EngineDecision): CommonSettings {
  return {
    engine,
    aws: readAwsSettings(r, context.env),
    concurrency: r.parseDefaulted(Input.Concurrency, (v) => parseInteger(v, 1, 256)),
    ...optional('maxCapacity', readMaxCapacity(r, engine)),
    waiting: {
      wait: r.parseDefaulted(Input.Wait, parseBoolean),
      timeoutMs: r.parseDefaulted(Input.Timeout, (v) => parseDuration(v, 1000, 72 * 3_600_000, 'from 1s to 72h')),
      pollIntervalMs: r.parseDefaulted(Input.PollInterval, (v) => parseDuration(v, 1000, 60_000, 'from 1s to 60s')),
    },
    maxErrors: r.parseDefaulted(Input.MaxErrors, (v) => parseInteger(v, 0, Number.MAX_SAFE_INTEGER)),
    ...optional('clientToken', r.parse(Input.ClientToken, checkClientToken)),
    uploadArtifacts: r.parseDefaulted(Input.UploadArtifacts, parseBoolean),
  };
}

export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function readAwsSettings(r: InputReader, env: Env): AwsSettings {
  const endpointUrl = r.parse(Input.EndpointUrl, checkUrl);
  const s3EndpointUrl = r.parse(Input.S3EndpointUrl, checkUrl);
  let region = r.parse(Input.Region, checkRegion) ?? nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION);
  if (region === undefined) {
    const local =
      endpointUrl !== undefined ||
      nonEmpty(env.AWS_ENDPOINT_URL) !== undefined ||
      nonEmpty(env.AWS_ENDPOINT_URL_DYNAMODB) !== undefined ||
      nothingRemote(r);
    if (local) region = 'us-east-1';
    else if (!r.given(Input.Region)) {
      r.missing(
        Input.Region,
        'no AWS_REGION or AWS_DEFAULT_REGION is set either; give aws-region, or run aws-actions/configure-aws-credentials first',
      );
    }
  }
  const s3Compatible =
    s3EndpointUrl !== undefined ||
    nonEmpty(env.AWS_ENDPOINT_URL_S3) !== undefined ||
    nonEmpty(env.AWS_ENDPOINT_URL) !== undefined;
  return {
    // Empty only when a problem is recorded, and then no plan is made.
    region: region ?? '',
    ...optional('endpointUrl', endpointUrl),
    ...optional('s3EndpointUrl', s3EndpointUrl),
    s3Compatible,
  };
}

/** Validating a local folder with the key schema given: no call leaves the runner, so no region is needed. */
function nothingRemote(r: InputReader): boolean {
  return r.get(Input.Mode) === 'validate' && givenLocalPath(r) && !r.given(Input.TableName);
}

/** The folder relative paths start from: the repository checkout, or the working directory outside a runner. */
export function workspace(context: PlanContext): string {
  return nonEmpty(context.env.GITHUB_WORKSPACE) ?? context.cwd;
}

/** Stands in for a location that could not be read; the problem is recorded, so no plan is made. */
export const placeholderLocation: Location = { kind: 'local', path: '' };

/** bucket + prefix, or path: exactly one of the two. */
export function readLocation(
  r: InputReader,
  context: PlanContext,
  mode: Mode,
  table: string | undefined,
): Location | undefined {
  const bucket = r.parse(Input.Bucket, checkBucket);
  const path = r.optional(Input.Path);
  if (r.given(Input.Bucket) && path !== undefined) {
    r.reject(Input.Path, path, 'expected either bucket or path, not both (bucket is set too)');
    return undefined;
  }
  if (path !== undefined && isS3Url(path)) {
    r.notApplicable(Input.Prefix, 'expected no prefix with an s3:// path, which holds its prefix after the bucket');
    const owner = r.parse(Input.BucketOwner, checkAccountId);
    const url = r.parse(Input.Path, (value) => parseS3Url(value, { now: context.now, env: context.env, table }));
    return url === undefined ? undefined : { kind: 's3', ...url, ...optional('owner', owner) };
  }
  if (path !== undefined) {
    r.notApplicable(Input.Prefix, 'expected no prefix with path; put the whole folder or file in path');
    r.notApplicable(Input.BucketOwner, 'expected no bucket-owner with path, which is a local folder');
    const checked = r.parse(Input.Path, checkLocalPath);
    return checked === undefined ? undefined : { kind: 'local', path: resolve(workspace(context), checked) };
  }
  if (!r.given(Input.Bucket)) {
    r.missing(Input.Bucket, `mode: ${mode} needs bucket (S3) or path (a local file or folder)`);
    return undefined;
  }
  const prefix = r.parseDefaulted(Input.Prefix, (v) => expandPrefix(v, { now: context.now, env: context.env, table }));
  const owner = r.parse(Input.BucketOwner, checkAccountId);
  return bucket === undefined || r.hasProblem(Input.Prefix)
    ? undefined
    : { kind: 's3', bucket, prefix, ...optional('owner', owner) };
}

/** `path: s3://bucket/prefix`, as export outputs (`data-url`, `export-manifest`) and the S3 console give a place. */
export function isS3Url(value: string): boolean {
  return value.startsWith('s3://');
}

/** Whether `path` names a local file or folder (not an s3:// URL). */
export function givenLocalPath(r: InputReader): boolean {
  return r.given(Input.Path) && !isS3Url(r.get(Input.Path));
}

function parseS3Url(value: string, context: Parameters<typeof expandTemplate>[1]): { bucket: string; prefix: string } {
  const match = /^s3:\/\/([^/]*)(?:\/([\s\S]*))?$/.exec(value);
  const bucket = match?.[1] ?? '';
  try {
    checkBucket(bucket);
  } catch (error) {
    if (!(error instanceof InvalidValue)) throw error;
    throw new InvalidValue(`a local path, or an s3://bucket/prefix URL whose bucket is ${error.expected}`);
  }
  try {
    return { bucket, prefix: expandPrefix(match?.[2] ?? '', context) };
  } catch (error) {
    if (!(error instanceof InvalidValue)) throw error;
    throw new InvalidValue(`an s3://bucket/prefix URL with ${error.expected}`);
  }
}

/** The prefix with its placeholders filled in, checked as the key prefix it then is. */
function expandPrefix(template: string, context: Parameters<typeof expandTemplate>[1]): string {
  const expanded = expandTemplate(template, context);
  try {
    return checkPrefix(expanded);
  } catch (error) {
    if (!(error instanceof InvalidValue) || expanded === template) throw error;
    throw new InvalidValue(`${error.expected}; with its placeholders filled in it is ${JSON.stringify(expanded)}`);
  }
}

/** Whether `path` is `folder` or inside it (both absolute and resolved). */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

export const FORMATS: readonly Format[] = ['DYNAMODB_JSON', 'ION', 'CSV'];
export const COMPRESSIONS: readonly (Compression | 'auto')[] = ['NONE', 'GZIP', 'ZSTD', 'auto'];

/** `format` and `compression`, parsed once against every value either mode knows; each mode then checks what it accepts. */
export function readFormat(r: InputReader): Format {
  return r.parseDefaulted(Input.Format, (v) => parseEnum(v, FORMATS));
}

export function readCompression(r: InputReader): Compression | 'auto' {
  return r.parseDefaulted(Input.Compression, (v) => parseEnum(v, COMPRESSIONS));
}
