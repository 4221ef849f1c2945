import type { AwsClients } from '../aws/aws-clients.ts';
import { createSuppressionCheck } from '../core/silences/suppression-check.ts';
import {
  createReconcileGate,
  reconcileAlarms as reconcileAlarmStates,
} from '../core/sweep/reconcile-alarms.ts';
import { createIntervalGate } from '../util/interval-gate.ts';
import type { ActionService } from './create-action-service.ts';
import type { NotificationService } from './create-notification-service.ts';
import { sweepOnce } from './periodic-sweep.ts';

/**
 * How often a sweep reads every open alert instead of the wake index (and the first sweep of a process does).
 * The index holds every alert written since it existed; the full pass is what finds work on items an older
 * Klaxon wrote, and what bounds the harm of any write that missed it.
 */
const fullSweepIntervalMs = 60 * 60_000;

/**
 * The `sweep` service: what runs once a minute (a timer in the server, the schedule on the worker). Alarm
 * reconciliation, when configured, asks CloudWatch at its own interval.
 */
export function createSweepService(
  base: NotificationService,
  { actions }: ActionService,
  options: { aws: Pick<AwsClients, 'in'> },
) {
  const { config, clock, logger, store } = base;
  const reconcile = config.reconciliation;
  const reconcileAlarms = reconcile.enabled
    ? createReconcileGate({
        intervalMs: reconcile.intervalMinutes * 60_000,
        nowMs: () => clock.now(),
        reconcile: () =>
          reconcileAlarmStates({ ...actions, cloudWatchIn: (region) => options.aws.in(region).cloudWatch }),
        onError: (error) =>
          logger.warn({ err: error }, 'alarm reconciliation failed; retrying next interval'),
      })
    : undefined;
  const isSuppressed = createSuppressionCheck({
    config,
    loadActive: () => store.silences.listActiveSilences(),
    nowMs: () => clock.now(),
  });
  const fullPass = createIntervalGate({ intervalMs: fullSweepIntervalMs, nowMs: () => clock.now() });
  const parts = { actions, outbox: base.outbox, reconcileAlarms, isSuppressed, fullPass };
  return { reconcileAlarms, isSuppressed, sweep: () => sweepOnce(parts) };
}
