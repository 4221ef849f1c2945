import { describe, expect, it } from 'vitest';
import { pollWithDeadline } from '../../src/util/poll-with-deadline.ts';
import { testTopicArn, useHarness } from '../helpers/klaxon-harness.ts';
import { alarm, chooseMute, fireAlarmWithId, waitForOutboxesIdle } from './buttons/slack-requests.ts';

const h = useHarness();

interface Key {
  pk: string;
  sk: string;
}

let installed = 0;

/**
 * DynamoDB answers a throttled BatchGetItem with 200 and the keys it did not read under UnprocessedKeys. While
 * `throttled` holds, this answers the keys `unread` picks that way (the rest from DynamoDB Local), at the
 * document client, and counts the reads it spoilt.
 */
function throttleBatchReads(unread: (key: Key) => boolean) {
  const switchboard = { throttled: false, spoiltReads: 0 };
  installed++;
  h.store.documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      if (!switchboard.throttled || context.commandName !== 'BatchGetItemCommand') return next(args);
      const requested = (args.input as { RequestItems: Record<string, { Keys: Key[] }> }).RequestItems;
      const table = Object.keys(requested)[0]!;
      const keys = requested[table]!.Keys;
      const left = keys.filter(unread);
      const read = keys.filter((key) => !unread(key));
      switchboard.spoiltReads++;
      const answered = read.length
        ? ((
            await next({ ...args, input: { RequestItems: { [table]: { ...requested[table], Keys: read } } } })
          ).output as { Responses?: Record<string, unknown[]> })
        : { Responses: { [table]: [] } };
      return {
        response: { statusCode: 200 },
        output: {
          $metadata: { httpStatusCode: 200 },
          Responses: answered.Responses ?? { [table]: [] },
          UnprocessedKeys: { [table]: { Keys: left, ConsistentRead: true } },
        },
      } as never;
    },
    { step: 'initialize', priority: 'high', name: `throttleBatchReads${installed}` },
  );
  return switchboard;
}

describe('a notification whose read DynamoDB keeps throttling', () => {
  it('is answered 503 with nothing decided or posted, and its redelivery posts once', async () => {
    const dynamo = throttleBatchReads(() => true);
    const message = h.signer.notification(testTopicArn, alarm('Throttled-Read', 'ALARM'));
    const before = h.storeCalls().length;
    dynamo.throttled = true;
    const refused = await h.postSns(message);
    dynamo.throttled = false;

    expect(refused.status).toBe(503);
    // Five calls, each refused; nothing reached the store past them (the harness counts calls that got through).
    expect(dynamo.spoiltReads).toBe(5);
    expect(h.storeCalls().slice(before)).toEqual([]);
    expect(JSON.stringify(h.slack.messages('C0ALERTS'))).not.toContain('Throttled-Read');

    expect(await h.postSns(message)).toMatchObject({ status: 200, body: { outcome: 'new-alert' } });
    expect(await h.postSns(message)).toMatchObject({ status: 200, body: { outcome: 'duplicate' } });
    const posts = h.slack.messages('C0ALERTS').filter((m) => JSON.stringify(m).includes('Throttled-Read'));
    expect(posts).toHaveLength(1);
  });

  it('never takes a mute it could not read for no mute', async () => {
    const { root, alertId } = await fireAlarmWithId(h, 'Throttled-Mute');
    expect((await chooseMute(h, root, '1 hour')).status).toBe(200);
    // Slack has its answer before the click is committed: wait for the mute itself, then for its Slack steps.
    const muted = await pollWithDeadline(
      () => h.store.alerts.loadAlert(alertId),
      (loaded): loaded is typeof loaded => loaded.mute !== undefined,
      { timeoutMs: 8_000, intervalMs: 20 },
    );
    expect(muted?.mute).toBeDefined();
    await waitForOutboxesIdle(h);
    const dynamo = throttleBatchReads((key) => key.sk === '#MUTE');
    const slackCalls = h.slack.calls.length;
    const before = h.storeCalls().length;

    dynamo.throttled = true;
    const again = new Date(Date.now() + 60_000);
    const recovery = h.signer.notification(testTopicArn, alarm('Throttled-Mute', 'OK', again));
    const refused = await h.postSns(recovery);
    dynamo.throttled = false;

    // Read without its mute, the recovery would have been decided and told in Slack as if nobody had muted it.
    expect(refused.status).toBe(503);
    expect(dynamo.spoiltReads).toBe(5);
    expect(
      h
        .storeCalls()
        .slice(before)
        .filter((name) => name !== 'BatchGetItemCommand'),
    ).toEqual([]);
    expect(h.slack.calls.length).toBe(slackCalls);
    // Redelivered once DynamoDB reads again: held back by the mute, as it should have been.
    expect(await h.postSns(recovery)).toMatchObject({ status: 200, body: { outcome: 'muted' } });
    await waitForOutboxesIdle(h);
    expect(h.slack.calls.length).toBe(slackCalls);
  });
});
