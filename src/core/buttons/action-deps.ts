import type { WebClient } from '@slack/web-api';
import type { AwsClients } from '../../aws/aws-clients.ts';
import type { KlaxonConfig } from '../../config/config-schema.ts';
import type { Logger } from '../../observability/logger.ts';
import type { UsergroupMembership } from '../../slack/usergroup-membership.ts';
import type { KlaxonStore } from '../../store/open-store.ts';
import type { OutboxRuntime } from '../outbox/outbox-runtime.ts';

/** The `actions` service of the one context: what buttons, modals and App Home use. */
export interface AlertActionDeps {
  config: KlaxonConfig;
  store: KlaxonStore;
  outbox: OutboxRuntime;
  webClient: WebClient;
  membership: UsergroupMembership;
  aws: Pick<AwsClients, 'glue' | 'in'>;
  now: () => Date;
  logger: Logger;
}

/** Enough to change an alert and tell Slack: also what the mute-expiry sweep runs with. */
export type AlertChangeDeps = Pick<AlertActionDeps, 'store' | 'outbox' | 'now' | 'logger'>;
