import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { KlaxonStore } from '../../store/open-store.ts';
import type { MuteRecord } from '../../store/records.ts';

/**
 * Mutes in force at `now`, soonest ending first, those "until resolved" last. Reads the `MUTES` partition
 * of gsi1 and drops ended mutes itself: expiry is only honoured by reading it (DynamoDB Local never
 * deletes expired items). Used until the mute store offers the same query.
 */
export async function listActiveMutes(store: KlaxonStore, now: Date, limit = 200): Promise<MuteRecord[]> {
  const { Items = [] } = await store.table
    .build(QueryCommand)
    .entities(store.entities.mute)
    .query({ index: 'gsi1', partition: 'MUTES' })
    .options({ limit })
    .send();
  const nowIso = now.toISOString();
  const nowSeconds = Math.floor(now.getTime() / 1000);
  return Items.filter((item) => item.expiresAt === undefined || item.expiresAt > nowSeconds)
    .map((item) => item.record as MuteRecord)
    .filter((mute) => mute.until === undefined || mute.until > nowIso)
    .sort(compareMuteEnds);
}

function compareMuteEnds(a: MuteRecord, b: MuteRecord): number {
  if (a.until === b.until) return a.at.localeCompare(b.at);
  if (a.until === undefined) return 1;
  if (b.until === undefined) return -1;
  return a.until.localeCompare(b.until);
}
