import { randomUUID } from 'node:crypto';
import { BatchGetRequest } from 'dynamodb-toolbox/entity/actions/batchGet';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import {
  execute as executeTransaction,
  isTransactionCancelled,
} from 'dynamodb-toolbox/entity/actions/transactWrite';
import { $add } from 'dynamodb-toolbox/entity/actions/update';
import { BatchGetCommand, execute as executeBatchGet } from 'dynamodb-toolbox/table/actions/batchGet';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { AlertChange, AuditEntry } from '../model/alert-change.ts';
import type { AlertRecord, AuditRecord, DrainLease, MuteRecord } from '../model/records.ts';
import { AlertIndexPartitions, drainFreeCondition, toAlertItem, versionCondition } from './alert-items.ts';
import { toAuditItem } from './audit-store.ts';
import type { KlaxonEntities } from './entities.ts';
import { muteSortKeyOf, toMuteItem } from './mute-store.ts';
import { readAlertRecord, readMuteRecord, writeRecord } from './record-schemas.ts';
import type { KlaxonTable } from './table.ts';

const eventRetentionSeconds = 30 * 24 * 3600;

/** An alert as read: its state (absent before the first notification), its mute and who drains its outbox. */
export interface AlertSnapshot {
  record?: AlertRecord;
  mute?: MuteRecord;
  drain?: DrainLease;
}

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
}

export type CommitResult = 'committed' | 'conflict' | 'duplicate';

/**
 * The alert lifecycle's reads and writes. Every decision is committed by `commit`: one TransactWriteItems
 * with the alert's next state and outbox (version-checked), its mute, the delivery's dedupe record, the
 * notification's history event and the audit record — all or nothing.
 */
export function createAlertStore(table: KlaxonTable, entities: KlaxonEntities) {
  const alerts = entities.alertState.build(EntityRepository);
  const mutes = entities.mute.build(EntityRepository);
  const events = entities.alertEvent.build(EntityRepository);
  const notifications = entities.notification.build(EntityRepository);
  const audits = entities.audit.build(EntityRepository);
  const topicEvents = entities.topicEvent.build(EntityRepository);

  const batchRead = async (alertId: string, messageId?: string) => {
    const requests = [
      entities.alertState.build(BatchGetRequest).key({ alertId }),
      entities.mute.build(BatchGetRequest).key({ alertId }),
      ...(messageId ? [entities.notification.build(BatchGetRequest).key({ messageId })] : []),
    ];
    const command = table
      .build(BatchGetCommand)
      .requests(...(requests as [(typeof requests)[0]]))
      .options({ consistent: true });
    const { Responses } = await executeBatchGet({ maxAttempts: 5 }, command);
    return (Responses[0] ?? []) as unknown[];
  };

  const listIndexed = async (partition: string, limit: number) => {
    const { Items = [] } = await table
      .build(QueryCommand)
      .entities(entities.alertState)
      .query({ index: 'gsi1', partition })
      .options({ reverse: true, limit })
      .send();
    return Items.map((item) => snapshotOf(item).record!);
  };

  return {
    /** The alert's state, mute and drain lease in one BatchGetItem. */
    async loadAlert(alertId: string): Promise<AlertSnapshot> {
      const [alert, mute] = await batchRead(alertId);
      return {
        ...snapshotOf(alert),
        ...(mute ? { mute: readMuteRecord((mute as { record: string }).record) } : {}),
      };
    },

    /** The same, plus whether this SNS message was already recorded: one BatchGetItem. */
    async loadForDelivery(
      alertId: string,
      messageId: string,
    ): Promise<AlertSnapshot & { delivered: boolean }> {
      const [alert, mute, delivery] = await batchRead(alertId, messageId);
      return {
        ...snapshotOf(alert),
        ...(mute ? { mute: readMuteRecord((mute as { record: string }).record) } : {}),
        delivered: delivery !== undefined,
      };
    },

    async commit(input: CommitInput): Promise<CommitResult> {
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
    },

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
      return conditional(() =>
        alerts.put(toAlertItem(next), {
          condition: { and: [versionCondition(expectedVersion), { attr: 'drainOwner', eq: owner }] },
        }),
      );
    },

    /** Open alerts, most recently fired first. */
    listOpenAlerts(limit = 50): Promise<AlertRecord[]> {
      return listIndexed(AlertIndexPartitions.open, limit);
    },

    /** Resolved alerts whose outbox still holds Slack steps. */
    listResolvedWithOutbox(limit = 50): Promise<AlertRecord[]> {
      return listIndexed(AlertIndexPartitions.outbox, limit);
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

    /** A refusal or a failure changes no alert: its audit record is written alone. */
    async appendAudit(entry: AuditEntry): Promise<AuditRecord> {
      const record: AuditRecord = { ...entry, id: randomUUID() };
      await audits.put(toAuditItem(record));
      return record;
    },
  };
}
export type AlertStore = ReturnType<typeof createAlertStore>;

function snapshotOf(item: unknown): AlertSnapshot {
  if (!item) return {};
  const stored = item as { version: number; record: string; drainOwner?: string; drainUntil?: number };
  const record: AlertRecord = { ...readAlertRecord(stored.record), version: stored.version };
  const drain =
    stored.drainOwner && stored.drainUntil !== undefined
      ? { owner: stored.drainOwner, until: stored.drainUntil }
      : undefined;
  return { record, ...(drain ? { drain } : {}) };
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
