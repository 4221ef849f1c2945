import { createAwsClients } from '../aws/aws-clients.ts';
import type { KlaxonConfig } from '../config/config-schema.ts';
import type { Settings } from '../config/load-settings.ts';
import { listConfiguredChannels } from '../config/route-alert.ts';
import { defaultEnrichers } from '../core/enrich/enrichment-registry.ts';
import type { Logger } from '../observability/logger.ts';
import { checkConfiguredChannels } from '../slack/check-channels.ts';
import { createCachingCertificateFetcher } from '../sns/certificate-fetcher.ts';
import { createSubscriptionConfirmer } from './confirm-subscription.ts';
import { createKlaxon, type Klaxon } from './create-klaxon.ts';
import { describeListenError } from './listen-error.ts';
import { resolveStore } from './resolve-store.ts';
import {
  adjustConfigForSandbox,
  type SandboxMode,
  sandboxTopicArn,
  startSandboxMode,
} from './sandbox-mode.ts';
import { createStopStack, type StopStack } from './stop-stack.ts';

export { sandboxTopicArn };

export interface RunningKlaxon {
  klaxon: Klaxon;
  url: string;
  /** Present in sandbox mode: the sandbox's SNS signer and the local Slack stand-in. */
  sandbox?: SandboxMode['info'];
  stop(): Promise<void>;
}

/**
 * Starts the long-running server. With a Slack token it talks to Slack and trusts only SNS's own
 * certificates; without one it runs sandbox mode and trusts the sandbox's signing key too — a trust that no
 * configuration with a real token can switch on.
 */
export async function startServer(
  settings: Settings,
  config: KlaxonConfig,
  logger: Logger,
  print: (t: string) => void,
): Promise<RunningKlaxon> {
  const started = createStopStack((error) => logger.error({ err: error }, 'stopping failed'));
  try {
    return await startInOrder(started, settings, config, logger, print);
  } catch (error) {
    await started.stopAll();
    throw error;
  }
}

/** Only when Slack answered: with Slack down, Klaxon still starts (and says so on /healthz). */
async function checkChannels(klaxon: Klaxon, config: KlaxonConfig, logger: Logger) {
  if (klaxon.slackIdentity.status() !== 'ok') return;
  const { warnings } = await checkConfiguredChannels(klaxon.core.webClient, listConfiguredChannels(config));
  for (const warning of warnings) logger.warn(warning);
}

/** Each step registers its stop as soon as it has started, so `stop` (or a failed start) undoes them in reverse. */
async function startInOrder(
  started: StopStack,
  settings: Settings,
  config: KlaxonConfig,
  logger: Logger,
  print: (t: string) => void,
): Promise<RunningKlaxon> {
  const { store, stop: stopStore } = await resolveStore(settings, logger);
  started.defer(stopStore);
  const sandbox =
    settings.slackMode === 'local' ? await startSandboxMode(print, settings.dataDir) : undefined;
  // After the server: in-flight work may still be posting to the stand-in for Slack.
  if (sandbox) started.defer(sandbox.stopSlack);
  const realFetcher = createCachingCertificateFetcher({});
  const allowedTopicArns = [
    ...config.sns.allowedTopicArns,
    ...settings.extraAllowedTopicArns,
    ...(sandbox ? [sandboxTopicArn] : []),
  ];
  const running = sandbox ? adjustConfigForSandbox(config) : config;
  const klaxon = createKlaxon({
    config: { ...running, sns: { ...running.sns, allowedTopicArns } },
    logger,
    store,
    slack: sandbox?.slack ?? {
      token: settings.slackBotToken!,
      signingSecret: settings.slackSigningSecret!,
      apiUrl: settings.slackApiUrl,
      ...(settings.slackAppId ? { appId: settings.slackAppId } : {}),
    },
    aws: sandbox?.aws ?? createAwsClients(settings.awsRegion),
    ...(sandbox ? { clock: sandbox.clock } : {}),
    fetchCertificate: sandbox ? sandbox.signer.fetchCertificateWith(realFetcher) : realFetcher,
    confirmSubscription: createSubscriptionConfirmer({ logger }),
    extraRoutes: sandbox?.routes,
    // The sandbox has no AWS account to look in: its alerts are enriched from documented samples.
    enrichers: sandbox?.enrichers ?? defaultEnrichers,
  });
  started.defer(() => klaxon.close());
  sandbox?.attachSweep(klaxon.core.sweep);
  if (sandbox) started.defer(sandbox.closePage);
  await klaxon.slackIdentity.start();
  await checkChannels(klaxon, running, logger);
  const url = await klaxon.listen(settings.port, settings.host).catch((error: unknown) => {
    throw describeListenError(error, settings.port, settings.host);
  });
  return {
    klaxon,
    url,
    ...(sandbox ? { sandbox: sandbox.info } : {}),
    stop: () => started.stopAll(),
  };
}
