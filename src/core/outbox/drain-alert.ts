import type { AlertRecord } from '../../model/records.ts';
import { type DrainResult, drainOutbox } from './drain-outbox.ts';
import { leaseFrom, type OutboxRuntime } from './outbox-runtime.ts';
import { dueEntries } from './plan-outbox.ts';

export type DrainAlertResult =
  | DrainResult
  | { outcome: 'nothing-due' | 'not-found' }
  /** Someone holds the lease until `until` (epoch ms): alive, or dead and about to lose it. */
  | { outcome: 'busy'; until?: number };

/**
 * Drains an alert's outbox from outside a commit: a redelivery, a timer, the sweep. A lease that ran out
 * without being released belonged to a drain that died: any step it had begun may already be in Slack, so
 * all are marked suspect and looked for before being posted again.
 */
export async function drainAlert(
  rt: OutboxRuntime,
  alertId: string,
  owner: string,
  options: { enrich?: boolean } = {},
): Promise<DrainAlertResult> {
  const { record, mute, drain } = await rt.alerts.loadAlert(alertId);
  if (!record) return { outcome: 'not-found' };
  const now = rt.clock.now();
  if (dueEntries(record, now).length === 0) return { outcome: 'nothing-due' };
  if (drain && drain.until >= now) return { outcome: 'busy', until: drain.until };
  const lease = leaseFrom(rt, owner, now);
  if (!(await rt.alerts.claimDrain(alertId, lease, now, record.version))) return { outcome: 'busy' };
  const claimed = { ...record, version: record.version + 1 };
  const start: AlertRecord = drain ? markAllSuspect(claimed) : claimed;
  return drainOutbox(rt, { record: start, ...(mute ? { mute } : {}), lease, ...options });
}

function markAllSuspect(record: AlertRecord): AlertRecord {
  return { ...record, outbox: record.outbox.map((entry) => ({ ...entry, suspect: true })) };
}
