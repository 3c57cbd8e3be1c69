// A stand-in for the DynamoDB API on 127.0.0.1 for what DynamoDB Local does
// not implement (ImportTable, DescribeImport, ...): each operation answers
// with a response shape from AWS's documentation, given by the test.

import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';

export type StubAnswer = { status: number; body: unknown };
export type StubHandler = (operation: string, request: Record<string, unknown>) => StubAnswer;

export interface DynamoDbStub {
  endpoint: string;
  calls: { operation: string; request: Record<string, unknown> }[];
  close(): Promise<void>;
}

export async function startDynamoDbStub(handler: StubHandler): Promise<DynamoDbStub> {
  const calls: DynamoDbStub['calls'] = [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const operation =
      String(req.headers['x-amz-target'] ?? '')
        .split('.')
        .pop() ?? '';
    const request = JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>;
    calls.push({ operation, request });
    const answer = handler(operation, request);
    const text = JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      'content-type': 'application/x-amz-json-1.0',
      'content-length': Buffer.byteLength(text),
      'x-amzn-requestid': 'stub',
    });
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export const awsError = (type: string, message: string): StubAnswer => ({
  status: 400,
  body: { __type: `com.amazonaws.dynamodb.v20120810#${type}`, message },
});
