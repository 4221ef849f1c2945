import { LambdaClient } from '@aws-sdk/client-lambda';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { confirmSubscriptionByUrl } from '../app/confirm-subscription.ts';
import { createCore } from '../app/create-core.ts';
import { type AwsClients, createAwsClients } from '../aws/aws-clients.ts';
import { loadConfig } from '../config/load-config.ts';
import { createLambdaInvokeRunner } from '../core/commands/lambda-invoke-runner.ts';
import { createLambdaEnrichDispatcher } from '../core/enrich/enrich-invocation.ts';
import type { EnrichmentRegistry } from '../core/enrich/look-up-enrichment.ts';
import { createLogger, type Logger } from '../observability/logger.ts';
import { createCachingCertificateFetcher } from '../sns/certificate-fetcher.ts';
import type { CertificateFetcher } from '../sns/verify-sns-message.ts';
import { openStore } from '../store/open-store.ts';
import { loadLambdaSettings } from './lambda-settings.ts';
import { loadSlackSecret } from './load-slack-secret.ts';

/** What differs between a deployed function and a test: injected here, defaulted to the real thing. */
export interface LambdaCoreOverrides {
  secretsManager?: SecretsManagerClient;
  lambda?: LambdaClient;
  aws?: AwsClients;
  fetchCertificate?: CertificateFetcher;
  logger?: Logger;
  /** DynamoDB endpoint (tests use DynamoDB Local; deployed functions use DynamoDB). */
  dynamoDbEndpoint?: string;
  /** Enrichers by kind (default: every one this build has). */
  enrichers?: EnrichmentRegistry<AwsClients>;
}

/**
 * Built once per cold start and reused by every invocation: config, secret, store and the same core the
 * long-running server uses. The SNS and worker functions use only this: they never load Bolt.
 */
export async function createLambdaCore(env: NodeJS.ProcessEnv, overrides: LambdaCoreOverrides = {}) {
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
  const lambda = overrides.lambda ?? new LambdaClient({});
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
    ...(overrides.enrichers ? { enrichers: overrides.enrichers } : {}),
    ...(workerName
      ? { dispatchEnrichment: createLambdaEnrichDispatcher({ lambda, functionName: workerName }) }
      : {}),
    ...(workerName
      ? {
          commands: {
            runner: createLambdaInvokeRunner({
              lambda,
              functionName: workerName,
            }),
          },
        }
      : {}),
  });
  return { settings, config, logger, store, core, secret };
}
export type LambdaCore = Awaited<ReturnType<typeof createLambdaCore>>;

/** One runtime per container; a failed start is forgotten so the next invocation tries again. */
export function memoizeRuntime<T>(create: () => Promise<T>): () => Promise<T> {
  let runtime: Promise<T> | undefined;
  return () => {
    runtime ??= create().catch((error) => {
      runtime = undefined;
      throw error;
    });
    return runtime;
  };
}
