import type { LambdaClient } from '@aws-sdk/client-lambda';
import * as z from 'zod';
import { invokeAsync } from '../../aws/invoke-async.ts';
import { lazy } from '../../util/lazy.ts';

/** The worker event that runs an alert's waiting enrichment steps (its outbox says which). */
export const enrichInvocationSchema = lazy(() =>
  z.strictObject({
    type: z.literal('klaxon-enrich'),
    alertId: z.string().min(1).max(64),
  }),
);
export type EnrichInvocation = z.output<ReturnType<typeof enrichInvocationSchema>>;

/** Reads a worker event; undefined when it is not an enrichment invocation. */
export function readEnrichInvocation(event: unknown): string | undefined {
  const parsed = enrichInvocationSchema().safeParse(event);
  return parsed.success ? parsed.data.alertId : undefined;
}

/**
 * On Lambda nothing runs after the SNS function returns, and SNS's invocation must not wait for AWS
 * lookups: the alert's enrichment steps are handed to the worker as an asynchronous (`Event`) invocation,
 * which Lambda queues and answers with 202 at once. If that fails, the worker's per-minute sweep runs them.
 */
export function createLambdaEnrichDispatcher(options: { lambda: LambdaClient; functionName: string }) {
  return async (alertId: string): Promise<void> => {
    const invocation: EnrichInvocation = { type: 'klaxon-enrich', alertId };
    await invokeAsync(options.lambda, options.functionName, invocation);
  };
}
