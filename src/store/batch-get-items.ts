import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface ItemKey {
  pk: string;
  sk: string;
}

/** Calls in all, the first included, before keys DynamoDB keeps leaving unprocessed are an error. */
const maxAttempts = 5;
const firstBackoffMs = 20;

/**
 * Reads items by key in one consistent BatchGetItem; answers in the order of `keys`, undefined where none is
 * stored. DynamoDB may leave keys unprocessed (throttled): they are asked again with a growing pause, and
 * still missing after five calls they throw. Read as "not stored", a missing alert or delivery record would
 * be decided on as new.
 */
export async function batchGetItems(
  client: Pick<DynamoDBDocumentClient, 'send'>,
  tableName: string,
  keys: readonly ItemKey[],
  pause: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<Array<Record<string, unknown> | undefined>> {
  const found = new Map<string, Record<string, unknown>>();
  let pending: readonly ItemKey[] = keys;
  for (let attempt = 1; ; attempt++) {
    const { Responses, UnprocessedKeys } = await client.send(
      new BatchGetCommand({ RequestItems: { [tableName]: { Keys: [...pending], ConsistentRead: true } } }),
    );
    for (const item of Responses?.[tableName] ?? []) found.set(keyText(item as ItemKey), item);
    const left = (UnprocessedKeys?.[tableName]?.Keys ?? []) as ItemKey[];
    if (left.length === 0) break;
    if (attempt >= maxAttempts) {
      throw new Error(
        `DynamoDB left ${left.length} of ${keys.length} keys unprocessed after ${attempt} calls`,
      );
    }
    await pause(firstBackoffMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2));
    pending = left;
  }
  return keys.map((key) => found.get(keyText(key)));
}

const keyText = ({ pk, sk }: ItemKey) => `${pk}\n${sk}`;
