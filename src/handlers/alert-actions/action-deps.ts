import type { GlueClient } from '@aws-sdk/client-glue';
import type { WebClient } from '@slack/web-api';
import type { UsergroupMembership } from '../../bot/permissions/usergroup-membership.ts';
import type { KlaxonConfig } from '../../config/config-schema.ts';
import type { Logger } from '../../observability/logger.ts';
import type { SlackPoster } from '../../slack/slack-poster.ts';
import type { KlaxonStore } from '../../store/open-store.ts';

/** What the button, modal and App Home core needs; the listeners' deps satisfy it as they are. */
export interface AlertActionDeps {
  config: KlaxonConfig;
  store: KlaxonStore;
  slack: SlackPoster;
  webClient: WebClient;
  membership: UsergroupMembership;
  aws: { glue: GlueClient };
  now: () => Date;
  logger: Logger;
  /** Redraws a stale root message at a time (long-running server); absent on Lambda, where the sweep does. */
  scheduleRootRefresh?: (alertId: string, dueAtMs: number) => void;
}

/** Enough to change an alert and tell Slack: also what the mute-expiry sweep runs with. */
export type AlertChangeDeps = Pick<
  AlertActionDeps,
  'store' | 'slack' | 'now' | 'logger' | 'scheduleRootRefresh'
>;
