import type { SlackStep } from './outbox.ts';
import type { AlertRecord, AuditRecord, MuteRecord } from './records.ts';
import type { ReplayClaim } from './replay-claim.ts';

/**
 * What one decision does — a notification, a button, a modal, the sweep: the alert's next state, the Slack
 * steps it owes, a mute that starts or ends with it, and its audit record. All of it is committed in one
 * transaction; the steps then run from the alert's outbox. `undefined` from a decision means nothing
 * changes (a double click, a retried request, a stale button).
 */
export interface AlertChange {
  next: AlertRecord;
  steps: SlackStep[];
  startMute?: MuteRecord;
  /** With `startMute`: the mute it replaces (one whose end has passed), in the same write. */
  endMute?: MuteRecord;
}

/** An audit entry before the store gives it an id. */
export type AuditEntry = Omit<AuditRecord, 'id'>;

/** An audit record to write, and the replay claim of the Slack request it answers, which rides with it. */
export interface AuditWrite {
  entry: AuditEntry;
  replayClaim?: ReplayClaim;
}

/** The state a decision is made on: the alert (if any) and its mute. */
export interface LoadedAlert {
  record: AlertRecord;
  mute?: MuteRecord;
}

/** The next version of a record; every decision writes through this so the optimistic lock holds. */
export function bumpVersion(record: AlertRecord, changes: Partial<AlertRecord>): AlertRecord {
  return { ...record, ...changes, version: record.version + 1 };
}
