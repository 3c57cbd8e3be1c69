// Helpers for the resumed-import tests: a source of several S3 objects, a
// proxy that measures the write capacity each run consumes, and the log line
// that says how far a checkpoint got.

import { PutObjectCommand } from '@aws-sdk/client-s3';
import { inject } from 'vitest';
import { type ThrottlingProxy, startThrottlingProxy } from '../throttling-proxy.js';
import { itemId } from './fault-helpers.js';
import { s3 } from './helpers.js';

export const OBJECTS = 8;
export const PER_OBJECT = 1_000;
export const ITEMS = OBJECTS * PER_OBJECT;

/** Object `index` of the source: PER_OBJECT DynamoDB JSON lines; `tag` changes its content (and size). */
export function objectText(index: number, tag = ''): string {
  const lines: string[] = [];
  for (let i = index * PER_OBJECT; i < (index + 1) * PER_OBJECT; i++)
    lines.push(`{"Item":{"id":{"S":"${itemId(i)}"},"n":{"N":"${i}"}${tag === '' ? '' : `,"tag":{"S":"${tag}"}`}}}`);
  return `${lines.join('\n')}\n`;
}

export async function putObject(bucket: string, key: string, body: string): Promise<void> {
  await s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
}

/** The source: `<prefix>part-0.json` ... `part-7.json`. */
export async function writeSourceObjects(bucket: string, prefix: string): Promise<void> {
  for (let i = 0; i < OBJECTS; i++) await putObject(bucket, `${prefix}part-${i}.json`, objectText(i));
}

/** A proxy that slows each call down (so a run can be stopped half-way); it adds up the write units DynamoDB reports. */
export function capacityProxy(delayMs: number): Promise<ThrottlingProxy> {
  return startThrottlingProxy(inject('dynamodbEndpoint'), {
    throttleEvery: 0,
    splitEvery: 0,
    delayMs,
  });
}

/** True once the log says a checkpoint holds at least `objects` finished objects. */
export const checkpointReached =
  (objects: number) =>
  (log: string): boolean =>
    [...log.matchAll(/Checkpoint saved to .*?: (\d+) of \d+ object\(s\) done/g)].some((m) => Number(m[1]) >= objects);
