import { beforeEach, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../../src/sandbox/fake-slack-types.ts';
import { interactionBody } from '../../../src/sandbox/sign-slack-request.ts';
import { testTopicArn, useHarness } from '../../helpers/klaxon-harness.ts';
import {
  alarm,
  blockActionsPayload,
  openAppHome,
  postToSlackEndpoint,
  waitForAudits,
} from '../buttons/slack-requests.ts';
import {
  channelId,
  createRestartableClock,
  postSlashCommand,
  shownText,
  userId,
  waitForResponses,
} from '../commands/slash-command-kit.ts';

const clock = createRestartableClock();
// One clock for everything: notifications, commands, the sweep.
const h = useHarness(
  { permissions: { mute: { users: [userId, 'U0ALICE'] } } },
  { clock, commands: { clock } },
);
beforeEach(() => {
  clock.restart();
});

/** Sends an ALARM stamped with the fake clock's time; returns Klaxon's answer to SNS. */
async function fire(name: string, state: 'ALARM' | 'OK' = 'ALARM') {
  const at = new Date(clock.now());
  const message = h.signer.notification(testTopicArn, alarm(name, state, at), {
    timestamp: at.toISOString(),
  });
  return (await h.postSns(message)).body.outcome;
}

async function silence(text: string) {
  const sent = await postSlashCommand(h, `silence ${text}`);
  expect(sent.status).toBe(200);
  const [answer] = await waitForResponses(h, sent.responseId, 1);
  return shownText(answer!);
}

const summaries = () => h.slack.messages(channelId).filter((m) => m.text.includes('ended'));

/** The Expire button of a `/klaxon silences` answer, clicked in the ephemeral message Slack shows. */
function clickExpire(
  list: { body: Record<string, unknown> },
  who = { userId: 'U0ALICE', userName: 'alice' },
) {
  const blocks = list.body.blocks as Array<{ accessory?: Record<string, unknown> }>;
  const button = blocks.find((b) => b.accessory?.action_id === 'klaxon_silence_expire')!.accessory!;
  const { confirm: _confirm, ...action } = button;
  const shown = {
    ts: '1700000000.000200',
    channel: channelId,
    text: String(list.body.text),
    blocks,
  } as StoredMessage;
  const payload = blockActionsPayload(shown, action, who);
  payload.container = { ...payload.container, is_ephemeral: true };
  return postToSlackEndpoint(h, interactionBody(payload));
}

describe('Silences set ahead', () => {
  it('holds back matching alerts, lists them, and the Expire button ends them with one summary', async () => {
    expect(await silence('name=Planned-* for=2h reason=loader migration')).toContain('Silenced');
    const [announcement] = h.slack.messages(channelId);
    expect(announcement!.text).toContain('Silence set');
    expect(JSON.stringify(announcement!.blocks)).toContain('loader migration');
    expect((await h.store.audit.listByUser(userId)).map((a) => a.action)).toContain('silence.create');

    expect(await fire('Planned-Db')).toBe('silenced');
    clock.current().advance(60_000);
    // The active silences come in the alert's own BatchGetItem: holding one back costs the read and one transaction.
    const callsBefore = h.storeCalls().length;
    expect(await fire('Planned-Db')).toBe('silenced');
    expect(h.storeCalls().slice(callsBefore)).toEqual(['BatchGetItemCommand', 'TransactWriteItemsCommand']);
    expect(await fire('Unplanned-Db')).toBe('new-alert');
    expect(
      h.slack
        .messages('C0ALERTS')
        .map((m) => m.text)
        .join(),
    ).not.toContain('Planned-Db');

    const listed = await postSlashCommand(h, 'silences');
    const [list] = await waitForResponses(h, listed.responseId, 1);
    expect(shownText(list!)).toContain('name=Planned-*');
    expect((await openAppHome(h, userId)).status).toBe(200);
    const [home] = await h.slack.waitForCalls('views.publish', 1);
    expect(JSON.stringify(home!.params.view)).toContain('Active silences (1)');
    expect(JSON.stringify(home!.params.view)).toContain('name=Planned-*');

    expect((await clickExpire(list!)).status).toBe(200);
    await waitForAudits(h, 'U0ALICE', 1);
    const [summary] = summaries();
    expect(summaries()).toHaveLength(1);
    expect(JSON.stringify(summary!.blocks)).toContain(
      'held back 2 notifications from 1 alert, 1 still firing',
    );
    expect(JSON.stringify(summary!.blocks)).toContain('Planned-Db');
    expect(JSON.stringify(summary!.blocks)).toContain('ended by <@U0ALICE>');

    // Ended is ended: a second click changes nothing, and the alert posts again.
    await clickExpire(list!);
    await h.slack.waitForCalls('chat.postEphemeral', 2);
    expect(summaries()).toHaveLength(1);
    expect(await fire('Planned-Db')).toBe('new-alert');
  });

  it('runs out by time: two sweeps at once post exactly one summary', async () => {
    await silence(
      'source=cloudwatch-alarm name=Timed-* severity=high,critical,medium,low for=30m reason=patching',
    );
    expect(await fire('Timed-Cpu')).toBe('silenced');
    expect(await fire('Timed-Cpu', 'OK')).not.toBe('silenced');
    clock.current().advance(31 * 60_000);
    expect(await fire('Timed-Disk')).toBe('new-alert');

    const results = await Promise.all([h.klaxon.core.sweep(), h.klaxon.core.sweep(), h.klaxon.core.sweep()]);
    expect(results.map((r) => r.silencesEnded).reduce((a, b) => a + b)).toBe(1);
    expect(summaries()).toHaveLength(1);
    expect(JSON.stringify(summaries()[0]!.blocks)).toContain(
      'held back 1 notification from 1 alert, 0 still firing',
    );
    expect((await h.klaxon.core.sweep()).silencesEnded).toBe(0);
    expect(summaries()).toHaveLength(1);
  });

  it('posts a summary Slack refused on a later sweep, once, even with sweeps racing', async () => {
    const outageSummaries = () => summaries().filter((m) => JSON.stringify(m.blocks).includes('Outage-'));
    await silence('source=cloudwatch-alarm name=Outage-* for=30m reason=slack down');
    expect(await fire('Outage-Cpu')).toBe('silenced');
    clock.current().advance(31 * 60_000);
    h.slack.failNext('chat.postMessage', { error: 'internal_error' });

    expect((await h.klaxon.core.sweep()).silencesEnded).toBe(1);
    expect(outageSummaries()).toHaveLength(0);

    clock.current().advance(2 * 60_000);
    await Promise.all([h.klaxon.core.sweep(), h.klaxon.core.sweep()]);
    expect(outageSummaries()).toHaveLength(1);

    clock.current().advance(5 * 60_000);
    await h.klaxon.core.sweep();
    expect(outageSummaries()).toHaveLength(1);
  });

  it.each([
    ['for=2h reason=deploy', 'at least one matcher'],
    ['severity=urgent for=2h reason=deploy', '`severity=urgent` is not one of critical, high'],
    ['account=12345 for=2h reason=deploy', '`account=12345` is not a 12-digit AWS account id'],
    ['name=etl-* for=forever reason=deploy', '`for=forever`'],
    ['name=etl-* for=90d reason=deploy', 'at most 30 days'],
    ['name=etl-* reason=deploy', 'for=2h'],
    ['name=etl-* for=2h', 'Give a reason'],
    ['name=etl-* color=red for=2h reason=x', 'Unknown option `color=`'],
  ])('refuses `silence %s` with an ephemeral error naming the problem', async (text, message) => {
    const before = (await h.store.silences.listActiveSilences()).length;
    const sent = await postSlashCommand(h, `silence ${text}`);
    expect(sent.ack.response_type).toBe('ephemeral');
    expect(JSON.stringify(sent.ack)).toContain(message);
    expect(await h.store.silences.listActiveSilences()).toHaveLength(before);
  });

  it('refuses someone without the mute permission, and audits it', async () => {
    const sent = await postSlashCommand(h, 'silence name=x for=1h reason=y', { user_id: 'U0MALLORY' });
    const [answer] = await waitForResponses(h, sent.responseId, 1);
    expect(shownText(answer!)).toContain('not allowed to mute');
    const [audit] = await h.store.audit.listByUser('U0MALLORY');
    expect(audit).toMatchObject({ action: 'silence.create', result: 'refused' });
  });
});
