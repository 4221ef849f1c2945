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
  /** Fetches a SubscribeURL to confirm a subscription (an HTTPS GET on an SNS host). */
  confirmSubscription: (subscribeUrl: string) => Promise<void>;
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
