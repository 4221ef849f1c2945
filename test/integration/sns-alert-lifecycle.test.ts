import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertIdOf } from '../../src/model/alert.ts';
import { type Harness, startHarness, testTopicArn } from '../helpers/klaxon-harness.ts';
import { alarm } from './buttons/slack-requests.ts';

const fixture = (path: string) => JSON.parse(readFileSync(`test/fixtures/${path}`, 'utf8'));

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('SNS notifications through the real server', () => {
  it('posts one root message for a new alarm, threads repeats, and resolves the root on OK', async () => {
    h.slack.reset();
    const fired = await h.postSns(h.signer.notification(testTopicArn, alarm('Lifecycle-CPU', 'ALARM')));
    expect(fired).toMatchObject({ status: 200, body: { outcome: 'new-alert' } });
    const insufficient = await h.postSns(
      h.signer.notification(testTopicArn, alarm('Lifecycle-CPU', 'INSUFFICIENT_DATA')),
    );
    expect(insufficient.body.outcome).toBe('state-changed');
    const back = await h.postSns(h.signer.notification(testTopicArn, alarm('Lifecycle-CPU', 'ALARM')));
    expect(back.body.outcome).toBe('state-changed');
    const ok = await h.postSns(h.signer.notification(testTopicArn, alarm('Lifecycle-CPU', 'OK')));
    expect(ok).toMatchObject({ status: 200, body: { outcome: 'recovered' } });

    const [root, ...others] = h.slack.messages('C0ALERTS').filter((m) => m.subtype !== 'thread_broadcast');
    expect(others).toHaveLength(0);
    expect(root!.replies).toHaveLength(3);
    expect(JSON.stringify(root!.blocks)).toMatch(/resolved/i);
    const { record } = await h.store.alerts.loadAlert(
      alertIdOf('cloudwatch-alarm:arn:aws:cloudwatch:ap-northeast-2:257706363616:alarm:Lifecycle-CPU'),
    );
    expect(record).toMatchObject({ status: 'resolved', ts: root!.ts, timesFired: 3 });
  });

  it('posts a duplicate delivery once', async () => {
    h.slack.reset();
    const message = h.signer.notification(testTopicArn, alarm('Dup-CPU', 'ALARM'));
    const first = await h.postSns(message);
    const second = await h.postSns(message);
    expect(first.status).toBe(200);
    expect(second).toMatchObject({ status: 200, body: { outcome: 'duplicate' } });
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('makes one root message when notifications for a new alert arrive together', async () => {
    h.slack.reset();
    const glue = fixture('eventbridge/glue-job-failed.json');
    const runs = ['jr_a', 'jr_b', 'jr_c'].map((jobRunId) => ({
      ...glue,
      detail: { ...glue.detail, jobName: 'ConcurrentJob', jobRunId },
    }));
    const results = await Promise.all(runs.map((run) => h.postSns(h.signer.notification(testTopicArn, run))));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const roots = h.slack.messages('C0ALERTS').filter((m) => m.subtype !== 'thread_broadcast');
    expect(roots).toHaveLength(1);
    expect(roots[0]!.replies).toHaveLength(2);
  });

  it('delivers once when Slack answers 429 and then 200', async () => {
    h.slack.reset();
    h.slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    const result = await h.postSns(h.signer.notification(testTopicArn, alarm('RateLimited-CPU', 'ALARM')));
    expect(result.status).toBe(200);
    expect(h.slack.messages('C0ALERTS')).toHaveLength(1);
  });

  it('answers 5xx while Slack fails and posts exactly once on redelivery', async () => {
    h.slack.reset();
    h.slack.failNext('chat.postMessage', { status: 500 }, 3);
    const message = h.signer.notification(testTopicArn, alarm('SlackDown-CPU', 'ALARM'));
    const first = await h.postSns(message);
    expect(first.status).toBe(503);
    expect(h.slack.messages('C0ALERTS')).toHaveLength(0);
    const redelivery = await h.postSns(message);
    expect(redelivery).toMatchObject({ status: 200, body: { outcome: 'resumed' } });
    const again = await h.postSns(message);
    expect(again.body.outcome).toBe('duplicate');
    expect(h.slack.messages('C0ALERTS')).toHaveLength(1);
  });

  it('reopens the same message when an alarm flaps back within the reopen window', async () => {
    h.slack.reset();
    for (const state of ['ALARM', 'OK', 'ALARM'] as const) {
      await h.postSns(h.signer.notification(testTopicArn, alarm('Flappy-CPU', state)));
    }
    const roots = h.slack.messages('C0ALERTS').filter((m) => m.subtype !== 'thread_broadcast');
    expect(roots).toHaveLength(1);
    expect(roots[0]!.replies).toHaveLength(2);
    expect(h.slack.callsTo('chat.update').length).toBeGreaterThanOrEqual(2);
  });

  it('coalesces identical repeats: recorded, answered without Slack, root refreshed later', async () => {
    h.slack.reset();
    // Same StateChangeTime: re-sent copies of one state change, the shape of an alarm storm.
    const sameOccurrence = alarm('Storm-CPU', 'ALARM');
    await h.postSns(h.signer.notification(testTopicArn, sameOccurrence));
    for (let i = 0; i < 5; i++) {
      const repeat = await h.postSns(h.signer.notification(testTopicArn, sameOccurrence));
      expect(repeat.body.outcome).toBe('coalesced');
    }
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
    const events = await h.store.alerts.listAlertEvents(
      alertIdOf(`cloudwatch-alarm:${sameOccurrence.AlarmArn}`),
    );
    expect(events).toHaveLength(6);
  });

  it('turns an unknown message into a readable generic alert', async () => {
    h.slack.reset();
    const result = await h.postSns(
      h.signer.notification(testTopicArn, 'Disk almost full on db-1', { subject: 'Ops notice' }),
    );
    expect(result.status).toBe(200);
    expect(JSON.stringify(h.slack.messages('C0ALERTS')[0]!.blocks)).toContain('Disk almost full on db-1');
  });

  it('keeps a JSON payload nobody parses out of the message: its fields in the root, the payload in the thread', async () => {
    h.slack.reset();
    const payload = { title: 'Export failed', status: 'FAILED', region: 'eu-west-1', rows: [1, 2, 3] };
    const result = await h.postSns(h.signer.notification(testTopicArn, JSON.stringify(payload)));
    expect(result).toMatchObject({ status: 200, body: { outcome: 'new-alert' } });
    const [root] = h.slack.messages('C0ALERTS');
    expect(root!.text).toContain('Export failed');
    expect(JSON.stringify(root!.blocks)).toContain('Status: FAILED');
    expect(JSON.stringify(root!.blocks)).not.toContain('"rows"');
    expect(root!.replies).toHaveLength(1);
    expect(root!.replies[0]!.text).toContain('The notification as it arrived');
    expect(JSON.stringify(root!.replies[0]!.blocks)).toContain('\\"rows\\"');
  });
});
