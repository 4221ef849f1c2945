import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';

export class InvocationNotQueuedError extends Error {
  override name = 'InvocationNotQueuedError';
}

/**
 * Hands work to another function as an asynchronous (`Event`) invocation: Lambda queues it and answers 202 at
 * once, so the caller (a Slack request, an SNS delivery) is answered without waiting for the work.
 */
export async function invokeAsync(
  lambda: LambdaClient,
  functionName: string,
  event: { type: string; [field: string]: unknown },
): Promise<void> {
  const response = await lambda.send(
    new InvokeCommand({
      FunctionName: functionName,
      InvocationType: 'Event',
      Payload: new TextEncoder().encode(JSON.stringify(event)),
    }),
  );
  if (response.StatusCode !== 202) {
    throw new InvocationNotQueuedError(
      `Lambda did not queue the ${event.type} (status ${response.StatusCode ?? 'none'})`,
    );
  }
}
