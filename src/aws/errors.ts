// AWS exceptions as sentences a person can act on, for both engines: what
// was asked of which resource, what AWS said, and what to do about it.

import { type ErrorCode, TransferError } from '../errors.js';
import { atEndpoint, errorName, messageOf } from './retry.js';

const ADVICE: Record<string, string> = {
  AccessDeniedException:
    'the role running this step lacks a permission; see the Permissions section of the README for the policy each mode needs',
  AccessDenied:
    'the role running this step lacks a permission on the bucket; see the Permissions section of the README for the policy each mode needs',
  UnrecognizedClientException:
    'the credentials are not valid for this region; check aws-region and the credentials step',
  InvalidAccessKeyId: 'the credentials are not valid; check the credentials step',
  ResourceInUseException:
    'the table already exists, and ImportTable only creates new tables; delete it, choose another table-name, or use engine: direct with existing-table: merge',
  TableNotFoundException: 'the table does not exist in this account and region',
  ResourceNotFoundException: 'the table or job does not exist in this account and region',
  NoSuchBucket: 'the bucket does not exist, or is in another account; check bucket (and bucket-owner)',
  PointInTimeRecoveryUnavailableException: 'point-in-time recovery is not enabled on the table, and exports need it',
  InvalidExportTimeException: 'the export time is outside the table\u2019s point-in-time recovery window',
  ExportConflictException:
    'an export with the same client token but a different request exists; change client-token or leave it empty',
  ImportConflictException:
    'an import with the same client token but a different request exists; change client-token or leave it empty',
  LimitExceededException: 'too many imports or exports are running in this account; wait for some to finish',
  ValidationException: 'AWS refused the request as invalid',
  UnknownOperationException:
    'this endpoint does not implement the operation: the managed engine needs AWS itself (DynamoDB Local and LocalStack lack ImportTable and ExportTableToPointInTime); use engine: direct',
};

/** A connection that could not be made, or was cut: the endpoint is at fault, not the request. */
const CONNECTION_FAILURES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

export function isConnectionFailure(error: unknown): boolean {
  if (CONNECTION_FAILURES.has(errorName(error))) return true;
  const e = error as { name?: string; message?: string; code?: string; cause?: { code?: string } } | undefined;
  if (e?.code !== undefined && CONNECTION_FAILURES.has(e.code)) return true;
  if (e?.cause?.code !== undefined && CONNECTION_FAILURES.has(e.cause.code)) return true;
  // The SDK's connect timeout: no connection within its 5 s.
  return e?.name === 'TimeoutError' && /establish a connection/.test(e.message ?? '');
}

/**
 * A connection failure that outlived the retries as ENDPOINT_UNAVAILABLE,
 * naming the endpoint (as the README promises); anything else as it is.
 */
export function unreachable(error: unknown, operation = 'A request'): unknown {
  if (error instanceof TransferError || !isConnectionFailure(error)) return error;
  return new TransferError(
    'ENDPOINT_UNAVAILABLE',
    `${operation} failed with ${errorName(error)}${atEndpoint(error)} (${messageOf(error)}) after every retry: the endpoint could not be reached, or dropped the connection. Check that the service is up and that endpoint-url, s3-endpoint-url or the region name it.`,
  );
}

/** Wraps an AWS error thrown by `operation` (such as `DescribeTable of Orders`) in a TransferError with advice. */
export function explain(error: unknown, operation: string, code: ErrorCode = 'AWS_ERROR'): TransferError {
  if (error instanceof TransferError) return error;
  if (isConnectionFailure(error)) return unreachable(error, operation) as TransferError;
  const name = errorName(error);
  const advice = ADVICE[name];
  return new TransferError(
    name === 'NoSuchBucket' ? 'BUCKET_NOT_FOUND' : code,
    `${operation} failed with ${name}: ${messageOf(error)}${advice === undefined ? '' : ` (${advice}).`}`,
  );
}
