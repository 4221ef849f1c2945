import { describe, expect, it } from 'vitest';
import { alertIdOf } from '../../src/model/alert.ts';
import { testTopicArn, useHarness } from '../helpers/klaxon-harness.ts';
import { collectLogLines } from '../helpers/log-lines.ts';
import { alarm } from './buttons/slack-requests.ts';

const { destination: logDestination, lines } = collectLogLines();
/** The periodic sweep is run by hand here (`h.klaxon.core.sweep()`), as the worker's schedule would. */
const h = useHarness({ operatorChannel: 'C0OPS' }, { logDestination });
const idOf = (name: string) =>
  alertIdOf(`cloudwatch-alarm:arn:aws:cloudwatch:ap-northeast-2:257706363616:alarm:${name}`);
const posted = (channel: string, name: string) =>
  h.slack.messages(channel).filter((m) => m.text.includes(name));

describe('a channel Slack refuses (missing, archived, Klaxon not in it)', () => {
  it('is tried 3 times, then named once in the log and the operator channel, with a record on the alert', async () => {
    // Prepare: the channel is gone for the next three posts.
    h.slack.failNext('chat.postMessage', { error: 'channel_not_found' }, 3);
    // Act: the delivery is the first attempt, two sweeps the others.
    const answer = await h.postSns(h.signer.notification(testTopicArn, alarm('Gone-Channel', 'ALARM')));
    const first = await h.store.alerts.loadAlert(idOf('Gone-Channel'));
    await h.klaxon.core.sweep();
    await h.klaxon.core.sweep();
    const last = await h.store.alerts.loadAlert(idOf('Gone-Channel'));
    const callsBefore = h.slack.callsTo('chat.postMessage').length;
    await h.klaxon.core.sweep();
    // Assess
    expect(answer.status).toBe(200);
    expect(first.record?.outbox).toHaveLength(1);
    expect(first.record?.channelRefusal).toMatchObject({ code: 'channel_not_found', attempts: 1 });
    expect(last.record?.outbox).toEqual([]);
    expect(last.record?.channelRefusal).toMatchObject({ code: 'channel_not_found', attempts: 3 });
    expect(last.record?.channelRefusal?.gaveUpAt).toEqual(expect.any(Number));
    expect(h.slack.callsTo('chat.postMessage').length).toBe(callsBefore);
    const named = lines.filter((line) => line.outcome === 'channel-refused');
    expect(named).toHaveLength(1);
    expect(named[0]).toMatchObject({
      channel: 'C0ALERTS',
      code: 'channel_not_found',
      alertId: idOf('Gone-Channel'),
    });
    expect(String(named[0]?.msg)).toMatch(/C0ALERTS.*invite Klaxon|route/);
    const notices = h.slack.messages('C0OPS');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.text).toMatch(/C0ALERTS/);
    expect(notices[0]?.text).toMatch(/Gone-Channel/);
  });

  it('does not hold back a newer alert once the channel works again', async () => {
    h.slack.failNext('chat.postMessage', { error: 'not_in_channel' }, 1);
    await h.postSns(h.signer.notification(testTopicArn, alarm('Not-In-Channel', 'ALARM')));
    await h.postSns(h.signer.notification(testTopicArn, alarm('Newer-Alert', 'ALARM')));
    expect(posted('C0ALERTS', 'Newer-Alert')).toHaveLength(1);
    await h.klaxon.core.sweep();
    expect(posted('C0ALERTS', 'Not-In-Channel')).toHaveLength(1);
    expect((await h.store.alerts.loadAlert(idOf('Not-In-Channel'))).record?.channelRefusal).toBeUndefined();
  });
});
