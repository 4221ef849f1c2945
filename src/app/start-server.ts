import type { KlaxonConfig } from '../config/config-schema.ts';
import type { Settings } from '../config/load-settings.ts';
import type { Logger } from '../observability/logger.ts';
import { createSandbox } from '../sandbox/sandbox-routes.ts';
import type { SnsSigner } from '../sandbox/sns-signer.ts';
import { createSnsSigner } from '../sandbox/sns-signer.ts';
import { createCachingCertificateFetcher } from '../sns/certificate-fetcher.ts';
import { createAwsClients } from './aws-clients.ts';
import { confirmSubscriptionByUrl } from './confirm-subscription.ts';
import { createKlaxon, type Klaxon } from './create-klaxon.ts';
import { localSlackIdentity, localSlackWorkspace, startLocalSlack } from './local-slack.ts';
import { resolveStore } from './resolve-store.ts';

export const sandboxTopicArn = 'arn:aws:sns:us-east-1:000000000000:klaxon-sandbox';

export interface RunningKlaxon {
  klaxon: Klaxon;
  url: string;
  /** Present in local mode: the sandbox's SNS signer and the local Slack stand-in. */
  sandbox?: { signer: SnsSigner; slackApiUrl: string; signingSecret: string };
  stop(): Promise<void>;
}

/**
 * Starts the long-running server. With a Slack token it talks to Slack and trusts only SNS's own
 * certificates; without one it runs the local stand-in for Slack and trusts the sandbox's signing key too —
 * a trust that no configuration with a real token can switch on.
 */
export async function startServer(
  settings: Settings,
  config: KlaxonConfig,
  logger: Logger,
  print: (t: string) => void,
): Promise<RunningKlaxon> {
  const { store, stop: stopStore } = await resolveStore(settings, logger);
  const realFetcher = createCachingCertificateFetcher({});
  const allowedTopicArns = [...config.sns.allowedTopicArns, ...settings.extraAllowedTopicArns];
  const local = settings.slackMode === 'local' ? await startLocalSlack(print) : undefined;
  const signer = local ? createSnsSigner() : undefined;
  const sandbox =
    local && signer
      ? createSandbox({
          api: local.api,
          signingSecret: local.signingSecret,
          signer,
          topicArn: sandboxTopicArn,
          workspace: localSlackWorkspace,
        })
      : undefined;
  const klaxon = createKlaxon({
    config: {
      ...config,
      sns: {
        ...config.sns,
        allowedTopicArns: local ? [...allowedTopicArns, sandboxTopicArn] : allowedTopicArns,
      },
    },
    logger,
    store,
    slack: local
      ? {
          token: local.token,
          signingSecret: local.signingSecret,
          apiUrl: local.api.url,
          botIdentity: localSlackIdentity,
        }
      : {
          token: settings.slackBotToken!,
          signingSecret: settings.slackSigningSecret!,
          apiUrl: settings.slackApiUrl,
        },
    aws: createAwsClients(settings.awsRegion),
    fetchCertificate: signer ? signer.fetchCertificateWith(realFetcher) : realFetcher,
    confirmSubscription: confirmSubscriptionByUrl,
    extraRoutes: sandbox?.routes,
  });
  const url = await klaxon.listen(settings.port, settings.host);
  return {
    klaxon,
    url,
    ...(local && signer
      ? { sandbox: { signer, slackApiUrl: local.api.url, signingSecret: local.signingSecret } }
      : {}),
    async stop() {
      sandbox?.close();
      await klaxon.close();
      await local?.stop();
      await stopStore();
    },
  };
}
