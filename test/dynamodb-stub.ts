// A stand-in for the DynamoDB API on 127.0.0.1 for what DynamoDB Local does
// not implement (ImportTable, DescribeImport, ...): each operation answers
// with a response shape from AWS's documentation, given by the test.

import { createServer } from 'node:http';
import { answerJson, listenLocal, operationOf, readBody } from './fake-dynamodb-http.js';

export type StubAnswer = { status: number; body: unknown };
export type StubHandler = (operation: string, request: Record<string, unknown>) => StubAnswer;

export interface DynamoDbStub {
  endpoint: string;
  calls: { operation: string; request: Record<string, unknown> }[];
  close(): Promise<void>;
}

export async function startDynamoDbStub(handler: StubHandler): Promise<DynamoDbStub> {
  const calls: DynamoDbStub['calls'] = [];
  const server = createServer(async (req, res) => {
    const operation = operationOf(req);
    const request = JSON.parse((await readBody(req)).toString() || '{}') as Record<string, unknown>;
    calls.push({ operation, request });
    const answer = handler(operation, request);
    answerJson(res, answer.status, answer.body, 'stub');
  });
  return { ...(await listenLocal(server)), calls };
}

export const awsError = (type: string, message: string): StubAnswer => ({
  status: 400,
  body: { __type: `com.amazonaws.dynamodb.v20120810#${type}`, message },
});
