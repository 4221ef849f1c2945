import { describe, expect, it } from 'vitest';
import { interactionBody } from '../../../src/sandbox/sign-slack-request.ts';
import { testTopicArn, useHarness } from '../../helpers/klaxon-harness.ts';
import {
  alarm,
  alice,
  blockActionsPayload,
  clickButton,
  findElement,
  fireAlarm,
  glueFailure,
  macieFinding,
  postToSlackEndpoint,
  rootOf,
  staleRerunButton,
  waitForAudits,
  waitForSlackWorkIdle,
} from './slack-requests.ts';

const h = useHarness();

/** Each test clicks as its own person, so counting their audit records tells when their clicks are done. */
const bob = { userId: 'U0BOB', userName: 'bob' };
const carol = { userId: 'U0CAROL', userName: 'carol' };
const dave = { userId: 'U0DAVE', userName: 'dave' };
const erin = { userId: 'U0ERIN', userName: 'erin' };
const frank = { userId: 'U0FRANK', userName: 'frank' };

describe('Acknowledge and Unacknowledge', () => {
  it('records who acknowledged, updates the root in place, replies, and offers Unacknowledge', async () => {
    const root = await fireAlarm(h, 'Ack-CPU');
    const response = await clickButton(h, root, 'klaxon_ack', alice);
    expect(response.status).toBe(200);
    await waitForAudits(h, alice.userId, 1);

    const updated = rootOf(h, 'Ack-CPU');
    expect(JSON.stringify(updated.blocks)).toContain('Acknowledged by <@U0ALICE>');
    expect(() => findElement(updated, 'klaxon_unack')).not.toThrow();
    expect(updated.replies.map((r) => r.text)).toEqual([expect.stringContaining('acknowledged this alert')]);
    const [record] = await h.store.audit.listByUser(alice.userId);
    expect(record).toMatchObject({ action: 'acknowledge', result: 'ok', actor: alice });

    await clickButton(h, updated, 'klaxon_unack', bob);
    await waitForAudits(h, bob.userId, 1);
    const after = rootOf(h, 'Ack-CPU');
    expect(JSON.stringify(after.blocks)).not.toContain('Acknowledged by');
    expect(after.replies).toHaveLength(2);
  });

  it('has one effect for a double click (a replayed request: slack-request-hardening.test.ts)', async () => {
    const root = await fireAlarm(h, 'DoubleAck-CPU');
    const element = findElement(root, 'klaxon_ack');
    const click = () => postToSlackEndpoint(h, interactionBody(blockActionsPayload(root, element, carol)));
    const clicks = await Promise.all([click(), click()]);
    expect(clicks.map((c) => c.status)).toEqual([200, 200]);
    const audits = await waitForAudits(h, carol.userId, 2);

    expect(rootOf(h, 'DoubleAck-CPU').replies).toHaveLength(1);
    expect(audits.filter((a) => a.detail === 'no change')).toHaveLength(1);
  });

  it('keeps showing who acknowledged when the alert fires again, in the same thread', async () => {
    const root = await fireAlarm(h, 'AckThenFire-CPU');
    await clickButton(h, root, 'klaxon_ack', dave);
    await waitForAudits(h, dave.userId, 1);
    const later = new Date(Date.now() + 60_000);
    await h.postSns(h.signer.notification(testTopicArn, alarm('AckThenFire-CPU', 'ALARM', later)));

    const roots = h.slack.messages('C0ALERTS').filter((m) => m.subtype !== 'thread_broadcast');
    expect(roots).toHaveLength(1);
    expect(roots[0]!.replies).toHaveLength(2);
    expect(JSON.stringify(roots[0]!.blocks)).toContain('Acknowledged by <@U0DAVE>');
  });
});

describe('Resolve and Reopen', () => {
  it('resolves an alert no event will resolve, and reopens it', async () => {
    await h.postSns(h.signer.notification(testTopicArn, macieFinding('resolve-me-1')));
    const root = h.slack.messages('C0ALERTS')[0]!;
    await clickButton(h, root, 'klaxon_resolve', erin);
    await waitForAudits(h, erin.userId, 1);

    const resolved = h.slack.messages('C0ALERTS')[0]!;
    expect(JSON.stringify(resolved.blocks)).toMatch(/Resolved by <@U0ERIN>/);
    expect(() => findElement(resolved, 'klaxon_reopen')).not.toThrow();
    expect(resolved.replies.at(-1)!.text).toContain('resolved this alert');

    await clickButton(h, resolved, 'klaxon_reopen', erin);
    const audits = await waitForAudits(h, erin.userId, 2);
    const reopened = h.slack.messages('C0ALERTS')[0]!;
    expect(() => findElement(reopened, 'klaxon_resolve')).not.toThrow();
    expect(reopened.replies.at(-1)!.text).toContain('reopened this alert');
    expect(audits.map((a) => a.action)).toEqual(['reopen', 'resolve']);
  });
});

describe('Refusals and forged requests', () => {
  it('refuses a rerun nobody is allowed yet: no button, a stale click answered "not allowed", audited', async () => {
    await h.postSns(h.signer.notification(testTopicArn, glueFailure('RefusedJob', 'jr_refused')));
    const root = h.slack.messages('C0ALERTS')[0]!;
    expect(() => findElement(root, 'klaxon_rerun_glue')).toThrow();
    // A message drawn while someone could rerun still carries the button.
    const alertId = String(findElement(root, 'klaxon_ack').value);
    const stale = staleRerunButton(alertId, 'RefusedJob', 'jr_refused');
    await postToSlackEndpoint(h, interactionBody(blockActionsPayload(root, stale, frank)));
    const [audit] = await waitForAudits(h, frank.userId, 1);
    expect(audit).toMatchObject({ action: 'rerun', result: 'refused', params: { jobRunId: 'jr_refused' } });
    await h.slack.waitForCalls('chat.postEphemeral', 1);
    expect(h.slack.ephemerals('C0ALERTS')).toEqual([
      expect.objectContaining({ user: frank.userId, text: expect.stringMatching(/^Not allowed/) }),
    ]);
  });

  it('audits and answers a refused click once, however often its signed request is replayed', async () => {
    const heidi = { userId: 'U0HEIDI', userName: 'heidi' };
    await h.postSns(h.signer.notification(testTopicArn, glueFailure('ReplayedRefusal', 'jr_replayed')));
    const root = rootOf(h, 'ReplayedRefusal');
    const alertId = String(findElement(root, 'klaxon_ack').value);
    const stale = staleRerunButton(alertId, 'ReplayedRefusal', 'jr_replayed');
    const body = interactionBody(blockActionsPayload(root, stale, heidi));
    const timestamp = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 3; i++) expect((await postToSlackEndpoint(h, body, { timestamp })).status).toBe(200);
    await waitForAudits(h, heidi.userId, 1);
    await waitForSlackWorkIdle(h);
    expect(await h.store.audit.listByUser(heidi.userId)).toEqual([
      expect.objectContaining({ action: 'rerun', result: 'refused' }),
    ]);
    expect(h.slack.ephemerals('C0ALERTS').filter((e) => e.user === heidi.userId)).toHaveLength(1);
  });

  it('refuses a forged Resolve on a Glue alert (an event resolves it; it has no Resolve button)', async () => {
    const grace = { userId: 'U0GRACE', userName: 'grace' };
    await h.postSns(h.signer.notification(testTopicArn, glueFailure('SelfResolving', 'jr_self')));
    const root = rootOf(h, 'SelfResolving');
    expect(() => findElement(root, 'klaxon_resolve')).toThrow();
    const alertId = String(findElement(root, 'klaxon_ack').value);
    const forged = {
      type: 'button',
      action_id: 'klaxon_resolve',
      value: alertId,
      text: { type: 'plain_text', text: 'Resolve' },
    };
    const response = await postToSlackEndpoint(h, interactionBody(blockActionsPayload(root, forged, grace)));
    expect(response.status).toBe(200);

    const [audit] = await waitForAudits(h, grace.userId, 1);
    expect(audit).toMatchObject({ action: 'resolve', result: 'refused' });
    expect((await h.store.alerts.loadAlert(alertId)).record?.status).toBe('open');
    await h.slack.waitForCalls('chat.postEphemeral', 1);
    expect(h.slack.ephemerals('C0ALERTS').at(-1)).toMatchObject({
      user: grace.userId,
      text: expect.stringMatching(/resolves itself when .*; it has no Resolve button/),
    });
  });

  it('answers 401 to a forged signature and to a stale timestamp, with no effect', async () => {
    const root = await fireAlarm(h, 'Forged-CPU');
    const body = interactionBody(blockActionsPayload(root, findElement(root, 'klaxon_ack'), alice));
    const forged = await postToSlackEndpoint(h, body, { secret: 'not-the-signing-secret' });
    const stale = await postToSlackEndpoint(h, body, { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
    expect([forged.status, stale.status]).toEqual([401, 401]);

    const { record } = await h.store.alerts.loadAlert(findElement(root, 'klaxon_ack').value as string);
    expect(record?.acknowledged).toBeUndefined();
    expect(h.slack.callsTo('chat.update')).toHaveLength(0);
  });
});
