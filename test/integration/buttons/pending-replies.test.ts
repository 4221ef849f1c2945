import { describe, expect, it } from 'vitest';
import { sweepPendingRepairs } from '../../../src/handlers/lifecycle/repair-sweep.ts';
import { createSilentLogger } from '../../../src/observability/logger.ts';
import type { StoredMessage } from '../../../src/sandbox/fake-slack-types.ts';
import { createSlackWebClient } from '../../../src/slack/slack-client.ts';
import { createSlackPoster } from '../../../src/slack/slack-poster.ts';
import { testTopicArn, useHarness } from '../../helpers/klaxon-harness.ts';
import { alice, clickButton, findElement, fireAlarmWithId, macieFinding, rootOf } from './slack-requests.ts';

const h = useHarness();

/** A sweeper as the Lambda worker runs it: the store and a Slack client of its own, without retries. */
function sweeper() {
  const webClient = createSlackWebClient({ token: 'xoxb-test-token', slackApiUrl: h.slack.url, retries: 0 });
  const deps = {
    alerts: h.store.alerts,
    slack: createSlackPoster(webClient),
    now: () => new Date(),
    logger: createSilentLogger(),
  };
  return () => sweepPendingRepairs(deps, 60_000);
}

/** Clicks while every try of the listener's client (one call and two retries) to post a reply fails. */
async function clickWhileRepliesFail(root: StoredMessage, actionId: string, ephemeralsBefore = 0) {
  h.slack.failNext('chat.postMessage', { status: 500 }, 3);
  await clickButton(h, root, actionId, alice);
  await h.slack.waitForCalls('chat.postEphemeral', ephemeralsBefore + 1);
}

const threadTexts = (title: string) => rootOf(h, title).replies.map((reply) => reply.text);

describe('A thread reply Slack does not take after a button saved its change', () => {
  it('is kept on the record, and the sweep posts it once in the thread', async () => {
    const { root, alertId } = await fireAlarmWithId(h, 'RepliesDown-CPU');

    await clickWhileRepliesFail(root, 'klaxon_ack');

    expect(h.slack.ephemerals()[0]!.text).toMatch(/^Saved\. Slack could not be updated yet/);
    const { record } = await h.store.alerts.loadAlert(alertId);
    expect(record).toMatchObject({
      acknowledged: { userId: alice.userId },
      rootStale: false,
      pendingReplies: [{ kind: 'acknowledged', by: { userId: alice.userId } }],
    });
    expect(JSON.stringify(rootOf(h, 'RepliesDown-CPU').blocks)).toContain('Acknowledged by');
    expect(rootOf(h, 'RepliesDown-CPU').replies).toHaveLength(0);

    const sweep = sweeper();
    expect(await sweep()).toMatchObject({ repliesPosted: 1 });
    expect(await sweep()).toMatchObject({ repliesPosted: 0 });

    expect(threadTexts('RepliesDown-CPU')).toEqual([expect.stringContaining('acknowledged this alert')]);
    const swept = (await h.store.alerts.loadAlert(alertId)).record;
    expect(swept?.pendingReplies).toBeUndefined();
    expect(swept?.replyInFlight).toBeUndefined();
  });

  it('stays pending while Slack is still down, and is posted by a later sweep', async () => {
    const { root, alertId } = await fireAlarmWithId(h, 'RepliesFlaky-CPU');
    await clickWhileRepliesFail(root, 'klaxon_ack');
    h.slack.failNext('chat.postMessage', { status: 500 }, 1);
    const sweep = sweeper();

    expect(await sweep()).toMatchObject({ repliesPosted: 0 });
    const { record } = await h.store.alerts.loadAlert(alertId);
    expect(record?.pendingReplies).toHaveLength(1);
    expect(record?.replyInFlight).toBeUndefined();

    expect(await sweep()).toMatchObject({ repliesPosted: 1 });
    expect(threadTexts('RepliesFlaky-CPU')).toHaveLength(1);
  });

  it('is posted exactly once by three concurrent sweeps, in order with a later reply queued behind it', async () => {
    const { root } = await fireAlarmWithId(h, 'RepliesRace-CPU');
    await clickWhileRepliesFail(root, 'klaxon_ack');
    // Slack is back, but the un-acknowledgement must not overtake the acknowledgement: it queues behind it.
    await clickButton(h, rootOf(h, 'RepliesRace-CPU'), 'klaxon_unack', alice);
    await h.slack.waitForCalls('chat.postEphemeral', 2);
    expect(rootOf(h, 'RepliesRace-CPU').replies).toHaveLength(0);

    const results = await Promise.all([sweeper()(), sweeper()(), sweeper()()]);

    expect(threadTexts('RepliesRace-CPU')).toEqual([
      expect.stringContaining('acknowledged this alert'),
      expect.stringContaining('removed the acknowledgement'),
    ]);
    // The server's own minute sweep could take a share; between them nobody posts a reply twice.
    expect(results.reduce((sum, r) => sum + r.repliesPosted, 0)).toBeLessThanOrEqual(2);
  });

  it('is found on a resolved alert, which leaves the repair index once it is posted', async () => {
    await h.postSns(h.signer.notification(testTopicArn, macieFinding('pending-reply-resolve')));
    const root = h.slack.messages('C0ALERTS')[0]!;
    const alertId = String(findElement(root, 'klaxon_resolve').value);

    await clickWhileRepliesFail(root, 'klaxon_resolve');

    expect((await h.store.alerts.loadAlert(alertId)).record).toMatchObject({
      status: 'resolved',
      pendingReplies: [{ kind: 'resolved' }],
    });
    const repairIds = async () => (await h.store.alerts.listResolvedAlertsToRepair()).map((r) => r.alertId);
    expect(await repairIds()).toContain(alertId);
    expect((await h.store.alerts.listOpenAlerts()).map((r) => r.alertId)).not.toContain(alertId);

    expect(await sweeper()()).toMatchObject({ repliesPosted: 1 });

    const thread = h.slack.messages('C0ALERTS')[0]!.replies.map((reply) => reply.text);
    expect(thread).toEqual([expect.stringContaining('resolved this alert')]);
    expect(await repairIds()).not.toContain(alertId);
  });
});
