import type { ListenerDeps } from '../bot/listeners/listener-deps.ts';
import { createUsergroupMembership } from '../bot/permissions/usergroup-membership.ts';
import type { KlaxonConfig } from '../config/config-schema.ts';
import { type CommandSetupOptions, setUpKlaxonCommands } from '../handlers/commands/set-up-commands.ts';
import { createRootRefresher, type RootRefresher } from '../handlers/lifecycle/root-refresher.ts';
import type { SnsContext } from '../handlers/sns-context.ts';
import type { Logger } from '../observability/logger.ts';
import { createSlackWebClient } from '../slack/slack-client.ts';
import { createSlackPoster } from '../slack/slack-poster.ts';
import type { CertificateFetcher } from '../sns/verify-sns-message.ts';
import type { KlaxonStore } from '../store/open-store.ts';
import type { AwsClients } from './aws-clients.ts';

export interface CoreOptions {
  config: KlaxonConfig;
  logger: Logger;
  store: KlaxonStore;
  slack: { token: string; apiUrl?: string };
  aws: AwsClients;
  fetchCertificate: CertificateFetcher;
  confirmSubscription: (subscribeUrl: string) => Promise<void>;
  now?: () => Date;
  /** Slash-command work: runner (default in-process), clock and response window (tests shorten them). */
  commands?: CommandSetupOptions;
  /**
   * False on Lambda: no timer outlives an invocation, so coalesced root refreshes are left to the worker's
   * per-minute sweep instead.
   */
  refreshRootsInProcess?: boolean;
}

/**
 * Everything Klaxon's transports share, built once from explicit options: the Slack client, the SNS
 * context, the listeners' dependencies and the slash-command runner. The HTTP server (create-klaxon.ts) and
 * the Lambda handlers (src/lambda) wrap this same core.
 */
export function createCore(options: CoreOptions) {
  const now = options.now ?? (() => new Date());
  const webClient = createSlackWebClient({ token: options.slack.token, slackApiUrl: options.slack.apiUrl });
  const slack = createSlackPoster(webClient);
  const alerts = options.store.alerts;
  const refresher: RootRefresher | undefined =
    options.refreshRootsInProcess === false
      ? undefined
      : createRootRefresher({ alerts, slack, now, logger: options.logger });
  const sns: SnsContext = {
    config: options.config,
    store: options.store,
    alerts,
    slack,
    fetchCertificate: options.fetchCertificate,
    confirmSubscription: options.confirmSubscription,
    scheduleRootRefresh: refresher ? refresher.schedule : () => undefined,
    now,
    logger: options.logger,
    leaseMs: 60_000,
    rootWaitMs: 8_000,
  };
  const baseDeps = {
    config: options.config,
    store: options.store,
    slack,
    webClient,
    aws: options.aws,
    now,
    logger: options.logger,
    membership: createUsergroupMembership(webClient),
  };
  const commands = setUpKlaxonCommands(baseDeps, options.commands);
  const listenerDeps: ListenerDeps = {
    ...baseDeps,
    commandRunner: commands.runner,
    ...(refresher ? { scheduleRootRefresh: refresher.schedule } : {}),
  };
  return { webClient, slack, sns, listenerDeps, commands, refresher };
}
export type KlaxonCore = ReturnType<typeof createCore>;
