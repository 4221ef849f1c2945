import type { AlertRecord, DrainLease } from '../model/records.ts';
import { writeRecord } from './record-schemas.ts';

/**
 * gsi1 partitions of alert states. An item has one gsi1 key, so an alert is listed under `open` while open,
 * and once resolved under `outbox` only while Slack steps still wait in its outbox; the sweep queries both
 * instead of scanning.
 */
export const AlertIndexPartitions = {
  open: 'ALERTS#open',
  outbox: 'ALERTS#outbox',
} as const;

/** Free: nobody holds the drain lease, or its holder let it run out (died or stalled). */
export function drainFreeCondition(nowMs: number) {
  return {
    or: [
      { attr: 'drainOwner' as const, exists: false },
      { attr: 'drainUntil' as const, lt: nowMs },
    ],
  };
}

/** The stored item of an alert: keys, version and status on top, its gsi1 key when it has one, the lease. */
export function toAlertItem(record: AlertRecord, drain?: DrainLease) {
  const { version, ...rest } = record;
  return {
    alertId: record.alertId,
    version,
    status: record.status,
    ...indexKeyOf(record),
    ...(drain ? { drainOwner: drain.owner, drainUntil: drain.until } : {}),
    record: writeRecord(rest),
  };
}

function indexKeyOf(record: AlertRecord): { gsi1pk?: string; gsi1sk?: string } {
  if (record.status === 'open') return { gsi1pk: AlertIndexPartitions.open, gsi1sk: record.lastFiredAt };
  if (record.outbox.length === 0) return {};
  return { gsi1pk: AlertIndexPartitions.outbox, gsi1sk: record.resolvedAt ?? record.lastFiredAt };
}
