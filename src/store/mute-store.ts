import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import { execute, isTransactionCancelled } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { AlertRecord, MuteRecord } from '../model/records.ts';
import { toAlertItem, versionCondition } from './alert-items.ts';
import type { KlaxonEntities } from './entities.ts';
import type { KlaxonTable } from './table.ts';

/** gsi1 partition of every mute; the sort key is its end, so "expired" and "active" are range queries. */
const mutesPartition = 'MUTES';
/** Sorts after every ISO time ('U' > '2'), so an open-ended mute is never "expired". */
const untilResolvedSortKey = 'UNTIL-RESOLVED';
/** Real DynamoDB may drop a mute this long after it ended; code never relies on it (see table.ts). */
const ttlGraceSeconds = 7 * 24 * 3600;

export type MuteWriteResult = 'written' | 'conflict';

/**
 * Mutes and the alert record change together in one transaction, conditioned on the alert's version: a
 * notification, a click or the expiry sweep that read an older state loses and re-reads.
 */
export function createMuteStore(table: KlaxonTable, entities: KlaxonEntities) {
  const mutes = entities.mute.build(EntityRepository);
  const alerts = entities.alertState.build(EntityRepository);

  return {
    /** Starts a mute unless one exists (an expired one must be ended first, with its summary). */
    async startMute(mute: MuteRecord, next: AlertRecord, expectedVersion: number): Promise<MuteWriteResult> {
      return runTransaction([
        mutes.transactPut(toMuteItem(mute), { condition: { attr: 'alertId', exists: false } }),
        alerts.transactPut(toAlertItem(next), { condition: versionCondition(expectedVersion) }),
      ]);
    },

    /** Ends exactly this mute (same end time), so a mute that replaced it is never removed by mistake. */
    async endMute(mute: MuteRecord, next: AlertRecord, expectedVersion: number): Promise<MuteWriteResult> {
      return runTransaction([
        mutes.transactDelete(
          { alertId: mute.alertId },
          { condition: { attr: 'gsi1sk', eq: muteSortKeyOf(mute) } },
        ),
        alerts.transactPut(toAlertItem(next), { condition: versionCondition(expectedVersion) }),
      ]);
    },

    /** Mutes whose end has passed but that nobody has ended yet (the sweep's work list). */
    async listExpiredMutes(now: Date, limit = 100): Promise<MuteRecord[]> {
      return queryMutes(table, entities, { lt: now.toISOString() }, limit);
    },

    /** Mutes still in force, soonest end first, open-ended ones last. */
    async listActiveMutes(now: Date, limit = 50): Promise<MuteRecord[]> {
      return queryMutes(table, entities, { gte: now.toISOString() }, limit);
    },
  };
}
export type MuteStore = ReturnType<typeof createMuteStore>;

export function muteSortKeyOf(mute: Pick<MuteRecord, 'until'>): string {
  return mute.until ?? untilResolvedSortKey;
}

async function queryMutes(
  table: KlaxonTable,
  entities: KlaxonEntities,
  range: { lt: string } | { gte: string },
  limit: number,
): Promise<MuteRecord[]> {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(entities.mute)
    .query({ index: 'gsi1', partition: mutesPartition, range })
    .options({ limit })
    .send();
  return Items.map((item) => item.record as MuteRecord);
}

function toMuteItem(mute: MuteRecord) {
  return {
    alertId: mute.alertId,
    gsi1pk: mutesPartition,
    gsi1sk: muteSortKeyOf(mute),
    ...(mute.until ? { expiresAt: Math.floor(Date.parse(mute.until) / 1000) + ttlGraceSeconds } : {}),
    record: JSON.parse(JSON.stringify(mute)) as MuteRecord,
  };
}

async function runTransaction(writes: Parameters<typeof execute>): Promise<MuteWriteResult> {
  try {
    await execute(...writes);
    return 'written';
  } catch (error) {
    if (isTransactionCancelled(error)) return 'conflict';
    throw error;
  }
}
