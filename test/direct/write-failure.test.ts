// A write that cannot succeed (access denied) stops the import and says how
// many items were written before it, so the re-run is known to be safe.

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type DynamoDbStub, awsError, startDynamoDbStub } from '../dynamodb-stub.js';
import { useLocalCredentials } from '../local-aws.js';
import { runLocal } from './helpers.js';

let stub: DynamoDbStub | undefined;

beforeAll(() => useLocalCredentials());
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

describe('a write that cannot succeed', () => {
  it('stops the import, names the error and says what was written before it', async () => {
    stub = await startDynamoDbStub((operation) => {
      if (operation === 'DescribeTable') {
        return {
          status: 200,
          body: {
            Table: {
              TableName: 'Denied',
              TableStatus: 'ACTIVE',
              KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
              AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
            },
          },
        };
      }
      return awsError('AccessDeniedException', 'User is not authorized to perform: dynamodb:BatchWriteItem');
    });
    const run = await runLocal({
      mode: 'import',
      path: 'test/fixtures/seed/users.json',
      'table-name': 'Denied',
      'existing-table': 'merge',
      'endpoint-url': stub.endpoint,
    });
    expect(run.exitCode).toBe(1);
    expect(run.log).toContain(
      '::error::WRITE_FAILED: BatchWriteItem on Denied failed with AccessDeniedException: User is not authorized to perform: dynamodb:BatchWriteItem (the role running this step lacks a permission',
    );
    // The counts are set and exact even though the step failed.
    expect(run.outputs).toMatchObject({ status: 'FAILED', 'imported-item-count': '0', 'processed-item-count': '5' });
    expect(run.summary).toContain('## ❌ Import of <code>Denied</code> failed');
    expect(run.summary).toContain('The 0 item(s) written to Denied stay; a re-run with existing-table: merge is safe.');
  });
});
