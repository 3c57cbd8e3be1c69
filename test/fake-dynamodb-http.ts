// What the suite's stand-ins for the DynamoDB endpoint share (the stub for
// the managed APIs and the throttling proxy): the operation a request names,
// its body, a JSON answer, and a server on 127.0.0.1 at a free port.

import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** `Scan` from the `x-amz-target` header `DynamoDB_20120810.Scan`. */
export function operationOf(req: IncomingMessage): string {
  return (
    String(req.headers['x-amz-target'] ?? '')
      .split('.')
      .pop() ?? ''
  );
}

export async function readBody(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function answerJson(res: ServerResponse, status: number, body: unknown, requestId: string): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': requestId,
  });
  res.end(text);
}

export async function listenLocal(server: Server): Promise<{ endpoint: string; close(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    // Open connections are cut too: a client sees the endpoint go away at once, as when its process dies.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
