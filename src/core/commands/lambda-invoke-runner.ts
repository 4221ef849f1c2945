import type { LambdaClient } from '@aws-sdk/client-lambda';
import * as z from 'zod';
import { invokeAsync } from '../../aws/invoke-async.ts';
import { lazy } from '../../util/lazy.ts';
import { type CommandJob, commandJobSchema } from './command-job.ts';
import type { CommandWorkRunner } from './command-runner.ts';

/** The event the worker function receives; `type` leaves room for other kinds of asynchronous work. */
export const commandInvocationSchema = lazy(() =>
  z.strictObject({
    type: z.literal('klaxon-command'),
    job: commandJobSchema(),
  }),
);
export type CommandInvocation = z.output<ReturnType<typeof commandInvocationSchema>>;

/** Reads a worker event; undefined when it is not a command invocation. */
export function readCommandInvocation(event: unknown): CommandJob | undefined {
  const parsed = commandInvocationSchema().safeParse(event);
  return parsed.success ? parsed.data.job : undefined;
}

/**
 * On Lambda, Bolt answers Slack only after the listener returns, and the invocation ends there; so the
 * slow work is handed to the worker function as an asynchronous (`Event`) invocation, which Lambda queues
 * and answers with 202 at once.
 */
export function createLambdaInvokeRunner(options: {
  lambda: LambdaClient;
  functionName: string;
}): CommandWorkRunner {
  return {
    async dispatch(job) {
      const invocation: CommandInvocation = { type: 'klaxon-command', job };
      await invokeAsync(options.lambda, options.functionName, invocation);
    },
  };
}
