import type { KlaxonConfig } from '../config/config-schema.ts';
import type { Settings } from '../config/load-settings.ts';
import type { Logger } from '../observability/logger.ts';
import { createCachingCertificateFetcher } from '../sns/certificate-fetcher.ts';
import { createAwsClients } from './aws-clients.ts';
import { confirmSubscriptionByUrl } from './confirm-subscription.ts';
import { createKlaxon, type Klaxon } from './create-klaxon.ts';
import { resolveStore } from './resolve-store.ts';
import { type SandboxMode, sandboxTopicArn, startSandboxMode } from './sandbox-mode.ts';

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
  const { store, stop: stopStore } = await resolveStore(settings, logger);
  const sandbox = settings.slackMode === 'local' ? await startSandboxMode(print) : undefined;
  const realFetcher = createCachingCertificateFetcher({});
  const allowedTopicArns = [
    ...config.sns.allowedTopicArns,
    ...settings.extraAllowedTopicArns,
    ...(sandbox ? [sandboxTopicArn] : []),
  ];
  const klaxon = createKlaxon({
    config: { ...config, sns: { ...config.sns, allowedTopicArns } },
    logger,
    store,
    slack: sandbox?.slack ?? {
      token: settings.slackBotToken!,
      signingSecret: settings.slackSigningSecret!,
      apiUrl: settings.slackApiUrl,
      ...(settings.slackAppId ? { appId: settings.slackAppId } : {}),
    },
    aws: createAwsClients(settings.awsRegion),
    fetchCertificate: sandbox ? sandbox.signer.fetchCertificateWith(realFetcher) : realFetcher,
    confirmSubscription: confirmSubscriptionByUrl,
    extraRoutes: sandbox?.routes,
  });
  try {
    await klaxon.slackIdentity.start();
  } catch (error) {
    await klaxon.close();
    await sandbox?.stopSlack();
    await stopStore();
    throw error;
  }
  const url = await klaxon.listen(settings.port, settings.host);
  return {
    klaxon,
    url,
    ...(sandbox ? { sandbox: sandbox.info } : {}),
    async stop() {
      sandbox?.closePage();
      await klaxon.close();
      await sandbox?.stopSlack();
      await stopStore();
    },
  };
}
