import { describe, expect, it } from 'vitest';
import { muteAlert } from '../../../src/core/buttons/mute-alert.ts';
import { sweepExpiredMutes } from '../../../src/core/sweep/expire-mutes.ts';
import { pollWithDeadline } from '../../../src/util/poll-with-deadline.ts';
import { testTopicArn, useHarness } from '../../helpers/klaxon-harness.ts';
import {
  alarm,
  chooseMute,
  clickButton,
  findElement,
  fireAlarm,
  fireAlarmWithId,
  openAppHome,
  rootOf,
  submitView,
  waitForAudits,
} from './slack-requests.ts';

const h = useHarness();

const hour = 3_600_000;

/** Runs the sweep as the server timer or the Lambda schedule would, with the clock moved on. */
/** The sweep as it runs later: the context's own services, on a clock set to `now`. */
function sweepAt(now: Date) {
  const clock = { now: () => now.getTime(), sleep: async () => undefined };
  const { actions, outbox } = h.klaxon.core;
  return sweepExpiredMutes({ ...actions, now: () => now, outbox: { ...outbox, clock } });
}

describe('Mute durations', () => {
  it.each([
    ['1 hour', 1 * hour],
    ['4 hours', 4 * hour],
    ['24 hours', 24 * hour],
  ])('mutes for %s: recorded with its end, shown on the root, Unmute offered', async (label, ms) => {
    const who = { userId: `U0MUTE${ms / hour}H`, userName: `muter${ms / hour}` };
    const root = await fireAlarm(h, `Mute-${ms / hour}h`);
    const before = Date.now();
    await chooseMute(h, root, label, who);
    await waitForAudits(h, who.userId, 1);

    const alertId = findElement(root, 'klaxon_ack').value as string;
    const { mute } = await h.store.alerts.loadAlert(alertId);
    const until = Date.parse(mute!.until!);
    expect(until).toBeGreaterThanOrEqual(before + ms);
    expect(until).toBeLessThanOrEqual(Date.now() + ms);
    const updated = rootOf(h, `Mute-${ms / hour}h`);
    expect(JSON.stringify(updated.blocks)).toContain(`Muted by <@${who.userId}> until`);
    expect(() => findElement(updated, 'klaxon_unmute')).not.toThrow();
    // The root says it all; the thread is kept for what the mute silenced.
    expect(updated.replies).toEqual([]);
  });

  it('mutes until resolved, and the recovery ends it with one summary', async () => {
    const who = { userId: 'U0UNTILRES', userName: 'ur' };
    const root = await fireAlarm(h, 'MuteUntilResolved');
    await chooseMute(h, root, 'Until resolved', who);
    await waitForAudits(h, who.userId, 1);
    await h.postSns(
      h.signer.notification(testTopicArn, alarm('MuteUntilResolved', 'ALARM', new Date(Date.now() + 1000))),
    );
    await h.postSns(h.signer.notification(testTopicArn, alarm('MuteUntilResolved', 'OK')));

    const replies = rootOf(h, 'MuteUntilResolved').replies.map((r) => r.blocks);
    expect(JSON.stringify(replies.at(-1))).toContain('2 notifications while muted, last state `OK`');
    expect(h.slack.messages('C0ALERTS')).toHaveLength(1);
  });

  it('mutes for a custom duration with a reason through a modal, refusing bad input', async () => {
    const who = { userId: 'U0CUSTOM', userName: 'custom' };
    const root = await fireAlarm(h, 'MuteCustom');
    await chooseMute(h, root, 'Custom…', who);
    const [opened] = await h.slack.waitForCalls('views.open', 1);
    expect(opened!.params.trigger_id).toBe('12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3');
    const view = h.slack.views()[0]!;

    const bad = await submitView(
      h,
      view,
      {
        mute_duration: { duration: { type: 'plain_text_input', value: 'forever' } },
        mute_reason: { reason: { type: 'plain_text_input', value: 'deploy' } },
      },
      who,
    );
    expect(bad.status).toBe(200);
    expect(JSON.parse(bad.text)).toMatchObject({
      response_action: 'errors',
      errors: { mute_duration: expect.any(String) },
    });

    const good = await submitView(
      h,
      view,
      {
        mute_duration: { duration: { type: 'plain_text_input', value: '2h30m' } },
        mute_reason: { reason: { type: 'plain_text_input', value: 'Deploying the fix' } },
      },
      who,
    );
    expect(good).toEqual({ status: 200, text: '' });
    const [audit] = await waitForAudits(h, who.userId, 1);
    expect(audit).toMatchObject({
      action: 'mute',
      result: 'ok',
      params: { choice: 'custom', durationMs: 9_000_000, reason: 'Deploying the fix' },
    });
    expect(rootOf(h, 'MuteCustom').replies).toEqual([]);
    expect(JSON.stringify(rootOf(h, 'MuteCustom').blocks)).toContain('Deploying the fix');
  });

  it('refuses a reason longer than the modal allows (a forged 10 KB submission), storing nothing', async () => {
    const who = { userId: 'U0LONGREASON', userName: 'long' };
    const root = await fireAlarm(h, 'MuteLongReason');
    await chooseMute(h, root, 'Custom…', who);
    await h.slack.waitForCalls('views.open', 1);
    const view = h.slack.views()[0]!;

    const forged = await submitView(
      h,
      view,
      {
        mute_duration: { duration: { type: 'plain_text_input', value: '2h' } },
        mute_reason: { reason: { type: 'plain_text_input', value: 'x'.repeat(10_000) } },
      },
      who,
    );
    expect(forged.status).toBe(200);
    expect(JSON.parse(forged.text)).toEqual({
      response_action: 'errors',
      errors: { mute_reason: expect.stringContaining('500') },
    });
    const alertId = String(findElement(root, 'klaxon_ack').value);
    expect((await h.store.alerts.loadAlert(alertId)).mute).toBeUndefined();
    expect(await h.store.audit.listByUser(who.userId)).toEqual([]);
  });
});

describe('Unmute and the mute summary', () => {
  it('records notifications while muted and posts one summary on Unmute', async () => {
    const who = { userId: 'U0UNMUTER', userName: 'unmuter' };
    const root = await fireAlarm(h, 'MuteSummary');
    await chooseMute(h, root, '1 hour', who);
    await waitForAudits(h, who.userId, 1);
    for (let i = 1; i <= 3; i++) {
      const at = new Date(Date.now() + i * 1000);
      const muted = await h.postSns(h.signer.notification(testTopicArn, alarm('MuteSummary', 'ALARM', at)));
      expect(muted.body.outcome).toBe('muted');
    }
    expect(rootOf(h, 'MuteSummary').replies).toHaveLength(0);

    await clickButton(h, rootOf(h, 'MuteSummary'), 'klaxon_unmute', who);
    await clickButton(h, rootOf(h, 'MuteSummary'), 'klaxon_unmute', who);
    await waitForAudits(h, who.userId, 3);
    // The audit record is committed with the change, before the outbox posts its reply: wait for the reply.
    await pollWithDeadline(
      async () => rootOf(h, 'MuteSummary').replies.length,
      (n): n is number => n >= 1,
      { timeoutMs: 10_000, intervalMs: 20 },
    );
    const after = rootOf(h, 'MuteSummary');
    expect(after.replies).toHaveLength(1);
    expect(JSON.stringify(after.replies[0]!.blocks)).toContain(
      '3 notifications while muted, last state `ALARM`',
    );
    expect(() => findElement(after, 'klaxon_mute')).not.toThrow();
  });

  it('replaces an expired mute nobody ended yet when muted again, its summary told first', async () => {
    const first = { userId: 'U0REMUTE1', userName: 'remute1' };
    const second = { userId: 'U0REMUTE2', userName: 'remute2' };
    const { root, alertId } = await fireAlarmWithId(h, 'MuteAgain');
    await chooseMute(h, root, '1 hour', first);
    await waitForAudits(h, first.userId, 1);
    await h.postSns(
      h.signer.notification(testTopicArn, alarm('MuteAgain', 'ALARM', new Date(Date.now() + 1000))),
    );
    // Two hours on, before any sweep has ended the first mute: the click's own change ends and replaces it.
    const now = new Date(Date.now() + 2 * hour);
    const clock = { now: () => now.getTime(), sleep: async () => undefined };
    const { actions, outbox } = h.klaxon.core;
    const outcome = await muteAlert(
      { ...actions, now: () => now, outbox: { ...outbox, clock } },
      { alertId, actor: second, choice: '4h', durationMs: 4 * hour },
    );
    expect(outcome).toMatchObject({ result: 'ok', audited: true });
    const { mute, record } = await h.store.alerts.loadAlert(alertId);
    expect(mute).toMatchObject({ by: second, until: new Date(now.getTime() + 4 * hour).toISOString() });
    expect(record).toMatchObject({ mutedCount: 0 });
    const after = rootOf(h, 'MuteAgain');
    expect(after.replies.map((r) => r.text)).toEqual([expect.stringContaining('Mute expired')]);
    expect(JSON.stringify(after.replies[0]!.blocks)).toContain('1 notification while muted');
    expect(JSON.stringify(after.blocks)).toContain(`Muted by <@${second.userId}> until`);
  });

  it('ends an expired mute once with its summary, however many sweeps run', async () => {
    const who = { userId: 'U0EXPIRY', userName: 'expiry' };
    const root = await fireAlarm(h, 'MuteExpiry');
    await chooseMute(h, root, '1 hour', who);
    await waitForAudits(h, who.userId, 1);
    await h.postSns(
      h.signer.notification(testTopicArn, alarm('MuteExpiry', 'ALARM', new Date(Date.now() + 1000))),
    );

    expect(await sweepAt(new Date(Date.now() + 30 * 60_000))).toBe(0);
    // Mutes of earlier tests in this file expire too by then: the thread below proves this one ended once.
    const swept = await Promise.all([1, 2, 3].map(() => sweepAt(new Date(Date.now() + 2 * hour))));
    expect(swept.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);

    const after = rootOf(h, 'MuteExpiry');
    expect(after.replies.map((r) => r.text)).toEqual([expect.stringContaining('Mute expired')]);
    expect(JSON.stringify(after.replies[0]!.blocks)).toContain(
      '1 notification while muted, last state `ALARM`',
    );
    expect(JSON.stringify(after.blocks)).not.toContain('Muted by');
    const { record, mute } = await h.store.alerts.loadAlert(findElement(root, 'klaxon_ack').value as string);
    expect(mute).toBeUndefined();
    expect(record).toMatchObject({ mutedCount: 0 });
  });
});

describe('App Home', () => {
  it('shows open alerts, active mutes and the viewer’s recent actions when opened', async () => {
    const who = { userId: 'U0HOME', userName: 'home' };
    const root = await fireAlarm(h, 'HomeAlarm');
    await chooseMute(h, root, '4 hours', who);
    await waitForAudits(h, who.userId, 1);

    const response = await openAppHome(h, who.userId);
    expect(response.status).toBe(200);
    const [published] = await h.slack.waitForCalls('views.publish', 1);
    expect(published!.params.user_id).toBe(who.userId);
    const blocks = JSON.stringify(h.slack.views().find((v) => v.user_id === who.userId)!.view);
    expect(blocks).toContain('HomeAlarm');
    expect(blocks).toMatch(/Active mutes \(\d+\)/);
    expect(blocks).toContain('*mute*');
  });

  it('names the resolved alerts of the viewer’s recent actions from one read', async () => {
    const who = { userId: 'U0HOMEREAD', userName: 'homeread' };
    const names = ['HomeGone-1', 'HomeGone-2', 'HomeGone-3'];
    for (const name of names) {
      await clickButton(h, await fireAlarm(h, name), 'klaxon_ack', who);
    }
    await waitForAudits(h, who.userId, names.length);
    for (const name of names) await h.postSns(h.signer.notification(testTopicArn, alarm(name, 'OK')));

    const before = h.storeCalls().length;
    await openAppHome(h, who.userId);
    await pollWithDeadline(
      async () => h.slack.views().find((v) => v.user_id === who.userId),
      (view): view is NonNullable<typeof view> => view !== undefined,
      { timeoutMs: 8_000, intervalMs: 20 },
    );
    const blocks = JSON.stringify(h.slack.views().find((v) => v.user_id === who.userId)!.view);
    for (const name of names) expect(blocks).toContain(name);
    expect(
      h
        .storeCalls()
        .slice(before)
        .filter((call) => call === 'BatchGetItemCommand'),
    ).toHaveLength(1);
  });
});
