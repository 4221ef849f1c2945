import { describe, expect, it } from 'vitest';
import { slackChannelPace } from '../../src/core/outbox/channel-pacer.ts';
import type { StoredMessage } from '../../src/sandbox/fake-slack-types.ts';
import { createFakeClock } from '../helpers/fake-clock.ts';
import { testTopicArn, useHarness } from '../helpers/klaxon-harness.ts';
import { sweepCandidates } from '../helpers/test-store.ts';
import { alarm } from './buttons/slack-requests.ts';

/**
 * A storm of flapping alarms on Slack's real budget: at most 2 calls per alert per minute, about one post
 * per second per channel (burst 4). Time is a fake clock that requests advance when they wait for their
 * channel's pace; the sweep runs what was deferred, as the Lambda worker does once a minute.
 */
const clock = createFakeClock(Date.now());
const h = useHarness(
  { lifecycle: { slackCallsPerAlertPerMinute: 2 } },
  { clock, channelPace: slackChannelPace, timersInProcess: false },
);

const alarms = 8;
const notificationsPerAlarm = 40;
const minute = 60_000;

interface SlackCall {
  at: number;
  root: string;
  kind: 'post' | 'update';
}

function recordCalls(): SlackCall[] {
  const calls: SlackCall[] = [];
  const record = (kind: SlackCall['kind']) => (message: StoredMessage) =>
    calls.push({ at: clock.now(), root: message.thread_ts ?? message.ts, kind });
  h.slack.events.on('message-posted', record('post'));
  h.slack.events.on('message-updated', record('update'));
  return calls;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** The most calls in any window of `widthMs`, per key. */
function busiestWindow(calls: SlackCall[], key: (call: SlackCall) => string, widthMs: number): number {
  const byKey = groupBy(calls, key);
  let most = 0;
  for (const list of byKey.values()) {
    const times = list.map((call) => call.at).sort((a, b) => a - b);
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i]! - times[j]! >= widthMs) j++;
      most = Math.max(most, i - j + 1);
    }
  }
  return most;
}

function stateChangesShown(root: StoredMessage): number {
  return root.replies.reduce((sum, reply) => {
    const folded = /(\d+) more state changes?/.exec(reply.text);
    return sum + (folded ? Number(folded[1]) : 1);
  }, 0);
}

describe('a flood of flapping alarms', () => {
  it('keeps every alert within its Slack budget and the channel at its pace, folding the rest, losing nothing', async () => {
    const calls = recordCalls();
    const names = Array.from({ length: alarms }, (_, i) => `Flood-${i}`);
    const started = clock.now();
    for (let n = 0; n < notificationsPerAlarm; n++) {
      for (const name of names) {
        const state = n % 2 === 0 ? 'ALARM' : 'OK';
        const answer = await h.postSns(
          h.signer.notification(testTopicArn, alarm(name, state, new Date(clock.now()))),
        );
        expect(answer.status).toBe(200);
        clock.advance(250);
      }
      if (n % 4 === 3) await h.klaxon.core.sweep();
    }
    clock.advance(3 * minute);
    await h.klaxon.core.sweep();
    clock.advance(3 * minute);
    await h.klaxon.core.sweep();
    const duration = clock.now() - started;

    // Budgets: per alert at most 2 calls in any budget window besides its root post (so at most 5 in a
    // sliding minute that spans two windows and the post).
    expect(busiestWindow(calls, (call) => call.root, minute)).toBeLessThanOrEqual(5);
    const perAlert = groupBy(calls, (call) => call.root);
    for (const list of perAlert.values()) {
      expect(list.length).toBeLessThanOrEqual(2 * Math.ceil(duration / minute) + 1);
    }
    // Pace: posts to one channel (Slack's one per second; chat.update is limited per workspace, not per
    // channel) at most a burst of 4 in any second, and about one per second over the storm.
    const posts = calls.filter((call) => call.kind === 'post');
    expect(busiestWindow(posts, () => 'C0ALERTS', 1000)).toBeLessThanOrEqual(slackChannelPace.burst);
    expect(busiestWindow(posts, () => 'C0ALERTS', 10_000)).toBeLessThanOrEqual(10 + slackChannelPace.burst);

    // Nothing lost: every notification recorded, every state change shown once (live or in a digest).
    const roots = h.slack.messages('C0ALERTS').filter((m) => m.text.includes('Flood-'));
    expect(roots).toHaveLength(alarms);
    for (const root of roots) expect(stateChangesShown(root)).toBe(notificationsPerAlarm - 1);
    for (const record of (await sweepCandidates(h.store)).filter((r) => r.alert.name.startsWith('Flood-'))) {
      expect(record.outbox).toEqual([]);
      expect(await h.store.alerts.listAlertEvents(record.alertId, 500)).toHaveLength(notificationsPerAlarm);
    }
    // Folding happened: far fewer calls than notifications.
    expect(calls.length).toBeLessThan((alarms * notificationsPerAlarm) / 2);
  }, 120_000);
});
