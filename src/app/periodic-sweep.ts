import type { AlertChangeDeps } from '../core/buttons/action-deps.ts';
import { type SweepScope, sweepOutboxes } from '../core/outbox/sweep-outbox.ts';
import {
  type SilenceDeps,
  sweepExpiredSilences,
  sweepPendingSummaries,
} from '../core/silences/end-silence.ts';
import { sweepEndedWindows } from '../core/silences/sweep-windows.ts';
import { sweepEscalations } from '../core/sweep/escalate-alerts.ts';
import { sweepExpiredMutes } from '../core/sweep/expire-mutes.ts';
import type { SuppressionCheck } from '../core/sweep/is-suppressed.ts';
import type { Logger } from '../observability/logger.ts';

/**
 * What runs once a minute (a timer in the server, the schedule on Lambda): ends expired mutes with their
 * summary, sends the reminders that are due, then finishes whatever the outboxes still hold. Several sweepers at once are safe: each change
 * is a version-checked commit and each outbox is drained under its lease.
 */
export async function sweepOnce(core: {
  actions: AlertChangeDeps & SilenceDeps;
  outbox: AlertChangeDeps['outbox'];
  /** Resolves open alarm alerts whose alarm is OK in CloudWatch (gated to its own interval). */
  reconcileAlarms?: () => Promise<number>;
  /** Silences and maintenance windows: no reminder for an alert they cover. */
  isSuppressed?: SuppressionCheck;
  /** Whether this sweep reads every open alert instead of the wake index (create-sweep-service.ts); default yes. */
  fullPass?: () => boolean;
}) {
  const scope: SweepScope = (core.fullPass?.() ?? true) ? 'full' : 'wake';
  const mutesEnded = await sweepExpiredMutes(core.actions);
  const silencesEnded = await sweepExpiredSilences(core.actions);
  const windowsSummarised = await sweepEndedWindows(core.actions);
  const summariesRetried = await sweepPendingSummaries(core.actions);
  // After the mutes: an alert whose mute just ended is reminded about on this same sweep if it is overdue.
  const remindersSent = await sweepEscalations(core.actions, core.isSuppressed, scope);
  const alarmsReconciled = (await core.reconcileAlarms?.()) ?? 0;
  const outboxes = await sweepOutboxes(core.outbox, scope);
  return {
    scope,
    mutesEnded,
    silencesEnded,
    windowsSummarised,
    summariesRetried,
    remindersSent,
    alarmsReconciled,
    outboxesDrained: outboxes.drained,
    outboxesFailed: outboxes.failed,
    /** The stack's self-alarm reads this field of the worker's `sweep` line (infra/constructs/delivery-metrics.ts). */
    oldestPendingSeconds: outboxes.oldestPendingSeconds,
  };
}

export function startPeriodicSweep(
  sweep: () => Promise<unknown>,
  logger: Logger,
  intervalMs = 60_000,
): () => void {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = sweep()
      .catch((error) => logger.warn({ err: error }, 'periodic sweep failed; retrying next minute'))
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
