import { describe, expect, it } from 'vitest';
import { slackChannelPace } from '../../src/core/outbox/channel-pacer.ts';
import { pollWithDeadline } from '../../src/util/poll-with-deadline.ts';
import { testTopicArn, useHarness } from '../helpers/klaxon-harness.ts';
import { alarm } from './buttons/slack-requests.ts';

/**
 * A channel's backlog drains one alert per free slot: each held-back alert costs one more drain (a read, a
 * lease, a completion), not one attempt a second while it waits. Real time: about one post a second.
 */
const h = useHarness({}, { channelPace: slackChannelPace });
const alerts = 16;

describe("a channel's backlog", () => {
  it('posts every alert at the pace, each held-back alert drained once', async () => {
    const before = h.storeCalls().length;
    for (let i = 0; i < alerts; i++) {
      const answer = await h.postSns(h.signer.notification(testTopicArn, alarm(`Backlog-${i}`, 'ALARM')));
      expect(answer.status).toBe(200);
    }
    const roots = await pollWithDeadline(
      async () => h.slack.messages('C0ALERTS').filter((m) => m.text.includes('Backlog-')).length,
      (n): n is number => n === alerts,
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    expect(roots).toBe(alerts);
    // 3 calls per notification, and at most 3 more per alert the pace held back (16 × 3 + 16 × 3).
    expect(h.storeCalls().length - before).toBeLessThanOrEqual(alerts * 6);
  }, 90_000);
});
