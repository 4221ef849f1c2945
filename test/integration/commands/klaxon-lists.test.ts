import { beforeAll, describe, expect, it } from 'vitest';
import { alertIdOf, type NormalizedAlert } from '../../../src/model/alert.ts';
import type { AlertRecord, MuteRecord } from '../../../src/model/records.ts';
import {
  channelId,
  createRestartableClock,
  postSlashCommand,
  shownText,
  useCommandHarness,
  waitForResponses,
} from './slash-command-kit.ts';

const clock = createRestartableClock();
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function openAlert(jobName: string, extra: Partial<AlertRecord> = {}): AlertRecord {
  const alert: NormalizedAlert = {
    source: 'glue',
    key: `glue:${jobName}`,
    name: jobName,
    title: `Glue job ${jobName} failed`,
    state: 'firing',
    stateLabel: 'FAILED',
    severity: 'high',
    occurredAt: minutesAgo(5),
    summary: 'Command failed with exit code 1',
    fields: [],
    resolvableByEvent: true,
    raw: {},
  };
  return {
    alertId: alertIdOf(alert.key),
    alertKey: alert.key,
    status: 'open',
    alert,
    episode: 1,
    version: 1,
    channel: 'C0ALERTS',
    mentions: [],
    ts: '1700000000.000100',
    firstFiredAt: minutesAgo(125),
    lastFiredAt: minutesAgo(5),
    timesFired: 3,
    lastStateLabel: 'FAILED',
    rootRefreshedAt: 0,
    mutedCount: 0,
    reruns: [],
    outbox: [],
    outboxSeq: 0,
    ...extra,
  };
}

async function muteAlert(record: AlertRecord, until: string | undefined, reason?: string) {
  const mute: MuteRecord = {
    alertId: record.alertId,
    alertKey: record.alertKey,
    ...(until ? { until } : {}),
    ...(reason ? { reason } : {}),
    by: { userId: 'U0ALICE', userName: 'alice' },
    at: minutesAgo(30),
    channel: record.channel,
    title: record.alert.title,
  };
  const next = { ...record, version: record.version + 1 };
  const change = { next, steps: [], startMute: mute };
  expect(
    await h.store.alerts.commit({ alertId: record.alertId, expectedVersion: record.version, change }),
  ).toBe('committed');
}

const h = useCommandHarness({}, { clock });
beforeAll(async () => {
  const acknowledged = openAlert('nightly-load', {
    acknowledged: { userId: 'U0ALICE', userName: 'alice', at: minutesAgo(60) },
  });
  const fresh = openAlert('hourly-export', { timesFired: 1, firstFiredAt: minutesAgo(2) });
  const lapsed = openAlert('weekly-report');
  for (const record of [acknowledged, fresh, lapsed])
    expect(
      await h.store.alerts.commit({
        alertId: record.alertId,
        expectedVersion: 0,
        change: { next: record, steps: [] },
      }),
    ).toBe('committed');
  await muteAlert(acknowledged, new Date(Date.now() + 90 * 60_000).toISOString(), 'known upstream outage');
  await muteAlert(fresh, undefined);
  await muteAlert(lapsed, minutesAgo(1));
});

describe('/klaxon alerts and /klaxon mutes', () => {
  it('lists open alerts with state, age, times fired and who acknowledged', async () => {
    const command = await postSlashCommand(h, 'alerts');
    const [answer] = await waitForResponses(h, command.responseId, 1);

    const shown = shownText(answer!);
    expect(answer!.body.text).toBe('3 open alerts');
    expect(shown).toContain('Glue job nightly-load failed');
    expect(shown).toMatch(
      /nightly-load failed\* · FAILED · High · open 2 h 5 min · fired 3× · acknowledged by <@U0ALICE>/,
    );
    expect(shown).toMatch(
      /hourly-export failed\* · FAILED · High · open 2 min · fired 1× · _not acknowledged_/,
    );
  });

  it('lists active mutes with who set them and when they end, leaving out ended ones', async () => {
    const command = await postSlashCommand(h, 'mutes');
    const [answer] = await waitForResponses(h, command.responseId, 1);

    const shown = shownText(answer!);
    expect(answer!.body.text).toBe('2 active mutes');
    expect(shown).toMatch(/nightly-load failed\* · muted by <@U0ALICE> 30 min ago · ends in 1 h (29|30) min/);
    expect(shown).toContain('known upstream outage');
    expect(shown).toMatch(/hourly-export failed\* · muted by <@U0ALICE> 30 min ago · until resolved/);
    expect(shown).not.toContain('weekly-report');
    // Soonest end first, open-ended last.
    expect(shown.indexOf('nightly-load')).toBeLessThan(shown.indexOf('hourly-export'));
  });

  it('shares the open alerts in the channel', async () => {
    const command = await postSlashCommand(h, 'alerts share');
    const [notice] = await waitForResponses(h, command.responseId, 1);

    const [posted] = h.slack.messages(channelId);
    expect(posted!.text).toBe('3 open alerts');
    expect(JSON.stringify(posted!.blocks)).toContain('weekly-report');
    expect(notice!.body.text).toBe('Posted in the channel.');
  });
});
