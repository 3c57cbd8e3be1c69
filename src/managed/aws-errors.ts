// AWS exceptions from the managed APIs as sentences a person can act on.

import { TransferError } from '../errors.js';

const ADVICE: Record<string, string> = {
  AccessDeniedException:
    'the role running this step lacks a permission; see the Permissions section of the README for the policy each mode needs',
  UnrecognizedClientException:
    'the credentials are not valid for this region; check aws-region and the credentials step',
  ResourceInUseException:
    'the table already exists, and ImportTable only creates new tables; delete it, choose another table-name, or use engine: direct with existing-table: merge',
  TableNotFoundException: 'the table does not exist in this account and region',
  ResourceNotFoundException: 'the table or job does not exist in this account and region',
  PointInTimeRecoveryUnavailableException: 'point-in-time recovery is not enabled on the table, and exports need it',
  InvalidExportTimeException: 'the export time is outside the table\u2019s point-in-time recovery window',
  ExportConflictException:
    'an export with the same client token but a different request exists; change client-token or leave it empty',
  ImportConflictException:
    'an import with the same client token but a different request exists; change client-token or leave it empty',
  LimitExceededException: 'too many imports or exports are running in this account; wait for some to finish',
  ValidationException: 'AWS refused the request as invalid',
};

/** Wraps an AWS error thrown by `operation` in a TransferError with advice. */
export function explain(error: unknown, operation: string): TransferError {
  if (error instanceof TransferError) return error;
  const name = (error as { name?: string }).name ?? 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const advice = ADVICE[name];
  return new TransferError(
    'AWS_ERROR',
    `${operation} failed with ${name}: ${message}${advice === undefined ? '' : ` (${advice}).`}`,
  );
}
