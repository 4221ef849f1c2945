import { describe, expect, it } from 'vitest';
import { slackChannelPace } from '../../src/core/outbox/channel-pacer.ts';
import { createFakeClock } from '../helpers/fake-clock.ts';
import { testTopicArn, useHarness } from '../helpers/klaxon-harness.ts';
import { alarm } from './buttons/slack-requests.ts';

/**
 * The long-running server never makes SNS wait for a channel's pace: a burst beyond it is answered 200 at
 * once, recorded, and posted when the pace allows. The clock stands still until the test moves it.
 */
const clock = createFakeClock(Date.now());
const h = useHarness({}, { clock, channelPace: slackChannelPace });

describe("a burst of new alerts beyond a channel's pace", () => {
  it('is answered at once and posted as the pace allows, none lost', async () => {
    const names = Array.from({ length: 8 }, (_, i) => `Burst-${i}`);
    for (const name of names) {
      const answer = await h.postSns(
        h.signer.notification(testTopicArn, alarm(name, 'ALARM', new Date(clock.now()))),
      );
      expect(answer).toMatchObject({ status: 200, body: { outcome: 'new-alert' } });
    }
    const burstRoots = () => h.slack.messages('C0ALERTS').filter((m) => m.text.includes('Burst-'));
    expect(burstRoots()).toHaveLength(slackChannelPace.burst);

    clock.advance(10_000);
    await h.klaxon.core.sweep();
    expect(burstRoots()).toHaveLength(names.length);
  });
});
