import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import {
  execute as executeTransaction,
  isTransactionCancelled,
} from 'dynamodb-toolbox/entity/actions/transactWrite';
import { $add, $get } from 'dynamodb-toolbox/entity/actions/update';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { ActiveSilence, SilenceHit, SilenceHitWrite, SilenceRecord } from '../model/silence.ts';
import type { KlaxonEntities } from './entities.ts';
import { readActiveSilences, readSilenceRecord, writeRecord } from './record-schemas.ts';
import type { KlaxonTable } from './table.ts';

/** pk of the one item listing every active silence; also the gsi1 partition of active silences. */
export const silenceIndexId = 'SILENCES';
const endedPartition = 'SILENCES#ended';
/** gsi1 partition of ended silences whose summary Slack has not taken yet. */
const summaryPendingPartition = 'SILENCES#summary-pending';
/** gsi1 partition (by end) of maintenance window openings that held something back and are not yet summarised. */
const heldWindowPartition = 'SILENCES#window-held';
/** The item status of such an opening: its record says `active`; the sweep's recorded end replaces both. */
const heldWindowStatus = 'window-held';
/** The index is read with every notification: it stays small (an item may hold 400 KB). */
export const maxActiveSilences = 100;
const maxAttempts = 6;

export type EndResult = { ended: true; record: SilenceRecord } | { ended: false };

/**
 * Silences: each one its own item (listed by gsi1 `SILENCES` / end time while active), the active ones also
 * in one index item that the notification path reads in its BatchGetItem, and per alert what each held back.
 * Creating and ending write the silence and the index in one transaction; ending is conditional on the
 * silence still being active, so of several sweepers and clicks exactly one ends it (and summarises it).
 */
export function createSilenceStore(table: KlaxonTable, entities: KlaxonEntities) {
  const silences = entities.silence.build(EntityRepository);
  const index = entities.silenceIndex.build(EntityRepository);

  const readIndex = async () => {
    const { Item } = await index.get({ indexId: silenceIndexId }, { consistent: true });
    return { version: Item?.version ?? 0, active: Item ? readActiveSilences(Item.record) : [] };
  };
  const indexWrite = (version: number, active: ActiveSilence[]) =>
    index.transactPut(
      { indexId: silenceIndexId, version: version + 1, record: writeRecord(active) },
      { condition: version === 0 ? { attr: 'version', exists: false } : { attr: 'version', eq: version } },
    );

  const store = {
    /** Adds a silence; false when too many are active already. */
    async createSilence(record: SilenceRecord): Promise<boolean> {
      for (let attempt = 0; attempt < maxAttempts; attempt++) {
        const { version, active } = await readIndex();
        const live = active.filter((silence) => silence.endsAt > record.startsAt);
        if (live.length >= maxActiveSilences) return false;
        const entry = {
          silenceId: record.silenceId,
          matchers: record.matchers,
          endsAt: record.endsAt,
          reason: record.reason,
        };
        const put = silences.transactPut(toSilenceItem(record), {
          condition: { attr: 'silenceId', exists: false },
        });
        if (await transact(put, indexWrite(version, [...live, entry]))) return true;
      }
      throw new Error('the silence index changed under us too many times');
    },

    /** Ends an active silence; `{ ended: false }` when it was not active (someone else ended it first). */
    async endSilence(
      silenceId: string,
      endedAt: string,
      endedBy?: SilenceRecord['endedBy'],
    ): Promise<EndResult> {
      for (let attempt = 0; attempt < maxAttempts; attempt++) {
        const current = await store.getSilence(silenceId);
        if (current?.status !== 'active') return { ended: false };
        const { version, active } = await readIndex();
        const record: SilenceRecord = {
          ...current,
          status: 'ended',
          endedAt,
          ...(endedBy ? { endedBy } : {}),
          summaryPending: true,
        };
        const put = silences.transactPut(toSilenceItem(record), {
          condition: { attr: 'status', eq: 'active' },
        });
        const rest = active.filter((silence) => silence.silenceId !== silenceId);
        if (await transact(put, indexWrite(version, rest))) return { ended: true, record };
      }
      throw new Error('the silence index changed under us too many times');
    },

    /** Records a maintenance window's opening as ended, once: true only for the first caller. */
    async recordWindowEnded(record: SilenceRecord): Promise<boolean> {
      try {
        const pending = { ...record, summaryPending: true };
        await silences.put(toSilenceItem(pending), {
          condition: {
            or: [
              { attr: 'silenceId', exists: false },
              { attr: 'status', eq: heldWindowStatus },
            ],
          },
        });
        return true;
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') return false;
        throw error;
      }
    },

    /** The ended silence's summary is in Slack: no sweep posts it again. */
    async markSummaryPosted(record: SilenceRecord): Promise<void> {
      const { summaryPending: _pending, ...posted } = record;
      await silences.put(toSilenceItem(posted), { condition: { attr: 'status', eq: 'ended' } });
    },

    /** Window openings that held something back, ended before `endedBefore`, whose end no sweep recorded yet. */
    async listHeldWindowOpenings(endedBefore: string, limit = 50): Promise<SilenceRecord[]> {
      return querySilences(heldWindowPartition, { lt: endedBefore }, limit);
    },

    /** Ended silences whose summary Slack refused, ended before `endedBefore` (their first attempt is over). */
    async listPendingSummaries(endedBefore: string, limit = 50): Promise<SilenceRecord[]> {
      return querySilences(summaryPendingPartition, { lt: endedBefore }, limit);
    },

    /** Takes the retry of a pending summary for a while; false when another sweeper has it. */
    async claimSummary(silenceId: string, nowMs: number, untilMs: number): Promise<boolean> {
      try {
        await silences.update(
          { silenceId, claimUntil: untilMs },
          {
            condition: {
              and: [
                { attr: 'gsi1pk', eq: summaryPendingPartition },
                {
                  or: [
                    { attr: 'claimUntil', exists: false },
                    { attr: 'claimUntil', lt: nowMs },
                  ],
                },
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

    async getSilence(silenceId: string): Promise<SilenceRecord | undefined> {
      const { Item } = await silences.get({ silenceId }, { consistent: true });
      return Item ? readSilenceRecord(Item.record) : undefined;
    },

    /** Active silences, soonest end first (including any whose end passed but that the sweep has not ended yet). */
    async listActiveSilences(limit = 50): Promise<SilenceRecord[]> {
      return querySilences(silenceIndexId, undefined, limit);
    },

    /** Active silences whose end has passed: the sweep's work list. */
    async listExpiredSilences(now: Date, limit = 100): Promise<SilenceRecord[]> {
      return querySilences(silenceIndexId, { lt: now.toISOString() }, limit);
    },

    async listHits(silenceId: string, limit = 200): Promise<SilenceHit[]> {
      const { Items = [] } = await table
        .build(QueryCommand)
        .entities(entities.silenceHit)
        .query({ partition: `SILENCE#${silenceId}`, range: { beginsWith: 'HIT#' } })
        .options({ limit })
        .send();
      return Items.map((item) => ({ ...(JSON.parse(item.record) as SilenceHit), count: item.count }));
    },
  };

  /** Silences of one gsi1 partition (active, held window openings, pending summaries), by end time. */
  async function querySilences(partition: string, range: { lt: string } | undefined, limit: number) {
    const { Items = [] } = await table
      .build(QueryCommand)
      .entities(entities.silence)
      .query({ index: 'gsi1', partition, ...(range ? { range } : {}) })
      .options({ limit })
      .send();
    return Items.map((item) => readSilenceRecord(item.record));
  }

  return store;
}
export type SilenceStore = ReturnType<typeof createSilenceStore>;

function toSilenceItem(record: SilenceRecord) {
  const active = record.status === 'active';
  return {
    silenceId: record.silenceId,
    status: record.status,
    gsi1pk: active ? silenceIndexId : record.summaryPending ? summaryPendingPartition : endedPartition,
    gsi1sk: active ? record.endsAt : (record.endedAt ?? record.endsAt),
    record: writeRecord(record),
  };
}

/**
 * The hit counter's write, made part of the alert's commit (alert-commit.ts); for a maintenance window also
 * its opening's record, left in the store by the first notification the opening holds back (each attribute
 * only where none is yet, so later hits and the recorded end change nothing): a sweep finds it there however
 * long after the end it runs.
 */
export function silenceHitWrites(entities: KlaxonEntities, write: SilenceHitWrite) {
  const { windowOpening, ...hit } = write;
  const { silenceId, alertId } = hit;
  // A recovery the silence let through is not counted as held back; it only says the alert stopped firing.
  const count = $add(hit.lastFiring ? 1 : 0);
  const hitWrite = entities.silenceHit
    .build(EntityRepository)
    .transactUpdate({ silenceId, alertId, count, record: writeRecord(hit) });
  if (!windowOpening) return [hitWrite];
  const openingWrite = entities.silence.build(EntityRepository).transactUpdate({
    silenceId,
    status: $get('status', heldWindowStatus),
    gsi1pk: $get('gsi1pk', heldWindowPartition),
    gsi1sk: $get('gsi1sk', windowOpening.endsAt),
    record: $get('record', writeRecord(windowOpening)),
  });
  return [hitWrite, openingWrite];
}

async function transact(...writes: Parameters<typeof executeTransaction>): Promise<boolean> {
  try {
    await executeTransaction(...writes);
    return true;
  } catch (error) {
    if (isTransactionCancelled(error)) return false;
    throw error;
  }
}
