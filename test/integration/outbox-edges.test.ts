import { describe, expect, it } from 'vitest';
import { drainAlert } from '../../src/core/outbox/drain-alert.ts';
import { alertIdOf } from '../../src/model/alert.ts';
import { testTopicArn, useHarness } from '../helpers/klaxon-harness.ts';
import { alarm } from './buttons/slack-requests.ts';

/** The outbox's less common paths, on DynamoDB Local and the fake Slack. */
const h = useHarness({}, { drainLeaseMs: 400 });
const idOf = (name: string) =>
  alertIdOf(`cloudwatch-alarm:arn:aws:cloudwatch:ap-northeast-2:257706363616:alarm:${name}`);

describe('the outbox', () => {
  it('answers SNS 200 when Slack refuses the channel: the sweep tries a bounded number of times (channel-refused.test.ts)', async () => {
    h.slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    const answer = await h.postSns(h.signer.notification(testTopicArn, alarm('Edge-Gone', 'ALARM')));
    expect(answer.status).toBe(200);
    const { record } = await h.store.alerts.loadAlert(idOf('Edge-Gone'));
    expect(record?.outbox).toMatchObject([{ step: { kind: 'post-root' } }]);
    expect(record?.channelRefusal).toEqual({ code: 'channel_not_found', attempts: 1 });
    expect(record?.ts).toBeUndefined();
  });

  it('keeps a step Slack refuses for now, marked suspect, and answers SNS 503 so it redelivers', async () => {
    h.slack.failNext('chat.postMessage', { status: 500 }, 3);
    const answer = await h.postSns(h.signer.notification(testTopicArn, alarm('Edge-Later', 'ALARM')));
    expect(answer.status).toBe(503);
    const { record, drain } = await h.store.alerts.loadAlert(idOf('Edge-Later'));
    expect(record?.outbox).toMatchObject([{ step: { kind: 'post-root' }, suspect: true }]);
    expect(drain).toBeUndefined();
  });

  it('lets only one of two concurrent drains run an alert’s steps', async () => {
    h.slack.failNext('chat.postMessage', { status: 500 }, 3);
    await h.postSns(h.signer.notification(testTopicArn, alarm('Edge-Race', 'ALARM')));
    const rt = h.klaxon.core.outbox;
    const results = await Promise.all(
      ['one', 'two'].map((owner) => drainAlert(rt, idOf('Edge-Race'), owner)),
    );
    expect(results.map((r) => r.outcome).sort()).toEqual(['busy', 'drained']);
    expect(h.slack.messages('C0ALERTS').filter((m) => m.text.includes('Edge-Race'))).toHaveLength(1);
  });
});
