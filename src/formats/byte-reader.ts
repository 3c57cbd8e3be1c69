// Reads a stream of byte chunks in pieces of the reader's choosing, and takes
// back bytes it did not use: the gzip and zstd readers parse headers and
// trailers themselves and hand what lies between to zlib, which may stop
// before the end of what it was given.

export class ByteReader {
  /** Offset in the whole stream of the next byte `next` or `read` gives. */
  position = 0;
  private readonly iterator: AsyncIterator<Uint8Array>;
  /** Bytes given back, in stream order, before the iterator's next chunk. */
  private readonly returned: Uint8Array[] = [];
  private done = false;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** The next chunk as it comes (bytes given back first); undefined at the end of the stream. */
  async next(): Promise<Uint8Array | undefined> {
    let chunk = this.returned.shift();
    while (chunk === undefined || chunk.length === 0) {
      if (this.done) return undefined;
      const result = await this.iterator.next();
      if (result.done === true) {
        this.done = true;
        return undefined;
      }
      chunk = result.value;
    }
    this.position += chunk.length;
    return chunk;
  }

  /** Gives back bytes, which `next` and `read` then give again: the latest given back comes first. */
  unread(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.returned.unshift(bytes);
    this.position -= bytes.length;
  }

  /** The next `count` bytes, or fewer when the stream ends first. */
  async read(count: number): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    let length = 0;
    while (length < count) {
      const chunk = await this.next();
      if (chunk === undefined) break;
      const wanted = count - length;
      if (chunk.length > wanted) {
        this.unread(chunk.subarray(wanted));
        parts.push(chunk.subarray(0, wanted));
        length = count;
      } else {
        parts.push(chunk);
        length += chunk.length;
      }
    }
    return parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts);
  }

  /** Passes over `count` bytes; false when the stream ends first. */
  async skip(count: number): Promise<boolean> {
    let left = count;
    while (left > 0) {
      const chunk = await this.next();
      if (chunk === undefined) return false;
      if (chunk.length > left) this.unread(chunk.subarray(left));
      left -= Math.min(left, chunk.length);
    }
    return true;
  }

  /**
   * Stops the source, as a `for await` loop left early would, without waiting
   * for a read still under way (zlib's feeder may be waiting on the network).
   */
  close(): void {
    this.done = true;
    this.iterator.return?.()?.catch(() => undefined);
  }
}
