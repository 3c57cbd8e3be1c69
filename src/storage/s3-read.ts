// An object's bytes from S3, read so that a faulty network neither hangs nor
// fails the work: every wait for the next bytes (and for an answer's
// headers) is bounded by an idle timeout and cut short by a cancel; a body
// that stalls, or whose connection is reset, is asked for again from the
// first byte not yet read (a ranged GetObject), and only from the object the
// read began with (If-Match its ETag), under the action's backoff. The idle
// timer runs only while the reader waits for bytes, never while the import
// it feeds is busy (a 400 KB item under `max-capacity: 1` takes minutes).
// Before, a body stalled after 64 KB held the step for ever, deaf to a
// cancel, and a reset failed the import at once.

import type { Readable } from 'node:stream';
import { abortableSleep } from '../aws/poll.js';
import { Aborted, backoff, errorName, isRetryable, messageOf } from '../aws/retry.js';
import { TransferError } from '../errors.js';

/** Silence while waiting for bytes after which a read is tried again from where it stopped. */
export const READ_IDLE_MS = 60_000;
/** Failures in a row, without a byte gained between them, after which a read is given up. */
export const READ_ATTEMPTS = 4;

export interface ReadGuard {
  /** A cancel: the read stops at once (Aborted), whatever it waits for. */
  signal?: AbortSignal | undefined;
  idleMs?: number | undefined;
}

/** For tests only: a short idle timeout (DYNAMODB_S3_TRANSFER_READ_IDLE_MS), so a stall is seen in seconds. */
export function readGuard(deps: {
  signal?: AbortSignal | undefined;
  env?: Record<string, string | undefined>;
}): ReadGuard {
  const idle = Number(deps.env?.DYNAMODB_S3_TRANSFER_READ_IDLE_MS ?? '');
  return { signal: deps.signal, ...(Number.isSafeInteger(idle) && idle > 0 && { idleMs: idle }) };
}

export type Body = Readable & AsyncIterable<Uint8Array>;

/** One GetObject from byte `from` to the end, If-Match `etag` when given; undefined when it has no body. */
export type RangedGet = (
  from: number,
  etag: string | undefined,
  signal: AbortSignal,
) => Promise<{ body: Body; etag: string | undefined } | undefined>;

/** The object's bytes, at most `limit`; `where` names it (s3://bucket/key) in errors. */
export async function* resumableRead(
  get: RangedGet,
  where: string,
  guard: ReadGuard,
  limit = Number.POSITIVE_INFINITY,
): AsyncGenerator<Uint8Array> {
  const idleMs = guard.idleMs ?? READ_IDLE_MS;
  let reached = 0;
  let etag: string | undefined;
  for (let failures = 0; reached < limit;) {
    const request = new AbortController();
    const cancel = (): void => request.abort();
    guard.signal?.addEventListener('abort', cancel, { once: true });
    let body: Body | undefined;
    try {
      if (guard.signal?.aborted) throw new Aborted();
      const answer = await within(get(reached, etag, request.signal), idleMs, request, guard.signal);
      if (answer === undefined) return;
      if (etag !== undefined && answer.etag !== undefined && answer.etag !== etag) throw changed(where, etag);
      etag ??= answer.etag;
      body = answer.body;
      const chunks = body[Symbol.asyncIterator]();
      for (;;) {
        const next = await within(chunks.next(), idleMs, request, guard.signal);
        if (next.done === true) return;
        failures = 0;
        const chunk = next.value.byteLength > limit - reached ? next.value.subarray(0, limit - reached) : next.value;
        reached += chunk.byteLength;
        if (chunk.byteLength > 0) yield chunk;
      }
    } catch (error) {
      if (guard.signal?.aborted) throw new Aborted();
      if (errorName(error) === 'PreconditionFailed' && etag !== undefined) throw changed(where, etag);
      // Asked again for bytes past the end: the body had all of them before it broke.
      if (reached > 0 && errorName(error) === 'InvalidRange') return;
      if (!(error instanceof ReadStalled) && !isRetryable(error)) throw error;
      failures += 1;
      if (failures >= READ_ATTEMPTS) {
        throw new TransferError(
          'READ_FAILED',
          `Reading ${where} failed ${failures} times in a row at byte ${reached}, the last time with ${reason(error)}; each time it was read again from there, and then given up. Run the step again when the bucket's endpoint answers.`,
        );
      }
      await abortableSleep(backoff(failures), guard.signal).catch(() => {
        throw new Aborted();
      });
    } finally {
      guard.signal?.removeEventListener('abort', cancel);
      body?.destroy();
      request.abort();
    }
  }
}

/** No bytes came for the idle timeout while the reader waited for them. */
class ReadStalled extends Error {
  constructor(ms: number) {
    super(`no data for ${ms / 1000} s`);
    this.name = 'ReadStalled';
  }
}

function reason(error: unknown): string {
  return error instanceof ReadStalled ? error.message : `${errorName(error)} (${messageOf(error)})`;
}

function changed(where: string, etag: string): TransferError {
  return new TransferError(
    'READ_FAILED',
    `${where} changed while it was being read (its ETag is no longer ${etag}): nothing more of it is read, as its bytes would mix two versions. Run the step again once the object stays as it is.`,
  );
}

/**
 * The promise, or ReadStalled once `ms` pass first (the request is then
 * aborted, its body torn down), or Aborted on a cancel.
 */
function within<T>(promise: Promise<T>, ms: number, request: AbortController, cancel?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new ReadStalled(ms));
      request.abort();
    }, ms);
    const onCancel = (): void => reject(new Aborted());
    cancel?.addEventListener('abort', onCancel, { once: true });
    const done = (): void => {
      clearTimeout(timer);
      cancel?.removeEventListener('abort', onCancel);
    };
    // Whatever settles first wins; a later rejection of `promise` (once its request is torn down) is ignored.
    promise.then(
      (value) => {
        done();
        resolve(value);
      },
      (error: unknown) => {
        done();
        reject(error);
      },
    );
  });
}
