import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { AlertRecord, MuteRecord } from '../model/records.ts';
import { AlertIndexPartitions, toAlertItem, versionCondition } from './alert-items.ts';
import { createDeliveryStore } from './delivery-store.ts';
import type { KlaxonEntities } from './entities.ts';
import type { KlaxonTable } from './table.ts';

export type { CommitNotificationInput, CommitResult } from './delivery-store.ts';

/**
 * The alert lifecycle's reads and writes (with the deliveries' in delivery-store.ts); every write that
 * decides something is conditional.
 */
export function createAlertStore(table: KlaxonTable, entities: KlaxonEntities) {
  const alerts = entities.alertState.build(EntityRepository);
  const topicEvents = entities.topicEvent.build(EntityRepository);

  const listIndexed = async (partition: string, limit: number): Promise<AlertRecord[]> => {
    const { Items = [] } = await table
      .build(QueryCommand)
      .entities(entities.alertState)
      .query({ index: 'gsi1', partition })
      .options({ reverse: true, limit })
      .send();
    return Items.map((item) => item.record as AlertRecord);
  };

  return {
    ...createDeliveryStore(table, entities),

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

    /** Open alerts, most recently fired first. */
    listOpenAlerts(limit = 50): Promise<AlertRecord[]> {
      return listIndexed(AlertIndexPartitions.open, limit);
    },

    /** Resolved alerts Slack still owes something (a stale root, pending thread replies). */
    listResolvedAlertsToRepair(limit = 50): Promise<AlertRecord[]> {
      return listIndexed(AlertIndexPartitions.repair, limit);
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
