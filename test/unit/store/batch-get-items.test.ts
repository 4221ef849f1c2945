import type { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { batchGetItems, type ItemKey } from '../../../src/store/batch-get-items.ts';

const table = 'klaxon';
const key = (n: number): ItemKey => ({ pk: `ALERT#${n}`, sk: '#STATE' });
const item = (n: number) => ({ ...key(n), version: n });

/** A client answering BatchGetItem from `answers`, one per call, shaped as DynamoDB answers it. */
function clientAnswering(answers: Array<{ found: number[]; unprocessed: number[] }>) {
  const asked: ItemKey[][] = [];
  return {
    asked,
    send: async (command: BatchGetCommand) => {
      const request = command.input.RequestItems?.[table];
      expect(request?.ConsistentRead).toBe(true);
      asked.push(request?.Keys as ItemKey[]);
      const answer = answers.shift();
      if (!answer) throw new Error('asked once too often');
      return {
        Responses: { [table]: answer.found.map(item) },
        UnprocessedKeys: answer.unprocessed.length
          ? { [table]: { Keys: answer.unprocessed.map(key), ConsistentRead: true } }
          : {},
      };
    },
  };
}

describe('reading items by key in one batch', () => {
  it('answers in the order of the keys, undefined where nothing is stored, whatever order DynamoDB answers in', async () => {
    const client = clientAnswering([{ found: [3, 1], unprocessed: [] }]);
    const items = await batchGetItems(client as never, table, [key(1), key(2), key(3)]);
    expect(items).toEqual([item(1), undefined, item(3)]);
  });

  it('asks again for the keys DynamoDB left unprocessed, pausing longer each time', async () => {
    const client = clientAnswering([
      { found: [1], unprocessed: [2, 3] },
      { found: [], unprocessed: [2, 3] },
      { found: [2, 3], unprocessed: [] },
    ]);
    const pauses: number[] = [];
    const items = await batchGetItems(client as never, table, [key(1), key(2), key(3)], async (ms) => {
      pauses.push(ms);
    });
    expect(items).toEqual([item(1), item(2), item(3)]);
    expect(client.asked).toEqual([
      [key(1), key(2), key(3)],
      [key(2), key(3)],
      [key(2), key(3)],
    ]);
    expect(pauses).toHaveLength(2);
    // Jittered within the upper half of 20 ms, then of 40 ms.
    expect(pauses[0]).toBeGreaterThanOrEqual(10);
    expect(pauses[0]).toBeLessThanOrEqual(20);
    expect(pauses[1]).toBeGreaterThanOrEqual(20);
    expect(pauses[1]).toBeLessThanOrEqual(40);
  });

  it('fails rather than read keys still unprocessed after five calls as not stored', async () => {
    const client = clientAnswering(Array.from({ length: 5 }, () => ({ found: [], unprocessed: [1] })));
    await expect(batchGetItems(client as never, table, [key(1)], async () => {})).rejects.toThrow(
      'DynamoDB left 1 of 1 keys unprocessed after 5 calls',
    );
    expect(client.asked).toHaveLength(5);
  });
});
