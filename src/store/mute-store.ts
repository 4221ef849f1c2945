import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { MuteRecord } from '../model/records.ts';
import type { KlaxonEntities } from './entities.ts';
import { readMuteRecord, writeRecord } from './record-schemas.ts';
import type { KlaxonTable } from './table.ts';

/** gsi1 partition of every mute; the sort key is its end, so "expired" and "active" are range queries. */
const mutesPartition = 'MUTES';
/** Sorts after every ISO time ('U' > '2'), so an open-ended mute is never "expired". */
const untilResolvedSortKey = 'UNTIL-RESOLVED';
/** Real DynamoDB may drop a mute this long after it ended; code never relies on it (see table.ts). */
const ttlGraceSeconds = 7 * 24 * 3600;

/** Mutes start and end inside the alert's commit (alert-store.ts); these are the sweep's and App Home's reads. */
export function createMuteStore(table: KlaxonTable, entities: KlaxonEntities) {
  return {
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
  return Items.map((item) => readMuteRecord(item.record));
}

export function toMuteItem(mute: MuteRecord) {
  return {
    alertId: mute.alertId,
    gsi1pk: mutesPartition,
    gsi1sk: muteSortKeyOf(mute),
    ...(mute.until ? { expiresAt: Math.floor(Date.parse(mute.until) / 1000) + ttlGraceSeconds } : {}),
    record: writeRecord(mute),
  };
}
