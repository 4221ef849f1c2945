import { randomUUID } from 'node:crypto';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import {
  execute as executeTransaction,
  isTransactionCancelled,
} from 'dynamodb-toolbox/entity/actions/transactWrite';
import type { AlertChange, AuditEntry } from '../model/alert-change.ts';
import type { DrainLease } from '../model/records.ts';
import type { SilenceHitWrite } from '../model/silence.ts';
import { drainFreeCondition, toAlertItem, versionCondition } from './alert-items.ts';
import { toAuditItem } from './audit-store.ts';
import type { KlaxonEntities } from './entities.ts';
import { muteSortKeyOf, toMuteItem } from './mute-store.ts';
import { writeRecord } from './record-schemas.ts';
import { silenceHitWrites } from './silence-store.ts';

const eventRetentionSeconds = 30 * 24 * 3600;

export interface CommitInput {
  alertId: string;
  /** Version of the alert record the decision was made on (0: there was none). */
  expectedVersion: number;
  change?: AlertChange;
  /** Take the drain lease in the same write (only when the decision saw it free). */
  claimDrain?: { lease: DrainLease; nowMs: number };
  /** The lease as read, written back unchanged when not claiming: a commit never takes a drain's lease away. */
  keepDrain?: DrainLease;
  /** The SNS delivery's dedupe record: first delivery wins. */
  delivery?: { messageId: string; receivedAt: string; expiresAt: number };
  /** History of notifications received (kept 30 days). */
  event?: { at: string; messageId: string; summary: Record<string, unknown> };
  audit?: AuditEntry;
  /** A notification a silence held back: counted for the silence's summary in the same transaction. */
  silenceHit?: SilenceHitWrite;
}

export type CommitResult = 'committed' | 'conflict' | 'duplicate';

/**
 * Every decision is committed here: one TransactWriteItems with the alert's next state and outbox
 * (version-checked), its mute, the delivery's dedupe record, the notification's history event and the audit
 * record — all or nothing.
 */
export function createAlertCommit(entities: KlaxonEntities) {
  const alerts = entities.alertState.build(EntityRepository);
  const mutes = entities.mute.build(EntityRepository);
  const events = entities.alertEvent.build(EntityRepository);
  const notifications = entities.notification.build(EntityRepository);
  const audits = entities.audit.build(EntityRepository);

  return async function commit(input: CommitInput): Promise<CommitResult> {
    const { change, alertId } = input;
    const writes = [
      ...(input.delivery
        ? [
            notifications.transactPut(
              { alertId, ...input.delivery },
              { condition: { attr: 'messageId', exists: false } },
            ),
          ]
        : []),
      ...(change
        ? [
            alerts.transactPut(toAlertItem(change.next, input.claimDrain?.lease ?? input.keepDrain), {
              condition: input.claimDrain
                ? {
                    and: [
                      versionCondition(input.expectedVersion),
                      drainFreeCondition(input.claimDrain.nowMs),
                    ],
                  }
                : versionCondition(input.expectedVersion),
            }),
          ]
        : []),
      ...(change?.startMute
        ? [
            mutes.transactPut(toMuteItem(change.startMute), {
              condition: { attr: 'alertId', exists: false },
            }),
          ]
        : []),
      ...(change?.endMute
        ? [
            mutes.transactDelete(
              { alertId },
              { condition: { attr: 'gsi1sk', eq: muteSortKeyOf(change.endMute) } },
            ),
          ]
        : []),
      ...(input.event
        ? [
            events.transactPut({
              alertId,
              eventSk: `EVENT#${input.event.at}#${input.event.messageId}`,
              expiresAt: Math.floor(Date.parse(input.event.at) / 1000) + eventRetentionSeconds,
              record: writeRecord(input.event.summary),
            }),
          ]
        : []),
      ...(input.silenceHit ? silenceHitWrites(entities, input.silenceHit) : []),
      ...(input.audit ? [audits.transactPut(toAuditItem({ ...input.audit, id: randomUUID() }))] : []),
    ];
    if (writes.length === 0) return 'committed';
    try {
      await executeTransaction(...(writes as [(typeof writes)[0]]));
      return 'committed';
    } catch (error) {
      if (!isTransactionCancelled(error)) throw error;
      const reasons = error.CancellationReasons ?? [];
      return input.delivery && reasons[0]?.Code === 'ConditionalCheckFailed' ? 'duplicate' : 'conflict';
    }
  };
}
