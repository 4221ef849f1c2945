import { QueryCommand as DocumentQueryCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { $add } from 'dynamodb-toolbox/entity/actions/update';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { AlertRecord, DrainLease, MuteRecord } from '../model/records.ts';
import type { ActiveSilence } from '../model/silence.ts';
import { createAlertCommit } from './alert-commit.ts';
import { AlertIndexPartitions, alertWakePartition, drainFreeCondition } from './alert-items.ts';
import { createAlertWriteItems } from './alert-write-items.ts';
import { batchGetItems, type ItemKey } from './batch-get-items.ts';
import { alertStateKey, type KlaxonEntities, muteKey, notificationKey, silenceIndexKey } from './entities.ts';
import {
  readActiveSilences,
  readAlertRecord,
  readAlertStateItem,
  readMuteRecord,
  readRecordItem,
  writeRecord,
} from './record-schemas.ts';
import { silenceIndexId } from './silence-store.ts';
import type { KlaxonTable } from './table.ts';

/** An alert as read: its state (absent before the first notification), its mute and who drains its outbox. */
export interface AlertSnapshot {
  record?: AlertRecord;
  mute?: MuteRecord;
  drain?: DrainLease;
  /** Every active silence (the index item, read in the same batch); filter by end time on use. */
  silences?: ActiveSilence[];
}

export type { CommitInput, CommitResult } from './alert-commit.ts';

/** DynamoDB's limit of keys in one BatchGetItem. */
const maxBatchGetKeys = 100;

/** Alerts read per index query by a sweep: it reads every page, this only bounds what it holds at once. */
const sweepPageSize = 100;

/**
 * The alert lifecycle's reads and writes: the alert with its mute (and the delivery's dedupe record) in one
 * BatchGetItem, every decision committed by `commit` (alert-commit.ts), and the drain lease of its outbox.
 */
export function createAlertStore(table: KlaxonTable, entities: KlaxonEntities) {
  const alerts = entities.alertState.build(EntityRepository);
  const documentClient = table.getDocumentClient();
  const writeItems = createAlertWriteItems(table, entities);
  const notifications = entities.notification.build(EntityRepository);
  const topicEvents = entities.topicEvent.build(EntityRepository);

  const batchRead = (alertId: string, messageId?: string) =>
    batchGetItems(documentClient, table.getName(), [
      alertStateKey({ alertId }),
      muteKey({ alertId }),
      silenceIndexKey({ indexId: silenceIndexId }),
      ...(messageId ? [notificationKey({ messageId })] : []),
    ]);

  /** Alert state items by key, 100 to a BatchGetItem; keys with nothing stored are left out. */
  const loadRecordsAt = async (keys: readonly ItemKey[]): Promise<AlertRecord[]> => {
    const records: AlertRecord[] = [];
    for (let start = 0; start < keys.length; start += maxBatchGetKeys) {
      const items = await batchGetItems(
        documentClient,
        table.getName(),
        keys.slice(start, start + maxBatchGetKeys),
      );
      for (const item of items) if (item) records.push(snapshotOf(item).record!);
    }
    return records;
  };

  const queryIndexed = async (partition: string, limit: number, startKey?: Record<string, unknown>) => {
    const { Items = [], LastEvaluatedKey } = await table
      .build(QueryCommand)
      .entities(entities.alertState)
      .query({ index: 'gsi1', partition })
      .options({ reverse: true, limit, ...(startKey ? { exclusiveStartKey: startKey } : {}) })
      .send();
    return { records: Items.map((item) => snapshotOf(item).record!), next: LastEvaluatedKey };
  };
  const listIndexed = async (partition: string, limit: number) =>
    (await queryIndexed(partition, limit)).records;
  /** Every alert of a gsi1 partition, most recently fired first, one page (one Query) at a time. */
  async function* pagesIndexed(partition: string, pageSize: number): AsyncGenerator<AlertRecord[]> {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await queryIndexed(partition, pageSize, startKey);
      if (page.records.length > 0) yield page.records;
      startKey = page.next;
    } while (startKey);
  }

  return {
    /** The alert's state, mute and drain lease in one BatchGetItem. */
    async loadAlert(alertId: string): Promise<AlertSnapshot> {
      const [alert, mute, silences] = await batchRead(alertId);
      return {
        ...snapshotOf(alert),
        ...muteOf(mute),
        ...silencesOf(silences),
      };
    },

    /** The stored records of these alerts (others are left out), 100 to a BatchGetItem: titles for lists. */
    loadRecords(alertIds: readonly string[]): Promise<AlertRecord[]> {
      return loadRecordsAt(alertIds.map((alertId) => alertStateKey({ alertId })));
    },

    /** The same, plus whether this SNS message was already recorded: one BatchGetItem. */
    async loadForDelivery(
      alertId: string,
      messageId: string,
    ): Promise<AlertSnapshot & { delivered: boolean }> {
      const [alert, mute, silences, delivery] = await batchRead(alertId, messageId);
      return {
        ...snapshotOf(alert),
        ...muteOf(mute),
        ...silencesOf(silences),
        delivered: delivery !== undefined,
      };
    },

    commit: createAlertCommit(table, entities, writeItems),

    /**
     * Takes an alert's drain lease if it is free and the alert is still at `expectedVersion`; bumps the
     * version, so a decision made on the state before the claim cannot write the lease away.
     */
    async claimDrain(
      alertId: string,
      lease: DrainLease,
      nowMs: number,
      expectedVersion: number,
    ): Promise<boolean> {
      return conditional(() =>
        alerts.update(
          { alertId, drainOwner: lease.owner, drainUntil: lease.until, version: $add(1) },
          { condition: { and: [{ attr: 'version', eq: expectedVersion }, drainFreeCondition(nowMs)] } },
        ),
      );
    },

    /** Extends a lease its holder still has: a live drain keeps it, a dead one lets it run out soon. */
    async renewDrain(alertId: string, lease: DrainLease): Promise<boolean> {
      return conditional(() =>
        alerts.update(
          { alertId, drainUntil: lease.until },
          { condition: { attr: 'drainOwner', eq: lease.owner } },
        ),
      );
    },

    /**
     * Writes what the drain did (steps done, root ts, budget) and releases the lease, if nobody changed the
     * alert since `expectedVersion` and the lease is still `owner`'s; false otherwise (re-read and go on).
     */
    async completeDrain(next: AlertRecord, expectedVersion: number, owner: string): Promise<boolean> {
      const put = writeItems.alertState(
        next,
        undefined,
        { expectedVersion, drainOwner: owner },
        new Date().toISOString(),
      );
      return conditional(() => documentClient.send(new PutCommand(put)));
    },

    /** Open alerts, most recently fired first. */
    listOpenAlerts(limit = 50): Promise<AlertRecord[]> {
      return listIndexed(AlertIndexPartitions.open, limit);
    },

    /**
     * Every open alert, then every resolved one with Slack steps left, a page at a time: what a full sweep
     * looks at (however many alerts fired since), without holding them all in memory.
     */
    async *pagesToSweep(pageSize = sweepPageSize): AsyncGenerator<AlertRecord[]> {
      yield* pagesIndexed(AlertIndexPartitions.open, pageSize);
      yield* pagesIndexed(AlertIndexPartitions.outbox, pageSize);
    },

    /**
     * Every alert with work scheduled (Slack steps in its outbox, or a reminder to come), soonest first, a
     * page at a time: what the once-a-minute sweep reads instead of every open alert.
     */
    async *wakePages(pageSize = sweepPageSize): AsyncGenerator<AlertRecord[]> {
      let startKey: Record<string, unknown> | undefined;
      do {
        // The index holds keys only (table.ts): one Query for a page of them, one BatchGetItem for their records.
        const { Items = [], LastEvaluatedKey } = await documentClient.send(
          new DocumentQueryCommand({
            TableName: table.getName(),
            IndexName: 'gsi2',
            KeyConditionExpression: 'gsi2pk = :wake',
            ExpressionAttributeValues: { ':wake': alertWakePartition },
            Limit: pageSize,
            ...(startKey ? { ExclusiveStartKey: startKey } : {}),
          }),
        );
        // An alert deleted since the index was read is simply not there any more.
        const records = await loadRecordsAt(
          Items.map((item) => ({ pk: String(item.pk), sk: String(item.sk) })),
        );
        if (records.length > 0) yield records;
        startKey = LastEvaluatedKey;
      } while (startKey);
    },

    /** Every open alert, most recently fired first, a page at a time. */
    openAlertPages(pageSize = sweepPageSize): AsyncGenerator<AlertRecord[]> {
      return pagesIndexed(AlertIndexPartitions.open, pageSize);
    },

    async recordTopicEvent(topicArn: string, at: string, record: Record<string, unknown>): Promise<void> {
      await topicEvents.put({ topicArn, at, record: writeRecord(record) });
    },

    async listAlertEvents(alertId: string, limit = 100): Promise<Array<Record<string, unknown>>> {
      const { Items = [] } = await table
        .build(QueryCommand)
        .entities(entities.alertEvent)
        .query({ partition: `ALERT#${alertId}`, range: { beginsWith: 'EVENT#' } })
        .options({ reverse: true, limit })
        .send();
      return Items.map((item) => JSON.parse(item.record) as Record<string, unknown>);
    },

    /** A cheap consistent read that proves the table answers (health checks). */
    async ping(): Promise<void> {
      await notifications.get({ messageId: '__healthcheck__' }, { consistent: true });
    },
  };
}
export type AlertStore = ReturnType<typeof createAlertStore>;

function snapshotOf(item: unknown): AlertSnapshot {
  if (!item) return {};
  const stored = readAlertStateItem(item);
  const record: AlertRecord = { ...readAlertRecord(stored.record), version: stored.version };
  const drain =
    stored.drainOwner && stored.drainUntil !== undefined
      ? { owner: stored.drainOwner, until: stored.drainUntil }
      : undefined;
  return { record, ...(drain ? { drain } : {}) };
}

/** The mute item of a batch read, validated, as a snapshot field. */
function muteOf(item: unknown): { mute?: MuteRecord } {
  return item ? { mute: readMuteRecord(readRecordItem(item).record) } : {};
}

/** The silence index item of a batch read, validated. */
function silencesOf(item: unknown): { silences?: ActiveSilence[] } {
  return item ? { silences: readActiveSilences(readRecordItem(item).record) } : {};
}

async function conditional(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}
