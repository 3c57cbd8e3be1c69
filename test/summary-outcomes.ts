// One result per outcome the job summary shows, for the stored expected
// Markdown in test/expected/ and the HTML rendering test.

import type { TransferResult } from '../src/result.js';

const ARN = 'arn:aws:dynamodb:eu-west-1:123456789012:table/Orders';

export const OUTCOMES: Record<string, { result: TransferResult; maxErrors: number }> = {
  'direct-export-completed': {
    maxErrors: 0,
    result: {
      mode: 'export',
      engine: 'direct',
      engineReason: 'endpoint-url is set',
      status: 'COMPLETED',
      tableName: 'Orders',
      tableArn: ARN,
      source: 'table Orders',
      destination: 's3://backups/nightly/AWSDynamoDB/01693685827463-2d8752fd/',
      itemCount: 12345,
      processedSizeBytes: 1536000,
      exportManifest: 's3://backups/nightly/AWSDynamoDB/01693685827463-2d8752fd/manifest-summary.json',
      dataUrl: 's3://backups/nightly/AWSDynamoDB/01693685827463-2d8752fd/data/',
      fileCount: 16,
      keySchema: ['pk:S', 'sk:N'],
      durationSeconds: 12.5,
      errors: [],
      note: "Each data file's MD5 is in manifest-files.json; an import checks them before using the items.",
      uses: 'acme/dynamodb-s3-transfer@v1',
    },
  },
  'direct-import-with-errors': {
    maxErrors: 0,
    result: {
      mode: 'import',
      engine: 'direct',
      engineReason: 'path is a local folder, which only the direct engine can read or write',
      status: 'COMPLETED',
      tableName: 'Users',
      source: '/home/runner/work/app/app/fixtures',
      destination: 'table Users',
      processedItemCount: 5,
      importedItemCount: 3,
      errorCount: 2,
      processedSizeBytes: 290,
      rejectedItems: '/home/runner/work/_temp/dynamodb-s3-transfer-rejected-1.jsonl',
      durationSeconds: 0.5,
      errors: [
        {
          location: '/home/runner/work/app/app/fixtures/users.json:3',
          code: 'MISSING_KEY',
          message: 'One or more parameter values were invalid: Missing the key pk in the item',
        },
        {
          location: '/home/runner/work/app/app/fixtures/users.json:4',
          code: 'INVALID_NUMBER',
          message: 'age: "forty" is not a valid DynamoDB number',
        },
      ],
      warnings: [
        "2 item(s) had the key of an item written just before them and overwrote it (the last one in the source wins, as in AWS's import).",
      ],
      note: 'Checked: 5 processed = 3 imported + 2 error(s).',
    },
  },
  'validate-passed': {
    maxErrors: 10,
    result: {
      mode: 'validate',
      engine: 'direct',
      engineReason: 'mode: validate reads the source here and starts no AWS job',
      status: 'COMPLETED',
      source: 's3://incoming/batch-7/',
      processedItemCount: 1000,
      importedItemCount: 999,
      errorCount: 1,
      processedSizeBytes: 420000,
      rejectedItems: 's3://audit/rejects/batch-7.jsonl',
      durationSeconds: 2,
      errors: [
        {
          location: 's3://incoming/batch-7/part-0.csv:17',
          code: 'CSV_COLUMN_COUNT',
          message: 'the row has 5 columns but the header has 4',
        },
      ],
      note: 'Checked: 1,000 processed = 999 valid + 1 error(s). Nothing was written: mode validate only reads and checks.',
      consoleRegion: 'eu-west-1',
    },
  },
  'managed-import-failed': {
    maxErrors: 0,
    result: {
      mode: 'import',
      engine: 'managed',
      engineReason: "the table is new, so AWS's ImportTable creates and fills it",
      status: 'FAILED',
      tableName: 'target-table',
      jobArn: `${ARN.replace('Orders', 'target-table')}/import/01658528578619-c4d4e311`,
      source: 's3://my-import-source/import-test.csv',
      destination: 'table target-table',
      processedItemCount: 1,
      importedItemCount: 0,
      errorCount: 1,
      processedSizeBytes: 70,
      durationSeconds: 172,
      errors: [
        {
          location: 's3://my-import-source/import-test.csv item 0',
          code: 'ItemValidationError',
          message: 'One or more parameter values were invalid: Missing the key pk in the item',
        },
      ],
      note: 'AWS says ItemValidationError: Some of the items failed validation checks and were not imported. Please check CloudWatch error logs for more details. All errors are in CloudWatch Logs, /aws-dynamodb/imports, stream 01658528578619-c4d4e311/error.',
      consoleRegion: 'eu-west-1',
    },
  },
  'managed-export-timed-out': {
    maxErrors: 0,
    result: {
      mode: 'export',
      engine: 'managed',
      engineReason: 'AWS exports the table itself (ExportTableToPointInTime), without reading capacity',
      status: 'IN_PROGRESS',
      timedOut: true,
      tableName: 'Orders',
      tableArn: ARN,
      jobArn: `${ARN}/export/01693685827463-2d8752fd`,
      source: 'table Orders',
      destination: 's3://backups/nightly/',
      durationSeconds: 21600,
      errors: [],
      note: 'Still running after 6h (timeout); the job goes on server-side.',
      consoleRegion: 'eu-west-1',
    },
  },
  'hostile-names': {
    maxErrors: 5,
    result: {
      mode: 'import',
      engine: 'direct',
      engineReason: 'engine: direct was asked for',
      status: 'COMPLETED',
      tableName: 'a|b<script>alert(1)</script>',
      source: 's3://b/key with `backticks` and | pipes',
      processedItemCount: 1,
      importedItemCount: 0,
      errorCount: 1,
      durationSeconds: 1,
      errors: [
        {
          location: 's3://b/x|y:1',
          code: 'MALFORMED_JSON',
          message: '**bold** <img src=x onerror=alert(1)> [link](javascript:alert(1))\nsecond line',
        },
      ],
    },
  },
};
