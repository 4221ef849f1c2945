import type { AlertRecord } from '../model/records.ts';

/**
 * gsi1 partitions of alert states. An item has one gsi1 key, so an alert is listed under `open` while open,
 * and once resolved under `repair` only while Slack still owes it something (a stale root, pending replies);
 * the sweep queries both instead of scanning.
 */
export const AlertIndexPartitions = {
  open: 'ALERTS#open',
  repair: 'ALERTS#repair',
} as const;

/** The optimistic-lock condition every alert write carries: version 0 means "no record yet". */
export function versionCondition(expectedVersion: number) {
  return expectedVersion === 0
    ? ({ attr: 'alertId', exists: false } as const)
    : ({ attr: 'version', eq: expectedVersion } as const);
}

/** The stored item of an alert: keys, version and status on top, and its gsi1 key when it has one. */
export function toAlertItem(record: AlertRecord) {
  return {
    alertId: record.alertId,
    version: record.version,
    status: record.status,
    ...indexKeyOf(record),
    record: stripUndefined(record),
  };
}

/** Whether Slack is behind this alert: a root to redraw (once it exists) or thread replies still to post. */
export function needsSlackRepair(record: AlertRecord): boolean {
  const staleRoot = record.rootStale && record.ts !== undefined;
  return staleRoot || (record.pendingReplies?.length ?? 0) > 0 || record.replyInFlight !== undefined;
}

function indexKeyOf(record: AlertRecord): { gsi1pk?: string; gsi1sk?: string } {
  if (record.status === 'open') return { gsi1pk: AlertIndexPartitions.open, gsi1sk: record.lastFiredAt };
  if (!needsSlackRepair(record)) return {};
  return { gsi1pk: AlertIndexPartitions.repair, gsi1sk: record.resolvedAt ?? record.lastFiredAt };
}

/** DynamoDB has no `undefined`; dropping it here keeps optional fields optional on the way back. */
export function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
