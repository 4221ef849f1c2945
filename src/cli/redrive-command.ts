import type { Writable } from 'node:stream';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createSubscriptionConfirmer } from '../app/confirm-subscription.ts';
import { createCore } from '../app/create-core.ts';
import { resolveStore } from '../app/resolve-store.ts';
import { createAwsClients } from '../aws/aws-clients.ts';
import type { KlaxonConfig } from '../config/config-schema.ts';
import { ConfigError } from '../config/load-config.ts';
import type { Settings } from '../config/load-settings.ts';
import { replayDeadLetter } from '../core/notifications/replay-dead-letter.ts';
import { loadSlackSecret } from '../lambda/load-slack-secret.ts';
import type { Logger } from '../observability/logger.ts';
import { createCachingCertificateFetcher } from '../sns/certificate-fetcher.ts';
import { describeRedrive, parseRedriveArgs, redriveQueue, redriveUsage } from './redrive.ts';

/**
 * `klaxon redrive`: runs against the deployed stack's table and Slack app (KLAXON_TABLE_NAME, AWS_REGION,
 * SLACK_BOT_TOKEN or KLAXON_SLACK_SECRET_ARN). 0 when everything read was replayed, 1 when some was kept.
 */
export async function runRedriveCommand(
  args: string[],
  settings: Settings,
  config: KlaxonConfig,
  logger: Logger,
  env: NodeJS.ProcessEnv,
  io: { out: Writable; err: Writable } = { out: process.stdout, err: process.stderr },
): Promise<number> {
  let options: ReturnType<typeof parseRedriveArgs>;
  try {
    options = parseRedriveArgs(args);
  } catch (error) {
    io.err.write(`klaxon redrive: ${(error as Error).message}\n${redriveUsage}`);
    return 2;
  }
  if (settings.storeMode === 'embedded') {
    throw new ConfigError('redrive needs KLAXON_TABLE_NAME (and AWS_REGION): the stack’s table');
  }
  const token = await resolveSlackToken(settings, env);
  const { store, stop } = await resolveStore(settings, logger);
  try {
    const allowedTopicArns = [...config.sns.allowedTopicArns, ...settings.extraAllowedTopicArns];
    const core = createCore({
      config: { ...config, sns: { ...config.sns, allowedTopicArns } },
      logger,
      store,
      slack: { token, apiUrl: settings.slackApiUrl },
      aws: createAwsClients(settings.awsRegion),
      fetchCertificate: createCachingCertificateFetcher({}),
      confirmSubscription: createSubscriptionConfirmer({ logger }),
      timersInProcess: false,
    });
    const sqs = new SQSClient({ ...(settings.awsRegion ? { region: settings.awsRegion } : {}) });
    const counts = await redriveQueue(
      { sqs, replay: (body) => replayDeadLetter(core.sns, body), out: io.out },
      options,
    );
    io.err.write(describeRedrive(counts));
    return counts.received === counts.replayed ? 0 : 1;
  } finally {
    await stop();
  }
}

async function resolveSlackToken(settings: Settings, env: NodeJS.ProcessEnv): Promise<string> {
  if (settings.slackBotToken) return settings.slackBotToken;
  const secretArn = env.KLAXON_SLACK_SECRET_ARN;
  if (!secretArn) {
    throw new ConfigError(
      'redrive needs SLACK_BOT_TOKEN, or KLAXON_SLACK_SECRET_ARN: the stack’s Slack secret',
    );
  }
  const client = new SecretsManagerClient({ ...(settings.awsRegion ? { region: settings.awsRegion } : {}) });
  return (await loadSlackSecret(client, secretArn)).botToken;
}
