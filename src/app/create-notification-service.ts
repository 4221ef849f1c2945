import type { AwsClients } from '../aws/aws-clients.ts';
import { type Clock, systemClock } from '../aws/poll.ts';
import type { KlaxonConfig } from '../config/config-schema.ts';
import { createEnrichmentCache } from '../core/enrich/enrichment-cache.ts';
import {
  type EnrichmentLookup,
  type EnrichmentRegistry,
  lookUpEnrichment,
} from '../core/enrich/look-up-enrichment.ts';
import type { SnsContext } from '../core/notifications/sns-context.ts';
import { type ChannelPace, createChannelPacer } from '../core/outbox/channel-pacer.ts';
import { createDrainScheduler, type DrainScheduler } from '../core/outbox/drain-scheduler.ts';
import type { OutboxRuntime } from '../core/outbox/outbox-runtime.ts';
import { defaultOutboxSettings } from '../core/outbox/plan-outbox.ts';
import { isGrantedToAnyone } from '../core/permissions/check-permission.ts';
import type { EnrichmentKind } from '../model/enrichment.ts';
import type { Logger } from '../observability/logger.ts';
import { createSlackWebClient } from '../slack/slack-client.ts';
import { createSlackPoster } from '../slack/slack-poster.ts';
import type { CertificateFetcher } from '../sns/verify-sns-message.ts';
import type { KlaxonStore } from '../store/open-store.ts';
import { createKeyedQueue } from '../util/keyed-queue.ts';

/** What the notification path needs: every runtime builds it; the SNS function builds nothing else. */
export interface NotificationOptions {
  config: KlaxonConfig;
  logger: Logger;
  store: KlaxonStore;
  slack: { token: string; apiUrl?: string };
  aws: AwsClients;
  fetchCertificate: CertificateFetcher;
  confirmSubscription: SnsContext['confirmSubscription'];
  /** The one clock: every time Klaxon reads, waits for or records comes from here (tests pass a fake). */
  clock?: Clock;
  /**
   * False on Lambda: no timer outlives an invocation, so steps due later (and a channel's pace) are left to
   * the worker's per-minute sweep, and a request waits up to 3 s for its channel's pace instead.
   */
  timersInProcess?: boolean;
  /** How long a drain holds an alert's lease before renewing it (tests shorten it to kill drains). */
  drainLeaseMs?: number;
  /** Posts per channel: Slack's sustained one per second with a short burst unless set. */
  channelPace?: ChannelPace;
  /** The lookups this process runs, by kind (none unless given: the server and the worker give them). */
  enrichers?: EnrichmentRegistry<AwsClients>;
  /** Lookups planned although this process does not run them (the SNS function: the worker runs them). */
  plannedEnrichments?: readonly EnrichmentKind[];
  /**
   * Without timers in the process (Lambda): hands an alert's enrichment steps to the worker (an
   * asynchronous invocation). Absent there, the worker's per-minute sweep runs them.
   */
  dispatchEnrichment?: (alertId: string) => Promise<void>;
  /** A signal aborting a lookup when its budget is spent (tests abort it by hand). */
  enrichmentBudgetSignal?: (ms: number) => AbortSignal;
}

/** A lookup result is reused for a minute: a storm of the same alarm makes one call. */
const enrichmentCacheMs = 60_000;

/**
 * The notification service: the Slack client, the outbox runtime (commit, drain, lookups) and the `sns`
 * context. The other services are built on top of it (src/app/create-core.ts).
 */
export function createNotificationService(options: NotificationOptions) {
  const clock = options.clock ?? systemClock;
  const now = () => new Date(clock.now());
  const { config, logger, store } = options;
  const webClient = createSlackWebClient({ token: options.slack.token, slackApiUrl: options.slack.apiUrl });
  const inProcess = options.timersInProcess !== false;
  let scheduler: DrainScheduler | undefined;
  const outbox = createOutboxRuntime(options, {
    slack: createSlackPoster(webClient),
    clock,
    inProcess,
    scheduler: () => scheduler,
  });
  const enrichment = enrichmentOf(options, clock);
  outbox.enrich = (kind, alert) => lookUpEnrichment(enrichment, kind, alert);
  // On the server a timer drains the lookups once SNS has its answer; on Lambda the worker does.
  const enrichLater = inProcess
    ? (alertId: string) => scheduler?.schedule(alertId, clock.now())
    : options.dispatchEnrichment;
  if (enrichLater) outbox.enrichLater = enrichLater;
  if (inProcess) scheduler = createDrainScheduler(() => outbox, logger);
  const sns: SnsContext = {
    config,
    alerts: store.alerts,
    outbox,
    fetchCertificate: options.fetchCertificate,
    confirmSubscription: options.confirmSubscription,
    clock,
    now,
    logger,
    enrichments: new Set([
      ...(Object.keys(enrichment.registry) as EnrichmentKind[]),
      ...(options.plannedEnrichments ?? []),
    ]),
  };
  return { config, logger, clock, now, store, webClient, outbox, sns, scheduler };
}
export type NotificationService = ReturnType<typeof createNotificationService>;

function createOutboxRuntime(
  options: NotificationOptions,
  parts: {
    slack: OutboxRuntime['slack'];
    clock: Clock;
    inProcess: boolean;
    scheduler: () => DrainScheduler | undefined;
  },
): OutboxRuntime {
  const { config, logger, store } = options;
  return {
    alerts: store.alerts,
    slack: parts.slack,
    clock: parts.clock,
    logger,
    settings: { ...defaultOutboxSettings, callsPerWindow: config.lifecycle.slackCallsPerAlertPerMinute },
    leaseMs: options.drainLeaseMs ?? 15_000,
    pacer: createChannelPacer(parts.clock, options.channelPace),
    turns: createKeyedQueue(),
    inlineWaitMs: parts.inProcess ? 0 : 3_000,
    viewOptions: {
      rerunOffered: isGrantedToAnyone(config.permissions.rerun),
      accountNames: config.accounts,
    },
    ...(config.operatorChannel ? { operatorChannel: config.operatorChannel } : {}),
    ...(parts.inProcess
      ? {
          scheduleDrain: (alertId: string, at: number) => parts.scheduler()?.schedule(alertId, at),
          queueForChannel: (channel: string, alertId: string) => parts.scheduler()?.queue(channel, alertId),
        }
      : {}),
  };
}

function enrichmentOf(options: NotificationOptions, clock: Clock): EnrichmentLookup<AwsClients> {
  return {
    registry: options.enrichers ?? {},
    clients: options.aws,
    clientsFor: (alert) => options.aws.in(alert.region),
    budgetMs: options.config.enrichment.timeoutSeconds * 1000,
    cache: createEnrichmentCache(clock, enrichmentCacheMs),
    clock,
    ...(options.enrichmentBudgetSignal ? { budgetSignal: options.enrichmentBudgetSignal } : {}),
  };
}
