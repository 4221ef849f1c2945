import { wakeAtOf } from '../model/alert-wake.ts';
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

/**
 * gsi2, the wake index: every alert with work scheduled (Slack steps in its outbox or a reminder to come),
 * sorted by when (model/alert-wake.ts). The sweep reads this partition, not every open alert.
 */
export const alertWakePartition = 'ALERTS#wake';

/** Free: nobody holds the drain lease, or its holder let it run out (died or stalled). */
export function drainFreeCondition(nowMs: number) {
  return {
    or: [
      { attr: 'drainOwner' as const, exists: false },
      { attr: 'drainUntil' as const, lt: nowMs },
    ],
  };
}

/** The stored item of an alert: keys, version and status on top, its index keys when it has them, the lease. */
export function toAlertItem(record: AlertRecord, drain?: DrainLease) {
  const { version, ...rest } = record;
  return {
    alertId: record.alertId,
    version,
    status: record.status,
    ...indexKeyOf(record),
    ...wakeKeyOf(record),
    ...(drain ? { drainOwner: drain.owner, drainUntil: drain.until } : {}),
    record: writeRecord(rest),
  };
}

function indexKeyOf(record: AlertRecord): { gsi1pk?: string; gsi1sk?: string } {
  if (record.status === 'open') return { gsi1pk: AlertIndexPartitions.open, gsi1sk: record.lastFiredAt };
  if (record.outbox.length === 0) return {};
  return { gsi1pk: AlertIndexPartitions.outbox, gsi1sk: record.resolvedAt ?? record.lastFiredAt };
}

function wakeKeyOf(record: AlertRecord): { gsi2pk?: string; gsi2sk?: string } {
  const wakeAt = wakeAtOf(record);
  return wakeAt === undefined ? {} : { gsi2pk: alertWakePartition, gsi2sk: new Date(wakeAt).toISOString() };
}
