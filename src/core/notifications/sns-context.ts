import type { Clock } from '../../aws/poll.ts';
import type { KlaxonConfig } from '../../config/config-schema.ts';
import type { EnrichmentKind } from '../../model/enrichment.ts';
import type { Logger } from '../../observability/logger.ts';
import type { CertificateFetcher } from '../../sns/verify-sns-message.ts';
import type { AlertStore } from '../../store/alert-store.ts';
import type { OutboxRuntime } from '../outbox/outbox-runtime.ts';

/** Everything the SNS path needs: the `sns` service of the one context (src/app/create-core.ts). */
export interface SnsContext {
  config: KlaxonConfig;
  alerts: AlertStore;
  outbox: OutboxRuntime;
  fetchCertificate: CertificateFetcher;
  /** Confirms a subscription: ConfirmSubscription with credentials, else a GET of its SubscribeURL. */
  confirmSubscription: (confirmation: SubscriptionToConfirm) => Promise<ConfirmedBy | undefined>;
  clock: Clock;
  now: () => Date;
  logger: Logger;
  /** The enrichments this process can run (those with an enricher); none when absent. */
  enrichments?: ReadonlySet<EnrichmentKind>;
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

/** A SubscriptionConfirmation's parts that confirm it, from a verified message of an allowed topic. */
export interface SubscriptionToConfirm {
  topicArn: string;
  subscribeUrl: string;
  token?: string;
}

/** How a subscription was confirmed: the signed call (unsubscribing needs AWS credentials) or the URL. */
export type ConfirmedBy = 'confirm-subscription' | 'subscribe-url';
