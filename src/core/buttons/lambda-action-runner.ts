import type { LambdaClient } from '@aws-sdk/client-lambda';
import * as z from 'zod';
import { invokeAsync } from '../../aws/invoke-async.ts';
import type { Logger } from '../../observability/logger.ts';
import { lazy } from '../../util/lazy.ts';
import { type ActionJob, type ActionWorkRunner, actionJobSchema } from './action-job.ts';

const actionInvocationSchema = lazy(() =>
  z.strictObject({ type: z.literal('klaxon-action'), job: actionJobSchema() }),
);

/** Reads a worker event; undefined when it is not a button's work. */
export function readActionInvocation(event: unknown): ActionJob | undefined {
  const parsed = actionInvocationSchema().safeParse(event);
  return parsed.success ? parsed.data.job : undefined;
}

/**
 * On Lambda, Bolt answers Slack only once the listener returns: a click's work (a DynamoDB transaction, Slack
 * calls, a Glue run) on a cold function could pass Slack's 3 s. The listener hands it to the worker as an
 * asynchronous invocation (answered 202 at once); when that fails, the work runs here, late rather than lost.
 */
export function createLambdaActionRunner(options: {
  lambda: LambdaClient;
  functionName: string;
  fallback: ActionWorkRunner;
  logger: Logger;
}): ActionWorkRunner {
  return {
    async dispatch(job) {
      try {
        await invokeAsync(options.lambda, options.functionName, { type: 'klaxon-action', job });
        return;
      } catch (error) {
        options.logger.warn(
          { err: error, action: job.kind },
          'could not hand a click to the worker; running it here',
        );
        await options.fallback.dispatch(job);
      }
    },
  };
}
