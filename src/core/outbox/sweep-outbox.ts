import { randomUUID } from 'node:crypto';
import { drainAlert } from './drain-alert.ts';
import { oldestPendingSeconds } from './oldest-pending.ts';
import type { OutboxRuntime } from './outbox-runtime.ts';
import { dueEntries } from './plan-outbox.ts';

/** Alerts looked at per sweep in each gsi1 partition (open, resolved with steps waiting). */
const sweepLimit = 200;

export interface OutboxSweepResult {
  drained: number;
  failed: number;
  /** Age of the oldest step still waiting, after this sweep, in the outboxes it looked at (0: none). */
  oldestPendingSeconds: number;
}

/**
 * Finishes whatever the outboxes still hold: SNS gave up, Slack was down, a process died, or a coalesced
 * update or digest came due. Safe from several places at once: each alert is drained under its lease.
 */
export async function sweepOutboxes(rt: OutboxRuntime): Promise<OutboxSweepResult> {
  const [open, resolved] = await Promise.all([
    rt.alerts.listOpenAlerts(sweepLimit),
    rt.alerts.listResolvedWithOutbox(sweepLimit),
  ]);
  const now = rt.clock.now();
  const due = [...open, ...resolved].filter((record) => dueEntries(record, now).length > 0);
  const owner = `sweep:${randomUUID().slice(0, 8)}`;
  const result = { drained: 0, failed: 0 };
  // What each alert's outbox holds after this sweep: as read, or as its drain left it.
  const left = new Map([...open, ...resolved].map((record) => [record.alertId, record]));
  for (const record of due) {
    try {
      const drained = await drainAlert(rt, record.alertId, owner, { enrich: true });
      if ('record' in drained && drained.record) left.set(record.alertId, drained.record);
      if (drained.outcome === 'drained') result.drained++;
      if (drained.outcome === 'slack-failed') result.failed++;
    } catch (error) {
      // One alert's trouble must not hold back the others; the next sweep retries it.
      result.failed++;
      rt.logger.warn({ err: error, alertId: record.alertId }, 'outbox drain failed; the next sweep retries');
    }
  }
  if (result.failed > 0)
    rt.logger.warn(result, 'some outboxes could not be drained yet; the next sweep retries');
  return { ...result, oldestPendingSeconds: oldestPendingSeconds([...left.values()], rt.clock.now()) };
}
