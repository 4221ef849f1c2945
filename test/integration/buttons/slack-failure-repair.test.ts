import { describe, expect, it } from 'vitest';
import { sweepPendingRepairs } from '../../../src/handlers/lifecycle/repair-sweep.ts';
import { refreshRootIfStale } from '../../../src/handlers/lifecycle/root-refresher.ts';
import { createSilentLogger } from '../../../src/observability/logger.ts';
import { createSlackWebClient } from '../../../src/slack/slack-client.ts';
import { createSlackPoster } from '../../../src/slack/slack-poster.ts';
import { useHarness } from '../../helpers/klaxon-harness.ts';
import {
  alice,
  chooseMute,
  clickButton,
  findElement,
  fireAlarmWithId,
  rootOf,
  waitForAudits,
} from './slack-requests.ts';

const h = useHarness();

const bob = { userId: 'U0BOBREPAIR', userName: 'bob' };

/** What the Lambda worker's sweep runs with: the store and a Slack client of its own. */
function refreshDeps() {
  const webClient = createSlackWebClient({ token: 'xoxb-test-token', slackApiUrl: h.slack.url, retries: 0 });
  return {
    alerts: h.store.alerts,
    slack: createSlackPoster(webClient),
    now: () => new Date(),
    logger: createSilentLogger(),
  };
}

describe('A button whose Slack update fails', () => {
  it('saves the change, says so, marks the root stale, and the sweep repairs the root', async () => {
    const { root, alertId } = await fireAlarmWithId(h, 'SlackDown-CPU');
    h.slack.failNext('chat.update', { status: 500 }, 3);

    await clickButton(h, root, 'klaxon_ack', alice);
    const [audit] = await waitForAudits(h, alice.userId, 1);
    await h.slack.waitForCalls('chat.postEphemeral', 1);

    expect(audit).toMatchObject({ action: 'acknowledge', result: 'ok' });
    expect(h.slack.ephemerals()[0]!.text).toMatch(/Saved\. Slack could not be updated yet/);
    const { record } = await h.store.alerts.loadAlert(alertId);
    expect(record).toMatchObject({ rootStale: true, acknowledged: { userId: alice.userId } });
    expect(JSON.stringify(rootOf(h, 'SlackDown-CPU').blocks)).not.toContain('Acknowledged by');
    // The thread reply is a separate call: it still tells the story while the root waits.
    expect(rootOf(h, 'SlackDown-CPU').replies).toHaveLength(1);

    expect((await sweepPendingRepairs(refreshDeps(), 0)).rootsRefreshed).toBeGreaterThanOrEqual(1);

    const repaired = rootOf(h, 'SlackDown-CPU');
    expect(JSON.stringify(repaired.blocks)).toContain('Acknowledged by <@U0ALICE>');
    expect(() => findElement(repaired, 'klaxon_unack')).not.toThrow();
    expect((await h.store.alerts.loadAlert(alertId)).record?.rootStale).toBe(false);
  });

  it('keeps the root stale while Slack is still down, and refreshes it once Slack is back', async () => {
    const { root, alertId } = await fireAlarmWithId(h, 'SlackFlaky-CPU');
    h.slack.failNext('chat.update', { status: 500 }, 4);

    await chooseMute(h, root, '1 hour', bob);
    await waitForAudits(h, bob.userId, 1);
    await h.slack.waitForCalls('chat.postEphemeral', 1);
    await expect(refreshRootIfStale(refreshDeps(), alertId)).rejects.toThrow();
    expect((await h.store.alerts.loadAlert(alertId)).record?.rootStale).toBe(true);

    expect(await refreshRootIfStale(refreshDeps(), alertId)).toBe('refreshed');
    expect(() => findElement(rootOf(h, 'SlackFlaky-CPU'), 'klaxon_unmute')).not.toThrow();
  });
});
