import type { Condition } from 'dynamodb-toolbox/entity/actions/parseCondition';
import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import type { ReplayClaim } from '../model/replay-claim.ts';
import type { KlaxonEntities } from './entities.ts';

/**
 * Slack requests already handled, shared by every process and Lambda container through one conditional
 * put: the first claim of a key wins until it expires. Expiry is honoured by reading `expiresAt`, since
 * DynamoDB Local never deletes expired items and DynamoDB does so lazily.
 */
export function createSlackRequestStore(entities: KlaxonEntities) {
  const requests = entities.slackRequest.build(EntityRepository);
  return {
    /** True for the first claim of its key; false while an earlier claim has not expired. */
    async claimSlackRequest(claim: ReplayClaim): Promise<boolean> {
      try {
        await requests.put(replayClaimItem(claim), { condition: unclaimedCondition(claim) });
        return true;
      } catch (error) {
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
        return false;
      }
    },
  };
}
export type SlackRequestStore = ReturnType<typeof createSlackRequestStore>;

/** The same claim as a transaction's item: it fails the transaction when the request was handled already. */
export function replayClaimTransactPut(entities: KlaxonEntities, claim: ReplayClaim) {
  return entities.slackRequest
    .build(EntityRepository)
    .transactPut(replayClaimItem(claim), { condition: unclaimedCondition(claim) });
}

function replayClaimItem(claim: ReplayClaim) {
  return { requestKey: claim.key, expiresAt: claim.expiresAt };
}

function unclaimedCondition(claim: ReplayClaim): Condition<KlaxonEntities['slackRequest']> {
  return {
    or: [
      { attr: 'requestKey', exists: false },
      { attr: 'expiresAt', lt: claim.nowSeconds },
    ],
  };
}
