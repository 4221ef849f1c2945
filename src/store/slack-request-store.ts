import { EntityRepository } from 'dynamodb-toolbox/entity/actions/repository';
import type { KlaxonEntities } from './entities.ts';

/**
 * Slack requests already handled, shared by every process and Lambda container through one conditional
 * put: the first claim of a key wins until it expires. Expiry is honoured by reading `expiresAt`, since
 * DynamoDB Local never deletes expired items and DynamoDB does so lazily.
 */
export function createSlackRequestStore(entities: KlaxonEntities) {
  const requests = entities.slackRequest.build(EntityRepository);
  return {
    /** True for the first claim of `requestKey`; false while an earlier claim has not expired. */
    async claimSlackRequest(requestKey: string, expiresAt: number, nowSeconds: number): Promise<boolean> {
      try {
        await requests.put(
          { requestKey, expiresAt },
          {
            condition: {
              or: [
                { attr: 'requestKey', exists: false },
                { attr: 'expiresAt', lt: nowSeconds },
              ],
            },
          },
        );
        return true;
      } catch (error) {
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
        return false;
      }
    },
  };
}
export type SlackRequestStore = ReturnType<typeof createSlackRequestStore>;
