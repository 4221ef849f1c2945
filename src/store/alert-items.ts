import type { AlertRecord } from './records.ts';

/** The optimistic-lock condition every alert write carries: version 0 means "no record yet". */
export function versionCondition(expectedVersion: number) {
  return expectedVersion === 0
    ? ({ attr: 'alertId', exists: false } as const)
    : ({ attr: 'version', eq: expectedVersion } as const);
}

/** The stored item of an alert: keys, version and status on top, and in gsi1 only while open. */
export function toAlertItem(record: AlertRecord) {
  const isOpen = record.status === 'open';
  return {
    alertId: record.alertId,
    version: record.version,
    status: record.status,
    ...(isOpen ? { gsi1pk: 'ALERTS#open', gsi1sk: record.lastFiredAt } : {}),
    record: stripUndefined(record),
  };
}

/** DynamoDB has no `undefined`; dropping it here keeps optional fields optional on the way back. */
export function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
