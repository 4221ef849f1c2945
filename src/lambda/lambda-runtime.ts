import { LambdaClient } from '@aws-sdk/client-lambda';
import { createSubscriptionConfirmer } from '../app/confirm-subscription.ts';
import { createCore, type KlaxonCore } from '../app/create-core.ts';
import { createAwsClients } from '../aws/aws-clients.ts';
import { createLambdaBoltApp } from '../bot/create-bolt-app.ts';
import { registerListeners } from '../bot/listeners/register-listeners.ts';
import { createLambdaActionRunner } from '../core/buttons/lambda-action-runner.ts';
import { createLambdaInvokeRunner } from '../core/commands/lambda-invoke-runner.ts';
import { createSlackWebClient } from '../slack/slack-client.ts';
import { createSlackIdentityService, type ScheduleRetry } from '../slack/slack-identity.ts';
import { createSlackRequestStore } from '../store/slack-request-store.ts';
import {
  createLambdaCore,
  type LambdaCore,
  type LambdaCoreOverrides,
  type LambdaParts,
} from './lambda-core.ts';

export interface LambdaRuntimeOverrides extends LambdaCoreOverrides {
  /** When to retry `auth.test` while Slack is down (tests run retries by hand). */
  scheduleSlackRetry?: ScheduleRetry;
}

/** The Function URL's runtime: the shared core plus the Slack side (identity, Bolt, request guard). */
export async function createLambdaRuntime(env: NodeJS.ProcessEnv, overrides: LambdaRuntimeOverrides = {}) {
  // Every service: Bolt's listeners need the actions and commands, and the sweep costs nothing more to bundle
  // here (its CloudWatch client is among the query clients already).
  const base = await createLambdaCore(
    env,
    { ...overrides, parts: slackFunctionParts(overrides) },
    createCore,
  );
  return { ...base, ...(await createSlackSide(base, overrides)) };
}
export type LambdaRuntime = Awaited<ReturnType<typeof createLambdaRuntime>>;

/**
 * The Slack function answers buttons and commands (query clients), SNS over HTTPS (ConfirmSubscription) and
 * hands slow work to the worker (Lambda invocations).
 */
function slackFunctionParts(overrides: LambdaRuntimeOverrides): LambdaParts {
  let lambda = overrides.lambda;
  return {
    createAws: createAwsClients,
    createConfirmer: (logger) => createSubscriptionConfirmer({ logger }),
    createWorkerRunners: (functionName, logger) => {
      lambda ??= new LambdaClient({});
      const client = lambda;
      return {
        commands: { runner: createLambdaInvokeRunner({ lambda: client, functionName }) },
        actionRunner: (fallback) =>
          createLambdaActionRunner({ lambda: client, functionName, fallback, logger }),
      };
    },
    ...overrides.parts,
  };
}

/**
 * The identity service, Bolt on its Lambda receiver, and what the Slack request guard needs. The first
 * `auth.test` is not awaited: SNS deliveries must neither wait for Slack nor fail with it; a Slack request
 * asks for the identity itself.
 */
async function createSlackSide(input: LambdaCore<KlaxonCore>, overrides: LambdaRuntimeOverrides) {
  const { secret, settings, logger } = input;
  const slackIdentity = createSlackIdentityService({
    client: createSlackWebClient({ token: secret.botToken, slackApiUrl: settings.SLACK_API_URL, retries: 0 }),
    logger,
    schedule: overrides.scheduleSlackRetry,
  });
  slackIdentity.start().catch(() => undefined);
  const bolt = createLambdaBoltApp({
    token: secret.botToken,
    signingSecret: secret.signingSecret,
    slackApiUrl: settings.SLACK_API_URL,
    identity: slackIdentity.identity,
    logger,
  });
  registerListeners(bolt.app, input.core.listenerDeps);
  const slackAdmission = {
    signingSecret: secret.signingSecret,
    ...(settings.SLACK_APP_ID ? { appId: settings.SLACK_APP_ID } : {}),
    resolveIdentity: slackIdentity.resolveIdentity,
    requests: createSlackRequestStore(input.store.entities),
    now: input.core.sns.now,
  };
  return { slackIdentity, slackAdmission, slackHandler: await bolt.receiver.start() };
}
