import type { Clock } from '../../aws/poll.ts';
import type { DrainLease } from '../../model/records.ts';
import type { Logger } from '../../observability/logger.ts';
import type { AlertViewOptions } from '../../render/alert-view-of.ts';
import type { SlackPoster } from '../../slack/slack-poster.ts';
import type { AlertStore } from '../../store/alert-store.ts';
import type { KeyedQueue } from '../../util/keyed-queue.ts';
import type { ChannelPacer } from './channel-pacer.ts';
import type { OutboxSettings } from './plan-outbox.ts';
import type { LookUpEnrichment } from './run-enrich-step.ts';

/** What committing a change and draining an outbox need; one instance per process, built by the root. */
/** A drain lease for `owner` from `nowMs`: held for the runtime's lease time unless renewed. */
export function leaseFrom(rt: Pick<OutboxRuntime, 'leaseMs'>, owner: string, nowMs: number): DrainLease {
  return { owner, until: nowMs + rt.leaseMs };
}

export interface OutboxRuntime {
  alerts: AlertStore;
  slack: SlackPoster;
  clock: Clock;
  logger: Logger;
  settings: OutboxSettings;
  /** How long a drain holds its lease before renewing: a dead process blocks an alert no longer than this. */
  leaseMs: number;
  pacer: ChannelPacer;
  /** Changes of one alert in this process take turns (see commit-change.ts). */
  turns: KeyedQueue;
  /** How long a request may wait for its channel's pace before leaving the rest to a later drain. */
  inlineWaitMs: number;
  /** Where a channel Slack refuses for good is reported (config `operatorChannel`); the log only if unset. */
  operatorChannel?: string;
  /**
   * Drains an alert later (a timer in the long-running server); absent on Lambda, where the per-minute
   * sweep does it.
   */
  scheduleDrain?: (alertId: string, atMs: number) => void;
  /**
   * Queues an alert whose channel's pace held its posts back: the server drains a channel's queue one alert
   * per free slot, so a backlog costs each alert one drain, not one attempt a second. Absent on Lambda.
   */
  queueForChannel?: (channel: string, alertId: string) => void;
  /** What the configuration adds to every drawing of an alert (which buttons someone may use). */
  viewOptions?: AlertViewOptions;
  /** Runs one enrichment lookup under its budget; absent when none is configured (its steps then tell nothing). */
  enrich?: LookUpEnrichment;
  /**
   * Hands an alert's waiting enrichment steps to work that answers nobody: a timer in the server, an
   * asynchronous invocation of the worker on Lambda (absent there without a worker: the sweep runs them).
   */
  enrichLater?: (alertId: string) => Promise<void> | void;
}
