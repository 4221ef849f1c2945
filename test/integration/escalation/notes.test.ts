import { describe, expect, it } from 'vitest';
import { useHarness } from '../../helpers/klaxon-harness.ts';
import {
  clickButton,
  fireAlarmWithId,
  openAppHome,
  rootOf,
  submitView,
  waitForAudits,
} from '../buttons/slack-requests.ts';
import { postSlashCommand, shownText, waitForResponses } from '../commands/slash-command-kit.ts';

const h = useHarness({
  permissions: { acknowledge: { users: ['U0NOTER', 'U0OTHER'] } },
});
const noter = { userId: 'U0NOTER', userName: 'noter' };
const text = (value: string) => ({ note: { text: { type: 'plain_text_input', value } } });

async function openNoteModal(root: Parameters<typeof clickButton>[1], who = noter) {
  const before = h.slack.views().length;
  await clickButton(h, root, 'klaxon_note', who);
  await h.slack.waitForCalls('views.open', 1);
  return h.slack.views()[before]!;
}

describe('notes on an alert', () => {
  it('Add note opens a modal; the note is posted in the thread, stored, shown and audited', async () => {
    const { root, alertId } = await fireAlarmWithId(h, 'Noted-CPU');
    const modal = await openNoteModal(root);
    expect(modal.view.callback_id).toBe('klaxon_note');

    const empty = await submitView(h, modal, text('   '), noter);
    expect(JSON.parse(empty.text)).toMatchObject({
      response_action: 'errors',
      errors: { note: expect.any(String) },
    });

    const done = await submitView(h, modal, text('Restarted the <primary> DB, watching'), noter);
    expect(done.status).toBe(200);
    const [audit] = await waitForAudits(h, noter.userId, 1);
    expect(audit).toMatchObject({ action: 'note', alertId, result: 'ok' });

    const reply = rootOf(h, 'Noted-CPU').replies.at(-1)!;
    expect(reply.text).toContain('added a note');
    expect(JSON.stringify(reply.blocks)).toContain('Restarted the &lt;primary&gt; DB, watching');
    const { record } = await h.store.alerts.loadAlert(alertId);
    expect(record?.latestNote).toMatchObject({
      userId: noter.userId,
      text: 'Restarted the <primary> DB, watching',
    });
    expect(record?.noteCount).toBe(1);

    const command = await postSlashCommand(h, 'alerts');
    const [answer] = await waitForResponses(h, command.responseId, 1);
    expect(shownText(answer!)).toContain('Restarted the &lt;primary&gt; DB, watching');

    await openAppHome(h, noter.userId);
    await h.slack.waitForCalls('views.publish', 1);
    const home = JSON.stringify(h.slack.views().find((v) => v.user_id === noter.userId)!.view);
    expect(home).toContain('Restarted the &lt;primary&gt; DB, watching');
  });

  it('needs the right to acknowledge: a refusal opens no modal and is audited', async () => {
    const { root, alertId } = await fireAlarmWithId(h, 'Noted-Refused');
    const mallory = { userId: 'U0MALLORY', userName: 'mallory' };
    await clickButton(h, root, 'klaxon_note', mallory);
    const [refusal] = await waitForAudits(h, mallory.userId, 1);
    expect(refusal).toMatchObject({ action: 'note', alertId, result: 'refused' });
    expect(h.slack.callsTo('views.open')).toHaveLength(0);
  });
});
