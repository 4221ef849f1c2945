import { describe, expect, it } from 'vitest';
import { testTopicArn, useHarness } from '../helpers/klaxon-harness.ts';
import { alarm, waitForOutboxesIdle } from './buttons/slack-requests.ts';

/** The DynamoDB round trips each kind of work costs (issue: one outbox, one context, fewer round trips). */
const h = useHarness();

async function callsOf(work: () => Promise<unknown>): Promise<string[]> {
  await waitForOutboxesIdle(h);
  const before = h.storeCalls().length;
  await work();
  return h.storeCalls().slice(before);
}

describe('store calls per notification and per click', () => {
  it('a new alert: one read, one transaction, one completion', async () => {
    const calls = await callsOf(() =>
      h.postSns(h.signer.notification(testTopicArn, alarm('Trips-New', 'ALARM'))),
    );
    expect(calls).toEqual(['BatchGetItemCommand', 'TransactWriteItemsCommand', 'PutItemCommand']);
  });

  it('an identical repeat: one read, one transaction (its root update waits for the interval)', async () => {
    const at = new Date();
    await h.postSns(h.signer.notification(testTopicArn, alarm('Trips-Repeat', 'ALARM', at)));
    const calls = await callsOf(() =>
      h.postSns(h.signer.notification(testTopicArn, alarm('Trips-Repeat', 'ALARM', at))),
    );
    expect(calls).toEqual(['BatchGetItemCommand', 'TransactWriteItemsCommand']);
  });

  it('a duplicate delivery: one read', async () => {
    const message = h.signer.notification(testTopicArn, alarm('Trips-Dup', 'ALARM'));
    await h.postSns(message);
    const calls = await callsOf(() => h.postSns(message));
    expect(calls).toEqual(['BatchGetItemCommand']);
  });

  it('a state change: one read, one transaction, one completion', async () => {
    await h.postSns(h.signer.notification(testTopicArn, alarm('Trips-Change', 'ALARM')));
    const calls = await callsOf(() =>
      h.postSns(h.signer.notification(testTopicArn, alarm('Trips-Change', 'OK'))),
    );
    expect(calls).toEqual(['BatchGetItemCommand', 'TransactWriteItemsCommand', 'PutItemCommand']);
  });
});
