// A request that failed notes the endpoint it was sent to (`endpoint` on the
// error), so that a connection refused, reset or timed out can be reported
// naming it (errors.ts), for DynamoDB and S3 alike.

import type { FinalizeRequestMiddleware, MiddlewareStack } from '@smithy/types';

export function noteEndpoint<Input extends object, Output extends object>(stack: MiddlewareStack<Input, Output>): void {
  const middleware: FinalizeRequestMiddleware<Input, Output> = (next) => async (args) => {
    try {
      return await next(args);
    } catch (error) {
      const request = args.request as { protocol?: string; hostname?: string; port?: number } | undefined;
      if (typeof error === 'object' && error !== null && request?.hostname !== undefined && !('endpoint' in error)) {
        const port = request.port === undefined ? '' : `:${request.port}`;
        Object.assign(error, { endpoint: `${request.protocol ?? 'https:'}//${request.hostname}${port}` });
      }
      throw error;
    }
  };
  // Inside the SDK's retries, beside the request as it was sent.
  stack.add(middleware, { step: 'finalizeRequest', priority: 'low', name: 'noteEndpointMiddleware' });
}
