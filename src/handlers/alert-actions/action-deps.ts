import type { GlueClient } from '@aws-sdk/client-glue';
import type { WebClient } from '@slack/web-api';
import type { UsergroupMembership } from '../../bot/permissions/usergroup-membership.ts';
import type { KlaxonConfig } from '../../config/config-schema.ts';
import type { OutboxRuntime } from '../../core/outbox/outbox-runtime.ts';
import type { Logger } from '../../observability/logger.ts';
import type { KlaxonStore } from '../../store/open-store.ts';

/** The `actions` service of the one context: what buttons, modals and App Home use. */
export interface AlertActionDeps {
  config: KlaxonConfig;
  store: KlaxonStore;
  outbox: OutboxRuntime;
  webClient: WebClient;
  membership: UsergroupMembership;
  aws: { glue: GlueClient };
  now: () => Date;
  logger: Logger;
}

/** Enough to change an alert and tell Slack: also what the mute-expiry sweep runs with. */
export type AlertChangeDeps = Pick<AlertActionDeps, 'store' | 'outbox' | 'now' | 'logger'>;
