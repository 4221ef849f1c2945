import { randomUUID } from 'node:crypto';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import {
  execute as executeTransaction,
  isTransactionCancelled,
} from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { AuditRecord } from '../model/records.ts';
import type { ReplayClaim } from '../model/replay-claim.ts';
import type { KlaxonEntities } from './entities.ts';
import { readAuditRecord, writeRecord } from './record-schemas.ts';
import { replayClaimTransactPut } from './slack-request-store.ts';
import type { KlaxonTable } from './table.ts';

const dayMs = 86_400_000;

/**
 * The audit trail: one partition per UTC day (`AUDIT#2026-11-25`), sorted by time, so a time range is a few
 * queries, never a scan; gsi1 (`AUDIT#<userId>`) gives a user's recent actions for the App Home.
 */
export function createAuditStore(table: KlaxonTable, entities: KlaxonEntities) {
  const audits = entities.audit.build(EntityRepository);
  return {
    async append(entry: Omit<AuditRecord, 'id'>): Promise<AuditRecord> {
      const record: AuditRecord = { ...entry, id: randomUUID() };
      await audits.put(toAuditItem(record));
      return record;
    },

    /**
     * The record with the replay claim of the Slack request it answers, in one transaction: `replayed` (and
     * nothing written) when that request was acted on already.
     */
    async appendClaimed(
      entry: Omit<AuditRecord, 'id'>,
      claim: ReplayClaim,
    ): Promise<'appended' | 'replayed'> {
      try {
        await executeTransaction(
          replayClaimTransactPut(entities, claim),
          audits.transactPut(toAuditItem({ ...entry, id: randomUUID() })),
        );
        return 'appended';
      } catch (error) {
        if (
          isTransactionCancelled(error) &&
          error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'
        )
          return 'replayed';
        throw error;
      }
    },

    /** Records in [from, to), oldest first, read day partition by day partition. */
    async *listRange(from: Date, to: Date): AsyncGenerator<AuditRecord> {
      for (let day = startOfUtcDay(from); day < to.getTime(); day += dayMs) {
        let exclusiveStartKey: Record<string, unknown> | undefined;
        do {
          const page = await table
            .build(QueryCommand)
            .entities(entities.audit)
            .query({
              partition: `AUDIT#${new Date(day).toISOString().slice(0, 10)}`,
              range: { between: [from.toISOString(), `${to.toISOString()}`] },
            })
            .options({ ...(exclusiveStartKey ? { exclusiveStartKey } : {}) })
            .send();
          for (const item of page.Items ?? []) {
            const record = readAuditRecord(item.record);
            if (record.at < to.toISOString()) yield record;
          }
          exclusiveStartKey = page.LastEvaluatedKey;
        } while (exclusiveStartKey);
      }
    },

    async listByUser(userId: string, limit = 10): Promise<AuditRecord[]> {
      const { Items = [] } = await table
        .build(QueryCommand)
        .entities(entities.audit)
        .query({ index: 'gsi1', partition: `AUDIT#${userId}` })
        .options({ reverse: true, limit })
        .send();
      return Items.map((item) => readAuditRecord(item.record));
    },
  };
}
export type AuditStore = ReturnType<typeof createAuditStore>;

/** An audit record as stored: a day partition sorted by time, and the actor's gsi1 for App Home. */
export function toAuditItem(record: AuditRecord) {
  return {
    day: record.at.slice(0, 10),
    sortKey: `${record.at}#${record.id}`,
    gsi1pk: `AUDIT#${record.actor.userId}`,
    gsi1sk: record.at,
    record: writeRecord(record),
  };
}

function startOfUtcDay(date: Date): number {
  return Math.floor(date.getTime() / dayMs) * dayMs;
}
