import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollWithDeadline } from '../../src/util/poll-with-deadline.ts';
import { type Harness, startHarness, testTopicArn } from '../helpers/klaxon-harness.ts';
import { collectLogLines } from '../helpers/log-lines.ts';

const { destination, lines } = collectLogLines();
let h: Harness;
beforeAll(async () => {
  h = await startHarness({}, { logDestination: destination });
});
afterAll(async () => {
  await h.close();
});

function unsubscribeConfirmation(topicArn: string) {
  return h.signer.sign({
    Type: 'UnsubscribeConfirmation',
    Subject: undefined,
    UnsubscribeURL: undefined,
    MessageId: crypto.randomUUID(),
    TopicArn: topicArn,
    Message: `You have chosen to deactivate subscription ${topicArn}:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55.`,
    Timestamp: new Date().toISOString(),
    Token: '2336412f37fb687f5d51e6e241d09c8058323f60b964',
    SubscribeURL: `https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${topicArn}&Token=2336`,
  });
}

describe('an UnsubscribeConfirmation of an allowed topic', () => {
  it('warns in the default channel, logs outcome "unsubscribed" and changes no alert', async () => {
    // Prepare
    const alertWritesBefore = h.storeCalls().filter((c) => c.startsWith('TransactWrite')).length;
    // Act
    const result = await h.postSns(unsubscribeConfirmation(testTopicArn));
    // Assess
    expect(result).toMatchObject({ status: 200, body: { outcome: 'unsubscribed' } });
    const [warning] = h.slack.messages('C0ALERTS');
    expect(warning?.text).toContain(`Klaxon was unsubscribed from ${testTopicArn}`);
    expect(warning?.text).toMatch(/notifications from it stop\. Re-subscribe/);
    expect(h.storeCalls().filter((c) => c.startsWith('TransactWrite')).length).toBe(alertWritesBefore);
    const logged = await pollWithDeadline(
      async () => lines.filter((line) => line.outcome === 'unsubscribed'),
      (found): found is typeof found => found.length > 0,
      { timeoutMs: 5000, intervalMs: 20 },
    );
    expect(logged).toHaveLength(1);
    expect(logged?.[0]).toMatchObject({ topicArn: testTopicArn });
    expect(lines.some((line) => line.level === 40 && String(line.msg).includes('unsubscribed'))).toBe(true);
  });

  it('is still answered 200 and logged when Slack is down: the self-alarm is what must not miss it', async () => {
    h.slack.failNext('chat.postMessage', { status: 500 }, 5);
    const result = await h.postSns(unsubscribeConfirmation(testTopicArn));
    expect(result).toMatchObject({ status: 200, body: { outcome: 'unsubscribed' } });
  });
});
