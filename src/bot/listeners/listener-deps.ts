import type { WebClient } from '@slack/web-api';
import type { AwsClients } from '../../app/aws-clients.ts';
import type { KlaxonConfig } from '../../config/config-schema.ts';
import type { CommandWorkRunner } from '../../handlers/commands/command-runner.ts';
import type { Logger } from '../../observability/logger.ts';
import type { SlackPoster } from '../../slack/slack-poster.ts';
import type { KlaxonStore } from '../../store/open-store.ts';
import type { UsergroupMembership } from '../permissions/usergroup-membership.ts';

/** What every listener may use; built once by the composition root. */
export interface ListenerDeps {
  config: KlaxonConfig;
  store: KlaxonStore;
  slack: SlackPoster;
  webClient: WebClient;
  aws: AwsClients;
  now: () => Date;
  logger: Logger;
  membership: UsergroupMembership;
  /** Redraws a root message a button could not update (Slack failed); absent on Lambda: the sweep does. */
  scheduleRootRefresh?: (alertId: string, dueAtMs: number) => void;
  /** Where slash-command work runs after the acknowledgement; default: in this process. */
  commandRunner?: CommandWorkRunner;
}
