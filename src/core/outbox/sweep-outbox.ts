import { randomUUID } from 'node:crypto';
import { drainAlert } from './drain-alert.ts';
import { oldestPendingSeconds } from './oldest-pending.ts';
import type { OutboxRuntime } from './outbox-runtime.ts';
import { dueEntries } from './plan-outbox.ts';

export interface OutboxSweepResult {
  drained: number;
  failed: number;
  /** Age of the oldest step still waiting, after this sweep, in every outbox (0: none). */
  oldestPendingSeconds: number;
}

/**
 * What a sweep reads. `wake`: the alerts in the store's wake index, every one with work scheduled (what is
 * left out has an empty outbox and no reminder to come). `full`: every open alert and every resolved one
 * with steps left, for work the index cannot show (items written before it existed); see app/create-sweep-service.ts.
 */
export type SweepScope = 'wake' | 'full';

/**
 * Finishes whatever the outboxes still hold: SNS gave up, Slack was down, a process died, or a coalesced
 * update or digest came due. It reads its scope page by page: a post Slack refused during a storm is
 * finished however many alerts fired after it. Safe from several places at once: each alert is drained
 * under its lease.
 */
export async function sweepOutboxes(
  rt: OutboxRuntime,
  scope: SweepScope = 'wake',
): Promise<OutboxSweepResult> {
  const owner = `sweep:${randomUUID().slice(0, 8)}`;
  const result = { drained: 0, failed: 0 };
  let oldest = 0;
  const pages = scope === 'full' ? rt.alerts.pagesToSweep() : rt.alerts.wakePages();
  for await (const page of pages) {
    const now = rt.clock.now();
    // What each alert's outbox holds after this sweep: as read, or as its drain left it.
    const left = new Map(page.map((record) => [record.alertId, record]));
    for (const record of page.filter((candidate) => dueEntries(candidate, now).length > 0)) {
      try {
        const drained = await drainAlert(rt, record.alertId, owner, { enrich: true });
        if ('record' in drained && drained.record) left.set(record.alertId, drained.record);
        if (drained.outcome === 'drained') result.drained++;
        if (drained.outcome === 'slack-failed') result.failed++;
      } catch (error) {
        // One alert's trouble must not hold back the others; the next sweep retries it.
        result.failed++;
        rt.logger.warn(
          { err: error, alertId: record.alertId },
          'outbox drain failed; the next sweep retries',
        );
      }
    }
    oldest = Math.max(oldest, oldestPendingSeconds([...left.values()], rt.clock.now()));
  }
  if (result.failed > 0)
    rt.logger.warn(result, 'some outboxes could not be drained yet; the next sweep retries');
  return { ...result, oldestPendingSeconds: oldest };
}
