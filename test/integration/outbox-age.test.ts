import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../helpers/fake-clock.ts';
import { testTopicArn, useHarness } from '../helpers/klaxon-harness.ts';

const clock = createFakeClock(Date.now());
// No timers: only the sweep drains, as on Lambda.
const h = useHarness({}, { clock, timersInProcess: false });
const minute = 60_000;
const fixture = (path: string) => JSON.parse(readFileSync(`test/fixtures/${path}`, 'utf8'));

function alarm(name: string) {
  const base = fixture('cloudwatch/alarm-single-metric.json');
  return { ...base, AlarmName: name, AlarmArn: `${base.AlarmArn}-${name}`, NewStateValue: 'ALARM' };
}

describe('the sweep reports how long the oldest Slack step has waited', () => {
  it('gives the age of a post Slack kept refusing, and 0 once it is delivered', async () => {
    // Prepare: Slack fails the post, so it stays in the alert's outbox.
    h.slack.failNext('chat.postMessage', { status: 500 }, 3);
    const first = await h.postSns(h.signer.notification(testTopicArn, alarm('Age-CPU')));
    expect(first.status).toBe(503);
    clock.advance(5 * minute);
    h.slack.failNext('chat.postMessage', { status: 500 }, 3);

    // Act: a sweep that cannot deliver it either, then one that can
    const failed = await h.klaxon.core.sweep();
    const delivered = await h.klaxon.core.sweep();

    // Assess
    expect(failed.outboxesFailed).toBe(1);
    expect(failed.oldestPendingSeconds).toBeGreaterThanOrEqual(300);
    expect(failed.oldestPendingSeconds).toBeLessThan(330);
    expect(delivered.outboxesDrained).toBe(1);
    expect(delivered.oldestPendingSeconds).toBe(0);
    expect(h.slack.messages('C0ALERTS')).toHaveLength(1);
  });

  it('is 0 when every outbox is empty', async () => {
    const swept = await h.klaxon.core.sweep();
    expect(swept.oldestPendingSeconds).toBe(0);
  });
});
