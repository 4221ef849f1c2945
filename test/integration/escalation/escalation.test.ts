import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/app/create-core.ts';
import { klaxonActor } from '../../../src/model/klaxon-actor.ts';
import { createSilentLogger } from '../../../src/observability/logger.ts';
import { createFakeClock } from '../../helpers/fake-clock.ts';
import { testAwsClients, useHarness } from '../../helpers/klaxon-harness.ts';
import { findElement, waitForAudits, waitForOutboxesIdle } from '../buttons/slack-requests.ts';
import { shownText, waitForResponses } from '../commands/slash-command-kit.ts';
import {
  appHomeAt,
  broadcastsOf,
  clickAt,
  escalationConfig,
  fireAlarmAt,
  minute,
  repliesOf,
  sendAction,
  slashCommandAt,
} from './escalation-kit.ts';

const clock = createFakeClock(Date.now());
const h = useHarness(escalationConfig, { clock });

async function sweep() {
  await h.klaxon.core.sweep();
  await waitForOutboxesIdle(h);
}

const escalationAudits = async (alertId: string) =>
  (await h.store.audit.listByUser(klaxonActor.userId, 100)).filter((record) => record.alertId === alertId);

describe('escalation of an unacknowledged alert', () => {
  it('reminds level by level, in order, broadcast with each level’s mentions, each audited', async () => {
    const root = await fireAlarmAt(h, clock, 'Escalate-InOrder');
    const alertId = String(findElement(root, 'klaxon_ack').value);

    clock.advance(14 * minute);
    await sweep();
    expect(repliesOf(h, 'Escalate-InOrder')).toHaveLength(0);

    clock.advance(1 * minute);
    await sweep();
    const first = broadcastsOf(h, root);
    expect(first).toHaveLength(1);
    expect(first[0]!.text).toContain('<!subteam^S0614TZR7>');
    expect(first[0]!.text).not.toContain('<!channel>');
    expect(JSON.stringify(first[0]!.blocks)).toMatch(/Not acknowledged after 15 min/);

    clock.advance(29 * minute);
    await sweep();
    expect(broadcastsOf(h, root)).toHaveLength(1);

    clock.advance(1 * minute);
    await sweep();
    const second = broadcastsOf(h, root);
    expect(second).toHaveLength(2);
    expect(second[1]!.text).toContain('<!channel>');
    expect(JSON.stringify(second[1]!.blocks)).toMatch(/level 2 of 2/);

    clock.advance(120 * minute);
    await sweep();
    expect(broadcastsOf(h, root)).toHaveLength(2);

    const audits = await escalationAudits(alertId);
    expect(audits.map((record) => [record.action, record.params.level, record.result])).toEqual([
      ['escalate', 2, 'ok'],
      ['escalate', 1, 'ok'],
    ]);
    expect(audits[0]!.actor).toEqual(klaxonActor);
  });

  it('stops once someone acknowledges', async () => {
    const root = await fireAlarmAt(h, clock, 'Escalate-Ack');
    const alertId = String(findElement(root, 'klaxon_ack').value);
    clock.advance(15 * minute);
    await sweep();
    expect(broadcastsOf(h, root)).toHaveLength(1);

    const acked = await clickAt(h, clock, root, 'klaxon_ack');
    expect(acked.status).toBe(200);
    await waitForAudits(h, 'U0ALICE', 1);

    clock.advance(60 * minute);
    await sweep();
    expect(broadcastsOf(h, root)).toHaveLength(1);
    expect(await escalationAudits(alertId)).toHaveLength(1);
  });

  it('never reminds about a muted alert, nor a resolved one', async () => {
    const muted = await fireAlarmAt(h, clock, 'Escalate-Muted');
    const menu = findElement(muted, 'klaxon_mute') as { options: Array<{ text: { text: string } }> };
    const option = menu.options.find((o) => o.text.text === 'Until resolved');
    await sendAction(h, clock, muted, {
      type: 'static_select',
      action_id: 'klaxon_mute',
      selected_option: option,
    });
    await waitForAudits(h, 'U0ALICE', 2);
    const resolved = await fireAlarmAt(h, clock, 'Escalate-Resolved');
    await fireAlarmAt(h, clock, 'Escalate-Resolved', 'OK');
    await waitForOutboxesIdle(h);

    clock.advance(50 * minute);
    await sweep();
    expect(broadcastsOf(h, muted)).toHaveLength(0);
    expect(broadcastsOf(h, resolved)).toHaveLength(0);
  });

  it('never reminds about an alert a silence set afterwards covers, and reminds again once it ends', async () => {
    const root = await fireAlarmAt(h, clock, 'Escalate-Silenced');
    const responseId = await slashCommandAt(
      h,
      clock,
      'silence name=Escalate-Silenced for=1h reason=planned work',
    );
    const [answer] = await waitForResponses(h, responseId, 1);
    expect(shownText(answer!)).toMatch(/silence/i);

    clock.advance(50 * minute);
    await sweep();
    expect(broadcastsOf(h, root)).toHaveLength(0);

    clock.advance(15 * minute);
    await sweep();
    expect(broadcastsOf(h, root)).toHaveLength(1);
  });

  it('sends one reminder when two sweepers (two processes) run at once', async () => {
    const root = await fireAlarmAt(h, clock, 'Escalate-Race');
    const alertId = String(findElement(root, 'klaxon_ack').value);
    const other = createCore({
      config: h.klaxon.core.config,
      logger: createSilentLogger(),
      store: h.store,
      slack: { token: 'xoxb-test-token', apiUrl: h.slack.url },
      aws: testAwsClients(),
      fetchCertificate: async () => '',
      confirmSubscription: async () => undefined,
      clock,
      timersInProcess: false,
    });

    clock.advance(16 * minute);
    await Promise.all([h.klaxon.core.sweep(), other.sweep(), h.klaxon.core.sweep(), other.sweep()]);
    await waitForOutboxesIdle(h);

    expect(broadcastsOf(h, root)).toHaveLength(1);
    expect(await escalationAudits(alertId)).toHaveLength(1);
  });

  it('App Home and /klaxon alerts show how long an alert has waited and its next reminder, or who has it', async () => {
    const root = await fireAlarmAt(h, clock, 'Escalate-Shown');
    clock.advance(20 * minute);
    await sweep();
    expect(broadcastsOf(h, root)).toHaveLength(1);

    const responseId = await slashCommandAt(h, clock, 'alerts');
    const [answer] = await waitForResponses(h, responseId, 1);
    expect(shownText(answer!)).toMatch(
      /Escalate-Shown[^•]*_not acknowledged_, next reminder in 30 min \(level 2 of 2\)/,
    );
    const home = await appHomeAt(h, clock, 'U0HOMEVIEWER');
    expect(home).toMatch(/Escalate-Shown[^•]*⏳ waiting 20 min, next reminder in 30 min \(level 2 of 2\)/);

    await clickAt(h, clock, root, 'klaxon_ack');
    await waitForAudits(h, 'U0ALICE', 3);
    const acknowledged = await appHomeAt(h, clock, 'U0HOMEVIEWER2');
    expect(acknowledged).toMatch(/Escalate-Shown[^•]*👀 <@U0ALICE>/);
  });
});
