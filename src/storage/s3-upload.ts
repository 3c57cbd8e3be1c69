// Streams an object of unknown length into S3 with memory that does not grow
// with the number of objects written at once. An export writes one data file
// per scan segment at the same time; lib-storage's Upload holds up to three
// parts in memory for each of them (403 MB measured for 16 segments). Here
// each part is filled on disk, and only the parts being sent are in memory,
// a few at a time across every upload of the store.

import type { CompletedPart, PutObjectCommandInput } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { type FileHandle, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { S3 } from '../aws/lazy-clients.js';

/** Parts sent at once by every upload that shares it; each holds one part in memory. */
export class PartSlots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(count: number) {
    this.free = count;
  }

  async use<T>(work: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next === undefined) this.free += 1;
      else next();
    }
  }
}

export interface SpooledUploadOptions {
  /**
   * Bucket, key, encryption and owner: what every request of the upload
   * carries; `IfNoneMatch: '*'` (only the PutObject or the completion carries
   * it) makes S3 refuse to replace an object that is already there.
   */
  params: Pick<
    PutObjectCommandInput,
    'Bucket' | 'Key' | 'ServerSideEncryption' | 'SSEKMSKeyId' | 'ExpectedBucketOwner' | 'IfNoneMatch'
  >;
  /** Bytes per part; S3's minimum is 5 MiB (except the last part). */
  partSize: number;
  /** Where parts wait on disk while they fill. */
  spoolDir: string;
  slots: PartSlots;
}

export interface UploadResult {
  etag: string;
  bytes: number;
}

/** An object smaller than one part is a single PutObject; a larger one a multipart upload, aborted on failure. */
export async function uploadSpooled(
  s3: S3,
  chunks: AsyncIterable<Uint8Array>,
  options: SpooledUploadOptions,
): Promise<UploadResult> {
  const { params, partSize, slots } = options;
  const { IfNoneMatch: ifNoneMatch, ...created } = params;
  const target = {
    Bucket: params.Bucket,
    Key: params.Key,
    ...(params.ExpectedBucketOwner === undefined ? {} : { ExpectedBucketOwner: params.ExpectedBucketOwner }),
  };
  const parts: CompletedPart[] = [];
  let uploadId: string | undefined;
  // At most one part of this object is being sent while the next one fills.
  let sending: Promise<void> = Promise.resolve();
  let spool = await PartFile.create(options.spoolDir);
  let bytes = 0;

  const send = (file: PartFile, partNumber: number, id: string): Promise<void> =>
    slots.use(async () => {
      const body = await file.contents();
      const response = await s3.client.send(
        new s3.sdk.UploadPartCommand({
          ...target,
          UploadId: id,
          PartNumber: partNumber,
          Body: body,
          ContentLength: body.byteLength,
        }),
      );
      if (response.ETag === undefined) throw new Error(`S3 gave no ETag for part ${partNumber} of ${params.Key}`);
      parts.push({
        PartNumber: partNumber,
        ETag: response.ETag,
        // With checksums on (real S3), the completion lists each part's checksum.
        ...(response.ChecksumCRC32 === undefined ? {} : { ChecksumCRC32: response.ChecksumCRC32 }),
        ...(response.ChecksumCRC32C === undefined ? {} : { ChecksumCRC32C: response.ChecksumCRC32C }),
        ...(response.ChecksumSHA1 === undefined ? {} : { ChecksumSHA1: response.ChecksumSHA1 }),
        ...(response.ChecksumSHA256 === undefined ? {} : { ChecksumSHA256: response.ChecksumSHA256 }),
      });
    });

  try {
    for await (const chunk of chunks) {
      await spool.write(chunk);
      bytes += chunk.byteLength;
      if (spool.size < partSize) continue;
      uploadId ??= await createUpload(s3, created);
      const full = spool;
      spool = await PartFile.create(options.spoolDir);
      await sending;
      const id = uploadId;
      sending = send(full, parts.length + 1, id).finally(() => full.remove());
      sending.catch(() => undefined); // awaited before the next part or at the end
    }
    await sending;
    if (uploadId === undefined) {
      const last = spool;
      const response = await slots.use(async () => {
        const body = await last.contents();
        return s3.client.send(new s3.sdk.PutObjectCommand({ ...params, Body: body, ContentLength: body.byteLength }));
      });
      return { etag: unquote(response.ETag ?? ''), bytes };
    }
    if (spool.size > 0) await send(spool, parts.length + 1, uploadId);
    const response = await s3.client.send(
      new s3.sdk.CompleteMultipartUploadCommand({
        ...target,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts }, // in order: one part is sent at a time
        ...(ifNoneMatch === undefined ? {} : { IfNoneMatch: ifNoneMatch }),
      }),
    );
    return { etag: unquote(response.ETag ?? ''), bytes };
  } catch (error) {
    await sending.catch(() => undefined);
    if (uploadId !== undefined) {
      // Parts left behind are billed until a lifecycle rule removes them.
      await s3.client
        .send(new s3.sdk.AbortMultipartUploadCommand({ ...target, UploadId: uploadId }))
        .catch(() => undefined);
    }
    throw error;
  } finally {
    await spool.remove();
  }
}

/** As lib-storage does: with the SDK's default checksums, the upload is declared CRC32 so S3 checks every part. */
async function createUpload(s3: S3, params: Omit<SpooledUploadOptions['params'], 'IfNoneMatch'>): Promise<string> {
  const checksums = (await s3.client.config.requestChecksumCalculation()) === 'WHEN_SUPPORTED';
  const response = await s3.client.send(
    new s3.sdk.CreateMultipartUploadCommand({
      ...params,
      ...(checksums ? { ChecksumAlgorithm: 'CRC32' as const } : {}),
    }),
  );
  if (response.UploadId === undefined) throw new Error(`S3 gave no UploadId for ${params.Key}`);
  return response.UploadId;
}

/** One part, filling on disk. */
class PartFile {
  private readonly path: string;
  private readonly handle: FileHandle;
  size = 0;

  private constructor(path: string, handle: FileHandle) {
    this.path = path;
    this.handle = handle;
  }

  static async create(folder: string): Promise<PartFile> {
    const path = join(folder, `dynamodb-s3-transfer-part-${randomUUID()}`);
    return new PartFile(path, await open(path, 'w+'));
  }

  async write(chunk: Uint8Array): Promise<void> {
    for (let offset = 0; offset < chunk.byteLength;) {
      const { bytesWritten } = await this.handle.write(chunk, offset);
      offset += bytesWritten;
    }
    this.size += chunk.byteLength;
  }

  async contents(): Promise<Buffer> {
    return readFile(this.path);
  }

  async remove(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.path, { force: true });
  }
}

/** S3 quotes ETags; the manifests and outputs carry them bare. */
export function unquote(etag: string): string {
  return etag.replace(/^"|"$/g, '');
}
