import { LambdaClient } from '@aws-sdk/client-lambda';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { type AwsClients, createAwsClients } from '../app/aws-clients.ts';
import { confirmSubscriptionByUrl } from '../app/confirm-subscription.ts';
import { createCore, type KlaxonCore } from '../app/create-core.ts';
import { createLambdaBoltApp } from '../bot/create-bolt-app.ts';
import { registerListeners } from '../bot/listeners/register-listeners.ts';
import { loadConfig } from '../config/load-config.ts';
import { createLambdaInvokeRunner } from '../handlers/commands/lambda-invoke-runner.ts';
import { createLogger, type Logger } from '../observability/logger.ts';
import { createSlackWebClient } from '../slack/slack-client.ts';
import { createSlackIdentityService, type ScheduleRetry } from '../slack/slack-identity.ts';
import { createCachingCertificateFetcher } from '../sns/certificate-fetcher.ts';
import type { CertificateFetcher } from '../sns/verify-sns-message.ts';
import { type KlaxonStore, openStore } from '../store/open-store.ts';
import { createSlackRequestStore } from '../store/slack-request-store.ts';
import { type LambdaSettings, loadLambdaSettings } from './lambda-settings.ts';
import { loadSlackSecret } from './load-slack-secret.ts';

/** What differs between a deployed function and a test: injected here, defaulted to the real thing. */
export interface LambdaRuntimeOverrides {
  secretsManager?: SecretsManagerClient;
  lambda?: LambdaClient;
  aws?: AwsClients;
  fetchCertificate?: CertificateFetcher;
  logger?: Logger;
  /** DynamoDB endpoint (tests use DynamoDB Local; deployed functions use DynamoDB). */
  dynamoDbEndpoint?: string;
  /** When to retry `auth.test` while Slack is down (tests run retries by hand). */
  scheduleSlackRetry?: ScheduleRetry;
}

/**
 * Built once per cold start and reused by every invocation: config, secret, store and the same core the
 * long-running server uses. Bolt runs on its Lambda receiver; slash-command work goes to the worker function.
 */
export async function createLambdaRuntime(env: NodeJS.ProcessEnv, overrides: LambdaRuntimeOverrides = {}) {
  const settings = loadLambdaSettings(env);
  const config = loadConfig(env);
  const logger = overrides.logger ?? createLogger({ level: settings.KLAXON_LOG_LEVEL, format: 'json' });
  const secret = await loadSlackSecret(
    overrides.secretsManager ?? new SecretsManagerClient({}),
    settings.KLAXON_SLACK_SECRET_ARN,
  );
  const store = await openStore({
    tableName: settings.KLAXON_TABLE_NAME,
    endpoint: overrides.dynamoDbEndpoint,
    region: settings.AWS_REGION,
  });
  const workerName = settings.KLAXON_WORKER_FUNCTION_NAME;
  const core = createCore({
    config: {
      ...config,
      sns: {
        ...config.sns,
        allowedTopicArns: [...config.sns.allowedTopicArns, ...settings.allowedTopicArns],
      },
    },
    logger,
    store,
    slack: { token: secret.botToken, apiUrl: settings.SLACK_API_URL },
    aws: overrides.aws ?? createAwsClients(settings.AWS_REGION),
    fetchCertificate: overrides.fetchCertificate ?? createCachingCertificateFetcher({}),
    confirmSubscription: confirmSubscriptionByUrl,
    timersInProcess: false,
    ...(workerName
      ? {
          commands: {
            runner: createLambdaInvokeRunner({
              lambda: overrides.lambda ?? new LambdaClient({}),
              functionName: workerName,
            }),
          },
        }
      : {}),
  });
  const slack = await createSlackSide({ secret, settings, store, core, logger }, overrides);
  return { settings, config, logger, store, core, ...slack };
}
export type LambdaRuntime = Awaited<ReturnType<typeof createLambdaRuntime>>;

interface SlackSideInput {
  secret: { botToken: string; signingSecret: string };
  settings: LambdaSettings;
  store: KlaxonStore;
  core: KlaxonCore;
  logger: Logger;
}

/**
 * The identity service, Bolt on its Lambda receiver, and what the Slack request guard needs. The first
 * `auth.test` is not awaited: SNS deliveries must neither wait for Slack nor fail with it; a Slack request
 * asks for the identity itself.
 */
async function createSlackSide(input: SlackSideInput, overrides: LambdaRuntimeOverrides) {
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

/** One runtime per container; a failed start is forgotten so the next invocation tries again. */
export function memoizeRuntime(create: () => Promise<LambdaRuntime>): () => Promise<LambdaRuntime> {
  let runtime: Promise<LambdaRuntime> | undefined;
  return () => {
    runtime ??= create().catch((error) => {
      runtime = undefined;
      throw error;
    });
    return runtime;
  };
}
