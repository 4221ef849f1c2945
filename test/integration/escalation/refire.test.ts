import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../helpers/fake-clock.ts';
import { testTopicArn, useHarness } from '../../helpers/klaxon-harness.ts';
import {
  findElement,
  glueFailure,
  macieFinding,
  rootOf,
  waitForAudits,
  waitForOutboxesIdle,
} from '../buttons/slack-requests.ts';
import { broadcastsOf, clickAt, fireAlarmAt, minute } from './escalation-kit.ts';

const clock = createFakeClock(Date.now());
const mentionsEveryone = { targets: ['@here'], severities: ['critical', 'high', 'medium', 'low'] };
const h = useHarness({ routes: [{ channel: 'C0ALERTS', mentions: mentionsEveryone }] }, { clock });

async function post(message: unknown) {
  const answer = await h.postSns(h.signer.notification(testTopicArn, message));
  expect(answer.status).toBe(200);
  await waitForOutboxesIdle(h);
}

describe('an alert that fires again is seen at the bottom of the channel', () => {
  it('a re-fire within the reopen window: broadcast with mentions, acknowledgement cleared, root says Reopened', async () => {
    const root = await fireAlarmAt(h, clock, 'Refire-Reopen');
    const alertId = String(findElement(root, 'klaxon_ack').value);
    await clickAt(h, clock, root, 'klaxon_ack');
    await waitForAudits(h, 'U0ALICE', 1);
    clock.advance(1 * minute);
    await fireAlarmAt(h, clock, 'Refire-Reopen', 'OK');
    clock.advance(5 * minute);
    await fireAlarmAt(h, clock, 'Refire-Reopen');
    await waitForOutboxesIdle(h);

    const broadcasts = broadcastsOf(h, root);
    expect(broadcasts).toHaveLength(1);
    expect(broadcasts[0]!.text).toContain('<!here>');
    expect(broadcasts[0]!.text).toContain('Reopened');
    const { record } = await h.store.alerts.loadAlert(alertId);
    expect(record?.acknowledged).toBeUndefined();
    const reopened = rootOf(h, 'Refire-Reopen');
    expect(JSON.stringify(reopened.blocks)).toContain('Reopened');
    expect(() => findElement(reopened, 'klaxon_ack')).not.toThrow();
    expect(JSON.stringify(reopened.blocks)).not.toContain('Acknowledged by');
  });

  it('a new Glue failure on an open alert: broadcast with the mentions', async () => {
    await post(glueFailure('refire-etl', 'jr_1111'));
    await post(glueFailure('refire-etl', 'jr_2222'));
    const root = rootOf(h, 'refire-etl');
    const broadcasts = broadcastsOf(h, root);
    expect(broadcasts).toHaveLength(1);
    expect(broadcasts[0]!.text).toContain('<!here>');
    expect(JSON.stringify(broadcasts[0]!.blocks)).toContain('jr_2222');
  });

  it('a Macie finding seen again on an open alert: broadcast; no mentions once someone has it', async () => {
    const first = macieFinding('refire-finding');
    await post(first);
    const root = h.slack.messages('C0ALERTS').at(-1)!;
    await clickAt(h, clock, root, 'klaxon_ack');
    await waitForAudits(h, 'U0ALICE', 2);
    // Macie reports a recurrence as the same finding with its count raised.
    await post({ ...first, detail: { ...first.detail, count: first.detail.count + 1 } });
    const broadcasts = broadcastsOf(h, root);
    expect(broadcasts).toHaveLength(1);
    expect(broadcasts[0]!.text).toContain('Fired again');
    expect(broadcasts[0]!.text).not.toContain('<!here>');
  });
});
