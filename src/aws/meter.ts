// Every metered request goes through here: AIMD decides how many are in
// flight, the budget's bucket (when max-capacity is set) how fast they start,
// and what DynamoDB reports as consumed is added up by kind and by second for
// the outputs and the summary's chart.

import { TokenBucket } from './capacity.js';
import { Aimd } from './rate.js';
import { isThrottling } from './retry.js';

export type CapacityKind = 'read' | 'write';

/** What a run consumed, as DynamoDB reported it; plain data, it crosses from the worker thread. */
export interface CapacityReport {
  readUnits: number;
  writeUnits: number;
  /** Requests DynamoDB answered with a throttling error, or with UnprocessedItems. */
  throttled: number;
  /** Units per second, max-capacity resolved; absent without a budget. */
  budget?: number;
  /** Units consumed in each second of the work, from its start. */
  perSecond: number[];
  seconds: number;
}

export interface MeterOptions {
  /** Units per second (max-capacity resolved); undefined: no budget. */
  budget: number | undefined;
  concurrency: number;
  now: () => number;
  wait: (ms: number) => Promise<void>;
}

export interface Metered<T> {
  result: T;
  /** Units DynamoDB reported; undefined when it reported none. */
  consumed: number | undefined;
  /** The request was only partly done for lack of capacity (UnprocessedItems). */
  throttled?: boolean;
  /** The SDK's attempts (`$metadata.attempts`): those before the last were refused, throttled as a rule. */
  attempts?: number | undefined;
}

export class Meter {
  readonly budget: number | undefined;
  private readonly bucket: TokenBucket | undefined;
  private readonly aimd: Aimd;
  private readonly now: () => number;
  private readonly started: number;
  private readonly consumed = { read: 0, write: 0 };
  private readonly perSecond: number[] = [];
  private throttled = 0;

  constructor(options: MeterOptions) {
    this.budget = options.budget;
    this.now = options.now;
    this.started = options.now();
    this.aimd = new Aimd(options.concurrency);
    this.bucket =
      options.budget === undefined
        ? undefined
        : new TokenBucket(options.budget, { now: options.now, wait: options.wait });
  }

  /** True when estimates matter: without a budget nothing is charged, so nothing is estimated. */
  get budgeted(): boolean {
    return this.bucket !== undefined;
  }

  /** One request: a place in flight, its estimate charged, then settled with what DynamoDB reported. */
  async send<T>(kind: CapacityKind, estimate: number, call: () => Promise<Metered<T>>): Promise<T> {
    const ticket = await this.aimd.acquire();
    let charged = 0;
    try {
      if (this.bucket !== undefined) {
        await this.bucket.take(estimate);
        charged = estimate;
      }
      const { result, consumed, throttled, attempts } = await call();
      if (consumed !== undefined) this.record(kind, consumed);
      this.bucket?.settle(charged, consumed ?? charged);
      // The SDK retries a throttled request itself before answering: those attempts count too.
      const refused = Math.max(0, (attempts ?? 1) - 1) + (throttled === true ? 1 : 0);
      if (refused > 0) this.throttle(ticket, refused);
      else this.aimd.succeeded();
      return result;
    } catch (error) {
      this.bucket?.settle(charged, 0); // a refused request consumes nothing
      if (isThrottling(error)) this.throttle(ticket, attemptsOf(error));
      throw error;
    } finally {
      this.aimd.release();
    }
  }

  report(): CapacityReport {
    return {
      readUnits: round(this.consumed.read),
      writeUnits: round(this.consumed.write),
      throttled: this.throttled,
      ...(this.budget === undefined ? {} : { budget: this.budget }),
      perSecond: Array.from(this.perSecond, (units) => round(units ?? 0)),
      seconds: (this.now() - this.started) / 1000,
    };
  }

  private throttle(ticket: number, requests: number): void {
    this.throttled += requests;
    this.aimd.throttled(ticket);
  }

  private record(kind: CapacityKind, units: number): void {
    this.consumed[kind] += units;
    const second = Math.max(0, Math.floor((this.now() - this.started) / 1000));
    this.perSecond[second] = (this.perSecond[second] ?? 0) + units;
  }
}

function attemptsOf(error: unknown): number {
  return Math.max(1, sdkAttempts(error) ?? 1);
}

/** The SDK's attempts for an answer or an error; undefined when it carries no metadata (a stand-in, a mock). */
export function sdkAttempts(answer: unknown): number | undefined {
  return (answer as { $metadata?: { attempts?: number } } | undefined)?.$metadata?.attempts;
}

/** Half units (eventually consistent reads) add up exactly; anything finer is float noise. */
function round(units: number): number {
  return Math.round(units * 1000) / 1000;
}

/** The units of a ConsumedCapacity answer (one object, or one per table). */
export function unitsOf(
  consumed: { CapacityUnits?: number | undefined } | { CapacityUnits?: number | undefined }[] | undefined,
): number | undefined {
  if (consumed === undefined) return undefined;
  const list = Array.isArray(consumed) ? consumed : [consumed];
  if (list.length === 0) return undefined;
  return list.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
}

/** No budget: AIMD and the tally only (tests and callers that pass no meter). */
export function unmetered(concurrency: number, now: () => number): Meter {
  return new Meter({ budget: undefined, concurrency, now, wait: () => Promise.resolve() });
}
