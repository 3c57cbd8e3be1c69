// A continued export aborts the multipart uploads a killed run left under its
// folder: every page of the listing, only keys under that folder, and a
// server that cannot list them (s3rver, fauxqs) is said, not fatal. Neither
// local S3 server lists multipart uploads, so S3 is mocked at the SDK.

import {
  AbortMultipartUploadCommand,
  ListMultipartUploadsCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, expect, it } from 'vitest';
import { S3Store } from '../../src/storage/s3.js';
import { s3Of } from '../../src/aws/lazy-clients.js';

const s3 = mockClient(S3Client);
const FOLDER = 'backups/AWSDynamoDB/01764547200000-0a1b2c3d/';

beforeEach(() => s3.reset());

it('aborts every unfinished upload under the folder, across pages', async () => {
  s3.on(ListMultipartUploadsCommand, { KeyMarker: undefined })
    .resolves({
      IsTruncated: true,
      NextKeyMarker: `${FOLDER}data/b.json.gz`,
      NextUploadIdMarker: 'u2',
      Uploads: [
        { Key: `${FOLDER}data/a.json.gz`, UploadId: 'u1' },
        { Key: `${FOLDER}data/b.json.gz`, UploadId: 'u2' },
      ],
    })
    .on(ListMultipartUploadsCommand, { KeyMarker: `${FOLDER}data/b.json.gz` })
    .resolves({
      IsTruncated: false,
      // A server that ignores Prefix: a key outside the folder is never aborted.
      Uploads: [
        { Key: `${FOLDER}data/c.json.gz`, UploadId: 'u3' },
        { Key: 'backups/other/x', UploadId: 'u4' },
      ],
    });
  s3.on(AbortMultipartUploadCommand).resolves({});
  const store = new S3Store(s3Of(new S3Client({ region: 'us-east-1' })), 'bucket', { owner: '123456789012' });
  expect(await store.abortUploads(FOLDER)).toBe(3);
  expect(s3.commandCalls(ListMultipartUploadsCommand).map((c) => c.args[0].input)).toEqual([
    {
      Bucket: 'bucket',
      Prefix: FOLDER,
      KeyMarker: undefined,
      UploadIdMarker: undefined,
      ExpectedBucketOwner: '123456789012',
    },
    {
      Bucket: 'bucket',
      Prefix: FOLDER,
      KeyMarker: `${FOLDER}data/b.json.gz`,
      UploadIdMarker: 'u2',
      ExpectedBucketOwner: '123456789012',
    },
  ]);
  expect(s3.commandCalls(AbortMultipartUploadCommand).map((c) => c.args[0].input)).toEqual(
    ['a', 'b', 'c'].map((name, i) => ({
      Bucket: 'bucket',
      Key: `${FOLDER}data/${name}.json.gz`,
      UploadId: `u${i + 1}`,
      ExpectedBucketOwner: '123456789012',
    })),
  );
});

it('says it cannot when the server does not list multipart uploads', async () => {
  s3.on(ListMultipartUploadsCommand).rejects(
    new S3ServiceException({ name: 'NotImplemented', $fault: 'server', $metadata: { httpStatusCode: 501 } }),
  );
  const store = new S3Store(s3Of(new S3Client({ region: 'us-east-1' })), 'bucket');
  expect(await store.abortUploads(FOLDER)).toBeUndefined();
  expect(s3.commandCalls(AbortMultipartUploadCommand)).toHaveLength(0);
});

it('fails with the bucket and prefix when listing is denied', async () => {
  s3.on(ListMultipartUploadsCommand).rejects(
    new S3ServiceException({
      name: 'AccessDenied',
      $fault: 'client',
      $metadata: { httpStatusCode: 403 },
      message: 'Access Denied',
    }),
  );
  const store = new S3Store(s3Of(new S3Client({ region: 'us-east-1' })), 'bucket');
  await expect(store.abortUploads(FOLDER)).rejects.toThrow(
    /ListMultipartUploads of bucket bucket, prefix "backups\/AWSDynamoDB\//,
  );
});
