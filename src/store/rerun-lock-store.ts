import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import type { RerunLockRecord } from '../model/records.ts';
import type { KlaxonEntities } from './entities.ts';
import { readRerunLockRecord, writeRecord } from './record-schemas.ts';

/** A failed run is rerun at most once; the lock outlives any sensible retry of the same alert. */
const lockTtlSeconds = 90 * 24 * 3600;

export type ClaimRerunResult = { claimed: true } | { claimed: false; holder?: RerunLockRecord };

/**
 * One rerun per failed Glue run (`RERUN#<jobName>#<jobRunId>`): the first conditional put wins, whoever
 * clicks and however often; a Glue failure releases the lock so that a later click may try again.
 */
export function createRerunLockStore(entities: KlaxonEntities) {
  const locks = entities.rerunLock.build(EntityRepository);
  const lockIdOf = (jobName: string, jobRunId: string) => `${jobName}#${jobRunId}`;

  return {
    async claimRerun(lock: RerunLockRecord): Promise<ClaimRerunResult> {
      const lockId = lockIdOf(lock.jobName, lock.jobRunId);
      try {
        await locks.put(
          {
            lockId,
            expiresAt: Math.floor(Date.parse(lock.at) / 1000) + lockTtlSeconds,
            record: writeRecord(lock),
          },
          { condition: { attr: 'lockId', exists: false } },
        );
        return { claimed: true };
      } catch (error) {
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
        const { Item } = await locks.get({ lockId }, { consistent: true });
        return { claimed: false, ...(Item ? { holder: readRerunLockRecord(Item.record) } : {}) };
      }
    },

    /** Records the run the lock produced, so later clicks can say which run it was. */
    async completeRerun(lock: RerunLockRecord & { newJobRunId: string }): Promise<void> {
      await locks.put({
        lockId: lockIdOf(lock.jobName, lock.jobRunId),
        expiresAt: Math.floor(Date.parse(lock.at) / 1000) + lockTtlSeconds,
        record: writeRecord(lock),
      });
    },

    /** The lock as it stands now (consistent read): held, held with its new run, or gone (undefined). */
    async readRerun(jobName: string, jobRunId: string): Promise<RerunLockRecord | undefined> {
      const { Item } = await locks.get({ lockId: lockIdOf(jobName, jobRunId) }, { consistent: true });
      return Item ? readRerunLockRecord(Item.record) : undefined;
    },

    async releaseRerun(jobName: string, jobRunId: string): Promise<void> {
      await locks.delete({ lockId: lockIdOf(jobName, jobRunId) });
    },
  };
}
export type RerunLockStore = ReturnType<typeof createRerunLockStore>;
