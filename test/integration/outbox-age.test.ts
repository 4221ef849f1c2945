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

describe('the sweep looks at every outbox, however many alerts fired after it', () => {
  it('posts an alert Slack refused even when more than a sweep page of alerts fired since', async () => {
    // Prepare: Slack refuses one alert's post; then 210 more alerts fire and are posted. The refused one is
    // now the oldest open alert, past the first page of the index the sweep reads.
    h.slack.failNext('chat.postMessage', { status: 500 }, 3);
    expect((await h.postSns(h.signer.notification(testTopicArn, alarm('Buried-CPU')))).status).toBe(503);
    for (let i = 0; i < 210; i++) {
      clock.advance(1000);
      const answer = await h.postSns(h.signer.notification(testTopicArn, alarm(`Later-${i}`)));
      expect(answer.status).toBe(200);
    }

    // Act
    const swept = await h.klaxon.core.sweep();

    // Assess
    expect(swept.outboxesDrained).toBe(1);
    expect(swept.oldestPendingSeconds).toBe(0);
    const posted = h.slack.messages('C0ALERTS').map((m) => JSON.stringify(m.blocks));
    expect(posted.filter((blocks) => blocks.includes('Buried-CPU'))).toHaveLength(1);
  });
});
