import { describe, expect, it } from 'vitest';
import { alertIdOf } from '../../src/model/alert.ts';
import { pollWithDeadline } from '../../src/util/poll-with-deadline.ts';
import { type Harness, testTopicArn, useHarness } from '../helpers/klaxon-harness.ts';
import { alarm, clickButton } from './buttons/slack-requests.ts';

/**
 * A process killed between the Slack call and the record of it: simulated by failing the drain's
 * completion write once (the post is in Slack, the outbox still holds the step, the lease is never
 * released). Whoever drains next — SNS's redelivery or the sweep — must find the tagged post, not post again.
 */
const h = useHarness({}, { drainLeaseMs: 400 });

function killNextCompletion(harness: Harness): void {
  const alerts = harness.store.alerts;
  const original = alerts.completeDrain;
  alerts.completeDrain = async () => {
    alerts.completeDrain = original;
    throw new Error('process killed before recording the Slack call');
  };
}

const alertIdOfAlarm = (name: string) =>
  alertIdOf(`cloudwatch-alarm:arn:aws:cloudwatch:ap-northeast-2:257706363616:alarm:${name}`);

async function outboxDrained(alertId: string) {
  return pollWithDeadline(
    async () => (await h.store.alerts.loadAlert(alertId)).record,
    (record): record is NonNullable<typeof record> => record !== undefined && record.outbox.length === 0,
    { timeoutMs: 15_000, intervalMs: 50 },
  );
}

describe('a drain killed between the Slack call and its record', () => {
  it('does not post a second root when SNS redelivers', async () => {
    const message = h.signer.notification(testTopicArn, alarm('Crash-Root', 'ALARM'));
    killNextCompletion(h);
    const first = await h.postSns(message);
    expect(first.status).toBe(503);
    expect(h.slack.messages('C0ALERTS')).toHaveLength(1);

    const redelivery = await h.postSns(message);
    expect(redelivery.status).toBe(200);
    const record = await outboxDrained(alertIdOfAlarm('Crash-Root'));
    const roots = h.slack.messages('C0ALERTS');
    expect(roots).toHaveLength(1);
    expect(record?.ts).toBe(roots[0]!.ts);
    expect(h.slack.callsTo('conversations.history').length).toBeGreaterThan(0);
  });

  it('does not post a thread reply twice when the sweep finishes the work', async () => {
    await h.postSns(h.signer.notification(testTopicArn, alarm('Crash-Reply', 'ALARM')));
    killNextCompletion(h);
    const changed = await h.postSns(h.signer.notification(testTopicArn, alarm('Crash-Reply', 'OK')));
    expect(changed.status).toBe(503);

    const alertId = alertIdOfAlarm('Crash-Reply');
    await pollWithDeadline(
      async () => (await h.klaxon.core.sweep()).outboxesDrained,
      (drained): drained is number => drained > 0,
      { timeoutMs: 15_000, intervalMs: 100 },
    );
    const record = await outboxDrained(alertId);
    const root = h.slack.messages('C0ALERTS').find((m) => m.ts === record?.ts)!;
    expect(root.replies).toHaveLength(1);
    expect(JSON.stringify(root.blocks)).toMatch(/resolved/i);
  });

  it('leaves one reply and one audit record for a click whose drain died', async () => {
    await h.postSns(h.signer.notification(testTopicArn, alarm('Crash-Click', 'ALARM')));
    const alertId = alertIdOfAlarm('Crash-Click');
    const root = h.slack.messages('C0ALERTS').find((m) => JSON.stringify(m.blocks).includes('Crash-Click'))!;
    killNextCompletion(h);
    const who = { userId: 'U0CRASH', userName: 'crash' };
    await clickButton(h, root, 'klaxon_ack', who);
    await pollWithDeadline(
      async () => (await h.store.audit.listByUser(who.userId)).length,
      (n): n is number => n >= 1,
      { timeoutMs: 10_000, intervalMs: 50 },
    );
    await pollWithDeadline(
      async () => {
        await h.klaxon.core.sweep();
        return (await h.store.alerts.loadAlert(alertId)).record?.outbox.length ?? -1;
      },
      (n): n is number => n === 0,
      { timeoutMs: 15_000, intervalMs: 100 },
    );
    const after = h.slack.messages('C0ALERTS').find((m) => m.ts === root.ts)!;
    expect(after.replies.filter((r) => /acknowledged/i.test(r.text))).toHaveLength(1);
    expect(await h.store.audit.listByUser(who.userId)).toHaveLength(1);
    expect((await h.store.alerts.loadAlert(alertId)).record?.acknowledged?.userId).toBe(who.userId);
  });
});
