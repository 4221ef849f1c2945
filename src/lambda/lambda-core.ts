import type { LambdaClient } from '@aws-sdk/client-lambda';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { confirmSubscriptionByUrl } from '../app/confirm-subscription-by-url.ts';
import type { CoreOptions } from '../app/create-core.ts';
import type { AwsClients } from '../aws/aws-clients.ts';
import type { KlaxonConfig } from '../config/config-schema.ts';
import { loadJsonConfig } from '../config/parse-config.ts';
import type { EnrichmentRegistry } from '../core/enrich/look-up-enrichment.ts';
import type { SnsContext } from '../core/notifications/sns-context.ts';
import { EnrichmentKinds } from '../model/enrichment.ts';
import { createJsonLogger, type Logger } from '../observability/json-logger.ts';
import { createCachingCertificateFetcher } from '../sns/certificate-fetcher.ts';
import type { CertificateFetcher } from '../sns/verify-sns-message.ts';
import { type KlaxonStore, openStore } from '../store/open-store.ts';
import { loadLambdaSettings } from './lambda-settings.ts';
import { loadSlackSecret, type SlackSecret } from './load-slack-secret.ts';
import { memoizeBySecret } from './memoize-by-secret.ts';
import { createUnavailableAwsClients } from './unavailable-aws-clients.ts';

/** What differs between a deployed function and a test: injected here, defaulted to the real thing. */
export interface LambdaCoreOverrides {
  secretsManager?: SecretsManagerClient;
  lambda?: LambdaClient;
  aws?: AwsClients;
  fetchCertificate?: CertificateFetcher;
  logger?: Logger;
  /** DynamoDB endpoint (tests use DynamoDB Local; deployed functions use DynamoDB). */
  dynamoDbEndpoint?: string;
  /** The Slack secret already read (createRefreshingRuntime reads it); read from Secrets Manager if absent. */
  secret?: SlackSecret;
  /** When the Slack secret's time-to-live is measured from (tests pass a fake clock). */
  now?: () => number;
  /**
   * What only some functions need, given by the function that needs it so the others do not bundle it: the
   * query clients (buttons, commands), the signed ConfirmSubscription (/sns over HTTPS), the worker runners.
   */
  parts?: LambdaParts;
  /** Enrichers by kind, over the function's own (tests). */
  enrichers?: EnrichmentRegistry<AwsClients>;
}

export interface LambdaParts {
  createAws?: (region?: string) => AwsClients;
  createConfirmer?: (logger: Logger) => SnsContext['confirmSubscription'];
  createWorkerRunners?: (
    functionName: string,
    logger: Logger,
  ) => Pick<CoreOptions, 'commands' | 'actionRunner'>;
  /** The lookups this function runs (the worker): the others only plan them. */
  enrichers?: EnrichmentRegistry<AwsClients>;
  /**
   * Hands an alert's lookups to the worker (the SNS function: an asynchronous invocation), so that SNS's
   * answer never waits for AWS. `lambda` is a test's client, if any.
   */
  createEnrichDispatcher?: (
    functionName: string,
    lambda: LambdaClient | undefined,
  ) => (alertId: string) => Promise<void>;
}

/** Without credentials-signed ConfirmSubscription (only the Function URL gets SubscriptionConfirmations). */
const confirmByUrl: SnsContext['confirmSubscription'] = async ({ subscribeUrl }) => {
  await confirmSubscriptionByUrl(subscribeUrl);
  return 'subscribe-url';
};

/** What a function's composition gets: the options of the services it builds (each takes what it needs). */
export type ComposeCore<Core> = (options: CoreOptions) => Core;

/** One function's runtime: its settings, configuration, logger, store, the services it serves and its secret. */
export interface LambdaCore<Core> {
  settings: ReturnType<typeof loadLambdaSettings>;
  config: KlaxonConfig;
  logger: Logger;
  store: KlaxonStore;
  core: Core;
  secret: SlackSecret;
}

/**
 * Built once per cold start and reused by every invocation: config, secret, store and the services this
 * function serves, composed by `compose` from the same builders the long-running server uses
 * (src/app/create-core.ts). Each function passes its own composition, so it bundles only what it serves:
 * the SNS function never loads Bolt, the command queries or the button code.
 */
export async function createLambdaCore<Core>(
  env: NodeJS.ProcessEnv,
  overrides: LambdaCoreOverrides,
  compose: ComposeCore<Core>,
): Promise<LambdaCore<Core>> {
  const settings = loadLambdaSettings(env);
  const config = loadJsonConfig(env);
  const logger = overrides.logger ?? createJsonLogger({ level: settings.KLAXON_LOG_LEVEL });
  const secret =
    overrides.secret ??
    (await loadSlackSecret(
      overrides.secretsManager ?? new SecretsManagerClient({}),
      settings.KLAXON_SLACK_SECRET_ARN,
    ));
  const store = await openStore({
    tableName: settings.KLAXON_TABLE_NAME,
    endpoint: overrides.dynamoDbEndpoint,
    region: settings.AWS_REGION,
  });
  const { parts = {} } = overrides;
  const workerName = settings.KLAXON_WORKER_FUNCTION_NAME;
  const core = compose({
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
    aws: overrides.aws ?? parts.createAws?.(settings.AWS_REGION) ?? createUnavailableAwsClients(),
    fetchCertificate: overrides.fetchCertificate ?? createCachingCertificateFetcher({}),
    confirmSubscription: parts.createConfirmer?.(logger) ?? confirmByUrl,
    timersInProcess: false,
    ...(workerName ? parts.createWorkerRunners?.(workerName, logger) : {}),
    ...enrichmentOf(overrides, workerName),
  });
  return { settings, config, logger, store, core, secret };
}

/**
 * A function with lookups runs them; one without plans them all (the worker has every one) and, given a
 * dispatcher, hands them to the worker.
 */
function enrichmentOf(
  overrides: LambdaCoreOverrides,
  workerName: string | undefined,
): Pick<CoreOptions, 'enrichers' | 'plannedEnrichments' | 'dispatchEnrichment'> {
  const enrichers = overrides.enrichers ?? overrides.parts?.enrichers;
  const dispatch = workerName
    ? overrides.parts?.createEnrichDispatcher?.(workerName, overrides.lambda)
    : undefined;
  return {
    ...(enrichers ? { enrichers } : { plannedEnrichments: EnrichmentKinds }),
    ...(dispatch ? { dispatchEnrichment: dispatch } : {}),
  };
}

/**
 * One runtime per container, built again when the Slack secret changed: the secret is read again once
 * SLACK_SECRET_TTL_SECONDS have passed, so a rotated signing secret or bot token works without a redeploy.
 */
export function createRefreshingRuntime<T>(
  env: NodeJS.ProcessEnv,
  create: (env: NodeJS.ProcessEnv, overrides: LambdaCoreOverrides) => Promise<T>,
  overrides: LambdaCoreOverrides = {},
): () => Promise<T> {
  // Built on the first invocation, not at import: a bad environment fails the invocation, with its message.
  let get: (() => Promise<T>) | undefined;
  return () => {
    get ??= memoizeForSecret(env, create, overrides);
    return get();
  };
}

function memoizeForSecret<T>(
  env: NodeJS.ProcessEnv,
  create: (env: NodeJS.ProcessEnv, overrides: LambdaCoreOverrides) => Promise<T>,
  overrides: LambdaCoreOverrides,
): () => Promise<T> {
  const settings = loadLambdaSettings(env);
  const logger = overrides.logger ?? createJsonLogger({ level: settings.KLAXON_LOG_LEVEL });
  const client = overrides.secretsManager ?? new SecretsManagerClient({});
  return memoizeBySecret({
    readSecret: () => loadSlackSecret(client, settings.KLAXON_SLACK_SECRET_ARN),
    create: (secret) => create(env, { ...overrides, logger, secret }),
    ttlMs: settings.SLACK_SECRET_TTL_SECONDS * 1000,
    now: overrides.now ?? Date.now,
    // The old secret goes on serving: Secrets Manager being down must not stop Klaxon.
    onReadError: (error) =>
      logger.warn({ err: error }, 'could not read the Slack secret again; keeping the one in use'),
  });
}
