// Scan and Query pages whose items stay as the DynamoDB JSON bytes DynamoDB
// sent. The SDK would turn each 1 MB page into objects, eight pages at a time
// in a parallel export, only for the export to write them out again as the
// same DynamoDB JSON. A small middleware takes the body of a successful
// response before the SDK parses it, cuts the Items array out, and leaves the
// SDK the rest (Count, LastEvaluatedKey) to parse as usual. Error responses and
// retries go through the SDK untouched: only a whole 200 body is cut.

import {
  type AttributeValue,
  type DynamoDBClient,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  type ScanCommandInput,
} from '@aws-sdk/client-dynamodb';
import { sdkAttempts } from '../aws/meter.js';
import { cutArrayMember } from '../formats/json-members.js';

export interface RawPage {
  /** Each item's DynamoDB JSON, as DynamoDB sent it. */
  items: Buffer[];
  /** Gives the page's buffer back to its PageBuffers: nothing may read `items` after this. */
  release?: (() => void) | undefined;
  lastEvaluatedKey: Record<string, AttributeValue> | undefined;
  /** Read units DynamoDB reported (asked for with ReturnConsumedCapacity); undefined when it reported none. */
  consumed?: number | undefined;
  /** Items read before any filter: what the page was charged for. */
  scanned?: number | undefined;
  /** The SDK's attempts for this page. */
  attempts?: number | undefined;
}

/** The size of a pooled page buffer: a 1 MB page of items, as JSON with its type names, and room to spare. */
const PAGE_BUFFER_BYTES = 2 * 1024 * 1024;
/** Buffers kept for use again, at most (an export never has more out at once than its limit). */
const POOLED_PAGES = 64;

/**
 * Page bodies used again once their items are written out, and how many
 * pages may be out at once. A page is held while its items are encoded and
 * compressed, long enough for the collector to move it to the old
 * generation, whose buffers it frees only at a full collection: a new buffer
 * per page held up to ~100 MB of read pages outside the heap at the client's
 * ceiling. A page larger than a pooled buffer gets one of its own.
 */
export class PageBuffers {
  private readonly free: ArrayBuffer[] = [];
  private out = 0;
  private readonly waiting: (() => void)[] = [];
  /** Pages being read or held, at most. */
  private readonly limit: number;

  constructor(limit = Number.POSITIVE_INFINITY) {
    this.limit = limit;
  }

  /** Waits for room for one more page; the function it gives frees that room (once, however often it is called). */
  async reserve(): Promise<() => void> {
    if (this.out >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.out += 1;
    let freed = false;
    return () => {
      if (freed) return;
      freed = true;
      // The room passes straight to the next one waiting, if any.
      const next = this.waiting.shift();
      if (next === undefined) this.out -= 1;
      else next();
    };
  }

  take(length: number): Buffer {
    if (length > PAGE_BUFFER_BYTES) return Buffer.allocUnsafeSlow(length);
    const memory = this.free.pop() ?? Buffer.allocUnsafeSlow(PAGE_BUFFER_BYTES).buffer;
    return Buffer.from(memory, 0, length);
  }

  give(page: Buffer): void {
    if (page.buffer.byteLength === PAGE_BUFFER_BYTES && this.free.length < POOLED_PAGES)
      this.free.push(page.buffer as ArrayBuffer);
  }
}

/** A cancel abandons the page on the wire: a read is safe to drop, and a loaded endpoint may take a minute. */
export function scanRaw(
  client: DynamoDBClient,
  input: ScanCommandInput,
  signal?: AbortSignal,
  buffers?: PageBuffers,
): Promise<RawPage> {
  return sendRaw(client, new ScanCommand(input), signal, buffers);
}

export function queryRaw(
  client: DynamoDBClient,
  input: QueryCommandInput,
  signal?: AbortSignal,
  buffers?: PageBuffers,
): Promise<RawPage> {
  return sendRaw(client, new QueryCommand(input), signal, buffers);
}

async function sendRaw(
  client: DynamoDBClient,
  command: ScanCommand | QueryCommand,
  signal: AbortSignal | undefined,
  buffers: PageBuffers | undefined,
): Promise<RawPage> {
  // Set by the last attempt that got a 200; earlier attempts are overwritten.
  let items: Buffer[] | undefined;
  let body: Buffer | undefined;
  // The middleware touches only the HTTP response, the same for both commands.
  (command.middlewareStack as ScanCommand['middlewareStack']).add(
    (next) => async (args) => {
      const result = await next(args);
      const response = result.response as { statusCode?: number; headers?: Record<string, string>; body?: unknown };
      if (response.statusCode === 200) {
        const length = Number(response.headers?.['content-length'] ?? Number.NaN);
        body = await bodyBytes(response.body, length, buffers);
        const cut = cutArrayMember(body, 'Items');
        items = cut.elements;
        response.body = cut.rest;
      }
      return result;
    },
    // Inside the SDK's deserializer, so it sees the raw HTTP response first.
    { step: 'deserialize', priority: 'low', name: 'rawItemsMiddleware' },
  );
  const output = await client.send(command, signal === undefined ? {} : { abortSignal: signal });
  const received = items ?? [];
  if (received.length !== (output.Count ?? 0)) {
    const operation = command instanceof ScanCommand ? 'Scan' : 'Query';
    throw new Error(`A ${operation} page said Count ${output.Count} but held ${received.length} items`);
  }
  const whole = body;
  return {
    items: received,
    release: buffers === undefined || whole === undefined ? undefined : () => buffers.give(whole),
    lastEvaluatedKey: output.LastEvaluatedKey,
    consumed: output.ConsumedCapacity?.CapacityUnits,
    scanned: output.ScannedCount,
    attempts: sdkAttempts(output),
  };
}

/** The whole body; with its length known, read into one buffer instead of chunks joined afterwards. */
async function bodyBytes(body: unknown, length: number, buffers: PageBuffers | undefined): Promise<Buffer> {
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const chunks: Buffer[] = [];
  const known = Number.isSafeInteger(length) && length >= 0;
  const whole = known ? (buffers?.take(length) ?? Buffer.allocUnsafe(length)) : undefined;
  let received = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    if (whole === undefined) chunks.push(chunk);
    else if (received + chunk.length <= length) chunk.copy(whole, received);
    received += chunk.length;
  }
  if (whole === undefined) return Buffer.concat(chunks);
  if (received !== length) throw new Error(`the response ended after ${received} of ${length} bytes`);
  return whole;
}
