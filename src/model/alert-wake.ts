import type { AlertRecord } from './records.ts';

/**
 * When a sweep next has something to do for this alert, in epoch ms: its outbox's earliest step (due at
 * once, or deferred until its `notBefore`) or its next reminder (open and unacknowledged only). Undefined
 * when nothing is scheduled: the store leaves such an alert out of its wake index, so the once-a-minute
 * sweep reads the alerts that have work instead of every open one.
 */
export function wakeAtOf(record: Pick<AlertRecord, 'outbox' | 'status' | 'acknowledged' | 'escalation'>) {
  let wakeAt = Number.POSITIVE_INFINITY;
  for (const entry of record.outbox) wakeAt = Math.min(wakeAt, entry.notBefore ?? entry.createdAt);
  const reminderDue = record.escalation?.dueAt;
  if (reminderDue && record.status === 'open' && !record.acknowledged) {
    wakeAt = Math.min(wakeAt, Date.parse(reminderDue));
  }
  return Number.isFinite(wakeAt) ? wakeAt : undefined;
}
