import type { KlaxonConfig } from '../config/config-schema.ts';
import type { Logger } from '../observability/logger.ts';
import type { SlackPoster } from '../slack/slack-poster.ts';
import type { CertificateFetcher } from '../sns/verify-sns-message.ts';
import type { AlertStore } from '../store/alert-store.ts';
import type { KlaxonStore } from '../store/open-store.ts';

/** Everything the SNS path needs, injected by the one composition root (src/app/create-klaxon.ts). */
export interface SnsContext {
  config: KlaxonConfig;
  store: KlaxonStore;
  alerts: AlertStore;
  slack: SlackPoster;
  fetchCertificate: CertificateFetcher;
  /** Fetches a SubscribeURL to confirm a subscription (an HTTPS GET on an SNS host). */
  confirmSubscription: (subscribeUrl: string) => Promise<void>;
  /** Refreshes coalesced root messages later, at most once per interval per alert. */
  scheduleRootRefresh: (alertId: string, dueAtMs: number) => void;
  now: () => Date;
  logger: Logger;
  /** How long one delivery owns a pending notification's Slack steps. */
  leaseMs: number;
  rootWaitMs: number;
}

/** What the transport answers SNS and logs: status plus an outcome word and detail for the log line. */
export interface SnsDeliveryResult {
  status: number;
  outcome: string;
  detail?: string;
  messageId?: string;
  topicArn?: string;
  alertId?: string;
  source?: string;
}
