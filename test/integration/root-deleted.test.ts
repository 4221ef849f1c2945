import { describe, expect, it } from 'vitest';
import { alertIdOf } from '../../src/model/alert.ts';
import { createSlackWebClient } from '../../src/slack/slack-client.ts';
import { testTopicArn, useHarness } from '../helpers/klaxon-harness.ts';
import { alarm } from './buttons/slack-requests.ts';

/**
 * Someone deleted the alert's root message (or Slack lost it, as a restarted sandbox's stand-in does): the
 * next change posts the root again, as it is now, and its reply goes into the new thread. Nothing is dropped.
 */
const h = useHarness();
const alertId = alertIdOf(
  'cloudwatch-alarm:arn:aws:cloudwatch:ap-northeast-2:257706363616:alarm:Deleted-Root',
);

describe('a deleted root message', () => {
  it('is posted again with the next change, which replies in the new thread', async () => {
    await h.postSns(h.signer.notification(testTopicArn, alarm('Deleted-Root', 'ALARM')));
    const [first] = h.slack.messages('C0ALERTS');
    const slack = createSlackWebClient({ token: 'xoxb-test-token', slackApiUrl: h.slack.url });
    await slack.chat.delete({ channel: 'C0ALERTS', ts: first!.ts });
    expect(h.slack.messages('C0ALERTS')).toHaveLength(0);

    const recovered = await h.postSns(h.signer.notification(testTopicArn, alarm('Deleted-Root', 'OK')));
    expect(recovered).toMatchObject({ status: 200, body: { outcome: 'recovered' } });
    const [root, ...others] = h.slack.messages('C0ALERTS');
    expect(others).toHaveLength(0);
    expect(root!.ts).not.toBe(first!.ts);
    expect(JSON.stringify(root!.blocks)).toMatch(/resolved/i);
    expect(root!.replies).toHaveLength(1);
    expect((await h.store.alerts.loadAlert(alertId)).record?.ts).toBe(root!.ts);
  });
});
