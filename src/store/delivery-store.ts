import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { execute, isTransactionCancelled } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { $remove } from 'dynamodb-toolbox/entity/actions/update';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { AlertRecord, NotificationRecord } from '../model/records.ts';
import { stripUndefined, toAlertItem, versionCondition } from './alert-items.ts';
import type { KlaxonEntities } from './entities.ts';
import type { KlaxonTable } from './table.ts';

const weekSeconds = 7 * 24 * 3600;
const pendingPartition = 'DELIVERIES#pending';
const eventRetentionSeconds = 30 * 24 * 3600;

export type CommitResult = 'committed' | 'alert-changed' | 'notification-exists';

export interface CommitNotificationInput {
  notification: NotificationRecord;
  next?: AlertRecord;
  /** Version of the alert record the decision was made on (0: there was none). */
  expectedVersion: number;
  event: { alertId: string; at: string; messageId: string; summary: Record<string, unknown> };
  endMute: boolean;
  dedupeTtlSeconds?: number;
}

/**
 * SNS deliveries: the dedupe record keyed by MessageId, committed atomically with the decision it led to,
 * and the lease and progress of its pending Slack steps.
 */
export function createDeliveryStore(table: KlaxonTable, entities: KlaxonEntities) {
  const alerts = entities.alertState.build(EntityRepository);
  const mutes = entities.mute.build(EntityRepository);
  const events = entities.alertEvent.build(EntityRepository);
  const notifications = entities.notification.build(EntityRepository);

  const alertPut = (record: AlertRecord, expectedVersion: number) =>
    alerts.transactPut(toAlertItem(record), { condition: versionCondition(expectedVersion) });

  return {
    async getNotification(messageId: string): Promise<NotificationRecord | undefined> {
      const { Item } = await notifications.get({ messageId }, { consistent: true });
      if (!Item) return undefined;
      return {
        ...(Item.record as NotificationRecord),
        status: Item.status as 'pending' | 'done',
        stepsDone: Item.stepsDone,
        leaseUntil: Item.leaseUntil,
      };
    },

    /**
     * Records a notification and its decision atomically: the dedupe record (first delivery wins), the
     * alert's new state (only if nobody changed it since it was read), its history event and a mute that
     * ends with it.
     */
    async commitNotification(input: CommitNotificationInput): Promise<CommitResult> {
      const nowSeconds = Math.floor(Date.parse(input.notification.receivedAt) / 1000);
      const writes = [
        notifications.transactPut(
          toNotificationItem(input.notification, nowSeconds + (input.dedupeTtlSeconds ?? weekSeconds)),
          {
            condition: { attr: 'messageId', exists: false },
          },
        ),
        events.transactPut({
          alertId: input.event.alertId,
          eventSk: `EVENT#${input.event.at}#${input.event.messageId}`,
          expiresAt: nowSeconds + eventRetentionSeconds,
          record: input.event.summary,
        }),
        ...(input.next ? [alertPut(input.next, input.expectedVersion)] : []),
        ...(input.endMute ? [mutes.transactDelete({ alertId: input.event.alertId })] : []),
      ] as const;
      try {
        await execute(...writes);
        return 'committed';
      } catch (error) {
        if (!isTransactionCancelled(error)) throw error;
        const reasons = error.CancellationReasons ?? [];
        return reasons[0]?.Code === 'ConditionalCheckFailed' ? 'notification-exists' : 'alert-changed';
      }
    },

    /** Takes the right to execute a pending notification's steps for `leaseMs`. */
    async claimNotificationLease(messageId: string, nowMs: number, leaseMs: number): Promise<boolean> {
      try {
        await notifications.update(
          { messageId, leaseUntil: nowMs + leaseMs },
          {
            condition: {
              and: [
                { attr: 'status', eq: 'pending' },
                { attr: 'leaseUntil', lt: nowMs },
              ],
            },
          },
        );
        return true;
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') return false;
        throw error;
      }
    },

    async markStepsDone(messageId: string, stepsDone: number, finished: boolean): Promise<void> {
      await notifications.update({
        messageId,
        stepsDone,
        ...(finished ? { status: 'done', leaseUntil: 0, gsi1pk: $remove(), gsi1sk: $remove() } : {}),
      });
    },

    /** Releases a lease early after a failure so that SNS's redelivery can go ahead at once. */
    async releaseNotificationLease(messageId: string): Promise<void> {
      await notifications.update({ messageId, leaseUntil: 0 });
    },

    /** Deliveries whose Slack steps are still pending and were received before `receivedBefore`, oldest first. */
    async listPendingDeliveries(receivedBefore: string, limit = 100): Promise<NotificationRecord[]> {
      const { Items = [] } = await table
        .build(QueryCommand)
        .entities(entities.notification)
        .query({ index: 'gsi1', partition: pendingPartition, range: { lt: receivedBefore } })
        .options({ limit })
        .send();
      return Items.map((item) => ({
        ...(item.record as NotificationRecord),
        status: item.status as 'pending' | 'done',
        stepsDone: item.stepsDone,
        leaseUntil: item.leaseUntil,
      }));
    },

    /** A cheap consistent read that proves the table answers (health checks). */
    async ping(): Promise<void> {
      await notifications.get({ messageId: '__healthcheck__' }, { consistent: true });
    },
  };
}

function toNotificationItem(record: NotificationRecord, expiresAt: number) {
  const { status, stepsDone, leaseUntil, ...rest } = record;
  return {
    messageId: record.messageId,
    status,
    stepsDone,
    leaseUntil,
    expiresAt,
    ...(status === 'pending' ? { gsi1pk: pendingPartition, gsi1sk: record.receivedAt } : {}),
    record: stripUndefined(rest),
  };
}
