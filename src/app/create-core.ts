import type { AwsClients } from '../aws/aws-clients.ts';
import { type Clock, systemClock } from '../aws/poll.ts';
import type { ListenerDeps } from '../bot/listeners/listener-deps.ts';
import type { KlaxonConfig } from '../config/config-schema.ts';
import type { AlertActionDeps } from '../core/buttons/action-deps.ts';
import { type ActionWorkRunner, createInlineActionRunner } from '../core/buttons/action-job.ts';
import { type CommandSetupOptions, setUpKlaxonCommands } from '../core/commands/set-up-commands.ts';
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
import { createSuppressionCheck } from '../core/silences/suppression-check.ts';
import {
  createReconcileGate,
  reconcileAlarms as reconcileAlarmStates,
} from '../core/sweep/reconcile-alarms.ts';
import type { EnrichmentKind } from '../model/enrichment.ts';
import type { Logger } from '../observability/logger.ts';
import { createSlackWebClient } from '../slack/slack-client.ts';
import { createSlackPoster } from '../slack/slack-poster.ts';
import { createUsergroupMembership } from '../slack/usergroup-membership.ts';
import type { CertificateFetcher } from '../sns/verify-sns-message.ts';
import type { KlaxonStore } from '../store/open-store.ts';
import { createKeyedQueue } from '../util/keyed-queue.ts';
import { sweepOnce } from './periodic-sweep.ts';

export interface CoreOptions {
  config: KlaxonConfig;
  logger: Logger;
  store: KlaxonStore;
  slack: { token: string; apiUrl?: string };
  aws: AwsClients;
  fetchCertificate: CertificateFetcher;
  confirmSubscription: SnsContext['confirmSubscription'];
  /** The one clock: every time Klaxon reads, waits for or records comes from here (tests pass a fake). */
  clock?: Clock;
  /** Slash-command work: runner (default in-process), response window and progress times. */
  commands?: CommandSetupOptions;
  /**
   * False on Lambda: no timer outlives an invocation, so steps due later (and a channel's pace) are left to
   * the worker's per-minute sweep, and a request waits up to 3 s for its channel's pace instead.
   */
  timersInProcess?: boolean;
  /** How long a drain holds an alert's lease before renewing it (tests shorten it to kill drains). */
  drainLeaseMs?: number;
  /** Where a click's work runs after Slack is answered: in this process unless set (the Lambda worker). */
  actionRunner?: (inline: ActionWorkRunner) => ActionWorkRunner;
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
 * The one composition root: builds the context every transport serves from — the store, the Slack client,
 * the outbox runtime, and the named services `sns`, `actions` (buttons, modals, App Home), `commands` and
 * `sweep`. The HTTP server and each Lambda function build it once and use only the services they serve.
 */
export function createCore(options: CoreOptions) {
  const clock = options.clock ?? systemClock;
  const now = () => new Date(clock.now());
  const { config, logger, store } = options;
  const webClient = createSlackWebClient({ token: options.slack.token, slackApiUrl: options.slack.apiUrl });
  const slack = createSlackPoster(webClient);
  const inProcess = options.timersInProcess !== false;
  let scheduler: DrainScheduler | undefined;
  const outbox: OutboxRuntime = {
    alerts: store.alerts,
    slack,
    clock,
    logger,
    settings: {
      ...defaultOutboxSettings,
      callsPerWindow: config.lifecycle.slackCallsPerAlertPerMinute,
    },
    leaseMs: options.drainLeaseMs ?? 15_000,
    pacer: createChannelPacer(clock, options.channelPace),
    turns: createKeyedQueue(),
    inlineWaitMs: inProcess ? 0 : 3_000,
    viewOptions: {
      rerunOffered: isGrantedToAnyone(config.permissions.rerun),
      accountNames: config.accounts,
    },
    ...(config.operatorChannel ? { operatorChannel: config.operatorChannel } : {}),
    ...(inProcess
      ? {
          scheduleDrain: (alertId: string, at: number) => scheduler?.schedule(alertId, at),
          queueForChannel: (channel: string, alertId: string) => scheduler?.queue(channel, alertId),
        }
      : {}),
  };
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
  const actions: AlertActionDeps = {
    config,
    store,
    outbox,
    webClient,
    aws: options.aws,
    now,
    logger,
    membership: createUsergroupMembership(webClient),
  };
  const commands = setUpKlaxonCommands(
    { ...actions, slack, aws: options.aws },
    { ...options.commands, clock: options.commands?.clock ?? clock },
  );
  const inline = createInlineActionRunner(actions);
  const actionRunner = options.actionRunner?.(inline) ?? inline;
  const listenerDeps: ListenerDeps = {
    ...actions,
    aws: options.aws,
    commandRunner: commands.runner,
    actionRunner,
  };
  const reconcile = config.reconciliation;
  const reconcileAlarms = reconcile.enabled
    ? createReconcileGate({
        intervalMs: reconcile.intervalMinutes * 60_000,
        nowMs: () => clock.now(),
        reconcile: () => reconcileAlarmStates({ ...actions, cloudWatch: options.aws.cloudWatch }),
        onError: (error) =>
          logger.warn({ err: error }, 'alarm reconciliation failed; retrying next interval'),
      })
    : undefined;
  const core = {
    config,
    logger,
    clock,
    store,
    webClient,
    outbox,
    sns,
    actions,
    commands,
    listenerDeps,
    scheduler,
    reconcileAlarms,
    isSuppressed: createSuppressionCheck({
      config,
      loadActive: () => store.silences.listActiveSilences(),
      nowMs: () => clock.now(),
    }),
  };
  return { ...core, sweep: () => sweepOnce(core) };
}
export type KlaxonCore = ReturnType<typeof createCore>;

function enrichmentOf(options: CoreOptions, clock: Clock): EnrichmentLookup<AwsClients> {
  return {
    registry: options.enrichers ?? {},
    clients: options.aws,
    budgetMs: options.config.enrichment.timeoutSeconds * 1000,
    cache: createEnrichmentCache(clock, enrichmentCacheMs),
    clock,
    ...(options.enrichmentBudgetSignal ? { budgetSignal: options.enrichmentBudgetSignal } : {}),
  };
}
