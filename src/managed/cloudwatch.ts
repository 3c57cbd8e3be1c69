// For a failed import, the first error events AWS wrote to CloudWatch Logs
// (/aws-dynamodb/imports, stream <importId>/error), with the S3 object and
// item index each one names, so nobody has to go digging.

import type { LogsAccess } from '../aws/lazy-clients.js';
import type { ItemErrorSample } from '../result.js';

export const IMPORT_LOG_GROUP = '/aws-dynamodb/imports';

export interface ImportErrors {
  samples: ItemErrorSample[];
  /** Why the events could not be read, when they could not. */
  unavailable?: string;
}

export async function readImportErrors(logs: LogsAccess, importArn: string, limit = 10): Promise<ImportErrors> {
  const importId = importArn.split('/').pop() ?? '';
  const stream = `${importId}/error`;
  try {
    const { client, sdk } = await logs();
    const response = await client.send(
      new sdk.GetLogEventsCommand({
        logGroupName: IMPORT_LOG_GROUP,
        logStreamName: stream,
        limit,
        startFromHead: true,
      }),
    );
    return { samples: (response.events ?? []).map((event) => toSample(event.message ?? '')) };
  } catch (error) {
    const name = (error as { name?: string }).name ?? 'Error';
    const why =
      name === 'AccessDeniedException'
        ? `reading ${IMPORT_LOG_GROUP} ${stream} needs logs:GetLogEvents, which this role does not have`
        : `${name} reading ${IMPORT_LOG_GROUP} ${stream}: ${(error as Error).message}`;
    return { samples: [], unavailable: why };
  }
}

/** `{"itemS3Pointer":{"bucket","key","itemIndex"},"errorMessages":[...]}` as AWS logs it. */
function toSample(message: string): ItemErrorSample {
  try {
    const event = JSON.parse(message) as {
      itemS3Pointer?: { bucket?: string; key?: string; itemIndex?: number };
      errorMessages?: string[];
    };
    const pointer = event.itemS3Pointer ?? {};
    return {
      location: `s3://${pointer.bucket ?? ''}/${pointer.key ?? ''} item ${pointer.itemIndex ?? '?'}`,
      code: 'ItemValidationError',
      message: (event.errorMessages ?? []).join('; ') || message,
    };
  } catch {
    return { location: IMPORT_LOG_GROUP, code: 'ItemValidationError', message };
  }
}
