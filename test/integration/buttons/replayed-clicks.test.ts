import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../../src/sandbox/fake-slack-types.ts';
import { interactionBody, signSlackRequest } from '../../../src/sandbox/sign-slack-request.ts';
import { pollWithDeadline } from '../../../src/util/poll-with-deadline.ts';
import { signingSecret, useHarness } from '../../helpers/klaxon-harness.ts';
import {
  alice,
  blockActionsPayload,
  type Clicker,
  findElement,
  fireAlarm,
  muteChoiceBody,
  postToSlackEndpoint,
  rootOf,
  viewSubmissionBody,
  waitForAudits,
  waitForOutboxesIdle,
  waitForSlackWorkIdle,
} from './slack-requests.ts';

/**
 * A state button's replay claim is written with its audit record, not by the Slack request guard: whatever
 * the click decided (a refusal, "no change"), a replay of its signed request must still do nothing at all.
 */
const h = useHarness({ permissions: { acknowledge: { users: [alice.userId, 'U0OLIVE'] } } });

const olive: Clicker = { userId: 'U0OLIVE', userName: 'olive' };
const oscar: Clicker = { userId: 'U0OSCAR', userName: 'oscar' };

/** The same signed bytes three times, as a replay (or Slack retrying) would send them. */
async function postThreeTimes(body: string) {
  const headers = signSlackRequest(signingSecret, body);
  for (let i = 0; i < 3; i++) {
    const response = await fetch(`${h.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    });
    expect({ status: response.status, text: await response.text() }).toEqual({ status: 200, text: '' });
  }
}

describe('a state button replayed', () => {
  it('audits and answers a refused click once', async () => {
    const root = await fireAlarm(h, 'Replay-Refused');
    await postThreeTimes(interactionBody(blockActionsPayload(root, findElement(root, 'klaxon_ack'), oscar)));
    await waitForAudits(h, oscar.userId, 1);
    await waitForSlackWorkIdle(h);
    expect(await h.store.audit.listByUser(oscar.userId)).toEqual([
      expect.objectContaining({ action: 'acknowledge', result: 'refused' }),
    ]);
    expect(h.slack.ephemerals().filter((e) => e.user === oscar.userId)).toHaveLength(1);
  });

  it('audits a click that changed nothing once', async () => {
    const root = await fireAlarm(h, 'Replay-NoChange');
    const ack = findElement(root, 'klaxon_ack');
    await postThreeTimes(interactionBody(blockActionsPayload(root, ack, alice)));
    await waitForAudits(h, alice.userId, 1);
    await postThreeTimes(interactionBody(blockActionsPayload(root, ack, olive)));
    await waitForAudits(h, olive.userId, 1);
    await waitForSlackWorkIdle(h);
    expect(await h.store.audit.listByUser(alice.userId)).toHaveLength(1);
    expect(await h.store.audit.listByUser(olive.userId)).toEqual([
      expect.objectContaining({ action: 'acknowledge', result: 'ok', detail: 'no change' }),
    ]);
  });

  it('mutes once for a Mute menu choice', async () => {
    const root = await fireAlarm(h, 'Replay-Mute');
    const updates = h.slack.callsTo('chat.update').length;
    await postThreeTimes(muteChoiceBody(root, '1 hour', olive));
    await waitForAudits(h, olive.userId, 2);
    await waitForSlackWorkIdle(h);
    const mutes = (await h.store.audit.listByUser(olive.userId)).filter((a) => a.action === 'mute');
    expect(mutes).toEqual([expect.objectContaining({ result: 'ok' })]);
    expect(h.slack.callsTo('chat.update')).toHaveLength(updates + 1);
  });

  it('adds one note for a note submitted once and replayed', async () => {
    const root = await fireAlarm(h, 'Replay-Note');
    await postToSlackEndpoint(
      h,
      interactionBody(blockActionsPayload(root, findElement(root, 'klaxon_note'), alice)),
    );
    const opened = (await h.slack.waitForCalls('views.open', 1)) && h.slack.views().at(-1)!;
    const note = { note: { text: { type: 'plain_text_input', value: 'Looking at it' } } };
    await postThreeTimes(viewSubmissionBody(opened, note, alice));
    await pollWithDeadline(
      async () => rootOf(h, 'Replay-Note').replies,
      (replies): replies is StoredMessage[] => replies.length > 0,
      { timeoutMs: 8_000, intervalMs: 20 },
    );
    await waitForSlackWorkIdle(h);
    await waitForOutboxesIdle(h);
    expect(rootOf(h, 'Replay-Note').replies.filter((r) => r.text.includes('added a note'))).toHaveLength(1);
    const notes = (await h.store.audit.listByUser(alice.userId)).filter((a) => a.action === 'note');
    expect(notes).toHaveLength(1);
  });
});
