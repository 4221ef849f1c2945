import { type AwsClients, createAwsClients } from '../aws/aws-clients.ts';
import { answerSampleCommand } from './aws-sample-answers.ts';

export class NoSampleAnswerError extends Error {
  override name = 'NoSampleAnswerError';
}

interface SdkClient {
  middlewareStack: {
    add(
      middleware: (
        next: unknown,
        context: { commandName?: string },
      ) => (args: { input: Record<string, unknown> }) => Promise<unknown>,
      options: { step: 'initialize'; name: string },
    ): void;
  };
}

const isSdkClient = (value: unknown): value is SdkClient =>
  typeof (value as SdkClient | undefined)?.middlewareStack?.add === 'function';

/**
 * The AWS clients of sandbox mode: real SDK clients whose every request is answered, before it is signed or
 * sent, with a documented sample response (aws-sample-answers.ts). Nothing leaves the machine, and a
 * command the sandbox has no sample for fails with a sentence saying so. Never used with a Slack token.
 */
export function createSandboxAwsClients(now: () => Date): AwsClients {
  const clients = createAwsClients('us-east-1');
  for (const client of Object.values(clients)) {
    if (!isSdkClient(client)) continue;
    client.middlewareStack.add(
      (_next, context) => async (args) => {
        const name = context.commandName ?? 'unknown';
        const answer = answerSampleCommand(name, args.input, now());
        if (!answer) throw new NoSampleAnswerError(`The sandbox has no sample answer for ${name}.`);
        return { output: { $metadata: { httpStatusCode: 200 }, ...answer }, response: {} };
      },
      { step: 'initialize', name: 'sandboxSampleAnswers' },
    );
  }
  // Every region is the sample region: a job, log group, alarm or `trail region=…` elsewhere gets the same
  // sample answers, and no client is ever made that could reach AWS.
  const sandbox: AwsClients = { ...clients, in: () => sandbox, hasCredentials: async () => true };
  return sandbox;
}
