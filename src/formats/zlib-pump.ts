// Runs one of Node's zlib streams over chunks from a reader and yields its
// output. zlib works on its own thread, alongside the parsing of the output
// already yielded. A stream that ends by itself (raw deflate at the end of a
// gzip member's data, zstd at the end of a frame) leaves the bytes after that
// point unread; they go back to the reader, in order, for the next member or
// frame.

import type { Transform } from 'node:stream';

/** A zlib or zstd stream: it counts the input bytes it has taken. */
export type ZlibStream = Transform & { readonly bytesWritten: number };

export interface ChunkSource {
  next(): Promise<Uint8Array | undefined>;
  unread(bytes: Uint8Array): void;
}

export async function* pump(stream: ZlibStream, source: ChunkSource): AsyncGenerator<Uint8Array> {
  // Chunks written but perhaps not all taken, and where the first one starts.
  const written: Uint8Array[] = [];
  let writtenFrom = 0;
  let outputEnded = false;
  const writing = (async () => {
    for (;;) {
      const chunk = await source.next();
      if (outputEnded || stream.destroyed) {
        if (chunk !== undefined) source.unread(chunk);
        return;
      }
      if (chunk === undefined) {
        stream.end();
        return;
      }
      while (written.length > 0 && writtenFrom + (written[0] as Uint8Array).length <= stream.bytesWritten)
        writtenFrom += (written.shift() as Uint8Array).length;
      written.push(chunk);
      if (!stream.write(chunk)) await drainedOrClosed(stream);
    }
  })();
  // A failing source (a network read) fails the stream, and so this generator, with its own error.
  writing.catch((error: unknown) => stream.destroy(error as Error));

  let complete = false;
  try {
    for await (const chunk of stream) yield chunk as Uint8Array;
    complete = true;
  } finally {
    outputEnded = true;
    const taken = stream.bytesWritten;
    stream.destroy();
    if (complete) {
      await writing;
      giveBack(source, written, writtenFrom, taken);
    }
  }
}

/** Gives back what was written beyond the `taken` bytes, latest first so that the source keeps their order. */
function giveBack(source: ChunkSource, written: Uint8Array[], from: number, taken: number): void {
  let start = from;
  const untaken: Uint8Array[] = [];
  for (const chunk of written) {
    const end = start + chunk.length;
    if (end > taken) untaken.push(chunk.subarray(Math.max(0, taken - start)));
    start = end;
  }
  for (let i = untaken.length - 1; i >= 0; i--) source.unread(untaken[i] as Uint8Array);
}

function drainedOrClosed(stream: ZlibStream): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
