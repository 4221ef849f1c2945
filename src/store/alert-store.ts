import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { execute, isTransactionCancelled } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { KlaxonEntities } from './entities.ts';
import type { AlertRecord, MuteRecord, NotificationRecord } from './records.ts';
import type { KlaxonTable } from './table.ts';

const weekSeconds = 7 * 24 * 3600;
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

/** The alert lifecycle's reads and writes; every write that decides something is conditional. */
export function createAlertStore(table: KlaxonTable, entities: KlaxonEntities) {
  const alerts = entities.alertState.build(EntityRepository);
  const mutes = entities.mute.build(EntityRepository);
  const events = entities.alertEvent.build(EntityRepository);
  const notifications = entities.notification.build(EntityRepository);
  const topicEvents = entities.topicEvent.build(EntityRepository);

  const alertPut = (record: AlertRecord, expectedVersion: number) =>
    alerts.transactPut(toAlertItem(record), { condition: versionCondition(expectedVersion) });

  return {
    /** The alert's state and mute, read together with one query on the alert's partition. */
    async loadAlert(alertId: string): Promise<{ record?: AlertRecord; mute?: MuteRecord }> {
      const { Items = [] } = await table
        .build(QueryCommand)
        .entities(entities.alertState, entities.mute)
        .query({ partition: `ALERT#${alertId}`, range: { beginsWith: '#' } })
        .options({ consistent: true })
        .send();
      const result: { record?: AlertRecord; mute?: MuteRecord } = {};
      for (const item of Items) {
        if ('version' in item) result.record = item.record as AlertRecord;
        else result.mute = item.record as MuteRecord;
      }
      return result;
    },

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
        ...(finished ? { status: 'done', leaseUntil: 0 } : {}),
      });
    },

    /** Releases a lease early after a failure so that SNS's redelivery can go ahead at once. */
    async releaseNotificationLease(messageId: string): Promise<void> {
      await notifications.update({ messageId, leaseUntil: 0 });
    },

    /** Writes an alert record if its version is still `expectedVersion`; false when someone else won. */
    async saveAlert(record: AlertRecord, expectedVersion: number): Promise<boolean> {
      try {
        await alerts.put(toAlertItem(record), { condition: versionCondition(expectedVersion) });
        return true;
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') return false;
        throw error;
      }
    },

    async listOpenAlerts(limit = 50): Promise<AlertRecord[]> {
      const { Items = [] } = await table
        .build(QueryCommand)
        .entities(entities.alertState)
        .query({ index: 'gsi1', partition: 'ALERTS#open' })
        .options({ reverse: true, limit })
        .send();
      return Items.map((item) => item.record as AlertRecord);
    },

    /** A cheap consistent read that proves the table answers (health checks). */
    async ping(): Promise<void> {
      await notifications.get({ messageId: '__healthcheck__' }, { consistent: true });
    },

    async recordTopicEvent(topicArn: string, at: string, record: Record<string, unknown>): Promise<void> {
      await topicEvents.put({ topicArn, at, record });
    },

    async listAlertEvents(alertId: string, limit = 100): Promise<Array<Record<string, unknown>>> {
      const { Items = [] } = await table
        .build(QueryCommand)
        .entities(entities.alertEvent)
        .query({ partition: `ALERT#${alertId}`, range: { beginsWith: 'EVENT#' } })
        .options({ reverse: true, limit })
        .send();
      return Items.map((item) => item.record as Record<string, unknown>);
    },
  };
}
export type AlertStore = ReturnType<typeof createAlertStore>;

export function versionCondition(expectedVersion: number) {
  return expectedVersion === 0
    ? ({ attr: 'alertId', exists: false } as const)
    : ({ attr: 'version', eq: expectedVersion } as const);
}

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

function toNotificationItem(record: NotificationRecord, expiresAt: number) {
  const { status, stepsDone, leaseUntil, ...rest } = record;
  return {
    messageId: record.messageId,
    status,
    stepsDone,
    leaseUntil,
    expiresAt,
    record: stripUndefined(rest),
  };
}

/** DynamoDB has no `undefined`; dropping it here keeps optional fields optional on the way back. */
function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
