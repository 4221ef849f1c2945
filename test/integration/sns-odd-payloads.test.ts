import { describe, expect, it } from 'vitest';
import { testTopicArn, useHarness } from '../helpers/klaxon-harness.ts';
import { alarm } from './buttons/slack-requests.ts';

/**
 * What SNS may legally carry, beyond the samples: any Unicode in a subject or message (emoji, CJK, right-to-left,
 * control characters, a lone surrogate escaped in JSON), a message at SNS's 256 KB limit, and the same alarm
 * flooding in. Each becomes one alert, recorded and posted, and the process answers every one.
 */
const h = useHarness();

describe('odd but legal SNS payloads', () => {
  it('posts a message of any Unicode, stored and shown as text', async () => {
    const text = 'Disk 🔥 満杯 — שגיאה \u0000\u0007 tab\tend \\ud800 "quoted" <b>&amp;</b>';
    const body = `{"note":${JSON.stringify(text)},"lone":"\\ud800"}`;
    const result = await h.postSns(
      h.signer.notification(testTopicArn, body, { subject: 'Ünïcödé 📦 alert' }),
    );
    expect(result.status).toBe(200);
    const [root] = h.slack.messages('C0ALERTS');
    expect(root?.text).toContain('Ünïcödé 📦 alert');
    expect(JSON.stringify(root?.blocks)).toContain('満杯');
  });

  it('posts a plain-text message at SNS’s 256 KB limit, bounded in Slack', async () => {
    const text = `Batch failed: ${'x'.repeat(256 * 1024 - 200)}`;
    const result = await h.postSns(h.signer.notification(testTopicArn, text, { subject: 'Huge text' }));
    expect(result.status).toBe(200);
    const root = h.slack.messages('C0ALERTS').find((m) => m.text.includes('Huge text'));
    expect(JSON.stringify(root).length).toBeLessThan(40_000);
  });

  it('keeps one root for one alarm flooding in, and records every notification', async () => {
    const at = new Date();
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        h.postSns(h.signer.notification(testTopicArn, alarm('Flood-One', 'ALARM', at))),
      ),
    );
    expect(answers.map((a) => `${a.status} ${a.body.outcome}`).filter((a) => !a.startsWith('200'))).toEqual(
      [],
    );
    const roots = h.slack.messages('C0ALERTS').filter((m) => m.text.includes('Flood-One'));
    expect(roots).toHaveLength(1);
    const open = await h.store.alerts.listOpenAlerts(100);
    const record = open.find((r) => r.alert.name === 'Flood-One');
    expect(record?.timesFired).toBe(40);
    expect(await h.store.alerts.listAlertEvents(record!.alertId, 100)).toHaveLength(40);
  });
});
