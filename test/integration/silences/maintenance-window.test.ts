import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../helpers/fake-clock.ts';
import { testTopicArn, useHarness } from '../../helpers/klaxon-harness.ts';
import { alarm } from '../buttons/slack-requests.ts';

// Saturday 7 March 2026, 23:30 UTC: 00:30 on Sunday in Berlin, inside SAT 22:00–02:00 Berlin (21:00Z–01:00Z).
const clock = createFakeClock(Date.parse('2026-03-07T23:30:00Z'));
const saturdayMaintenance = {
  maintenanceWindows: [
    {
      name: 'Saturday maintenance',
      schedule: { weekly: { day: 'SAT', start: '22:00', end: '02:00' } },
      timeZone: 'Europe/Berlin',
      match: { name: 'Maint-*' },
      channel: 'C0MAINT',
    },
  ],
};
const h = useHarness(saturdayMaintenance, { clock });

async function fire(name: string) {
  const at = new Date(clock.now());
  const message = h.signer.notification(testTopicArn, alarm(name, 'ALARM', at), {
    timestamp: at.toISOString(),
  });
  return (await h.postSns(message)).body.outcome;
}

describe('A maintenance window crossing midnight in Europe/Berlin', () => {
  it('holds back matching alerts while open and summarises once at its end, with two sweeps at once', async () => {
    expect(await fire('Maint-Db')).toBe('silenced');
    clock.advance(60 * 60_000); // 00:30Z, 01:30 in Berlin
    expect(await fire('Maint-Db')).toBe('silenced');
    expect(await fire('Unrelated-Db')).toBe('new-alert');
    expect((await h.klaxon.core.sweep()).windowsSummarised).toBe(0);
    expect(h.slack.messages('C0MAINT')).toHaveLength(0);

    clock.advance(31 * 60_000); // 01:01Z, 02:01 in Berlin: closed
    expect(await fire('Maint-Cache')).toBe('new-alert');
    const sweeps = await Promise.all([h.klaxon.core.sweep(), h.klaxon.core.sweep()]);
    expect(sweeps.map((s) => s.windowsSummarised).reduce((a, b) => a + b)).toBe(1);
    const [summary, ...others] = h.slack.messages('C0MAINT');
    expect(others).toHaveLength(0);
    const shown = JSON.stringify(summary!.blocks);
    expect(shown).toContain('Maintenance window Saturday maintenance ended');
    expect(shown).toContain('held back 2 notifications from 1 alert, 1 still firing');
    expect((await h.klaxon.core.sweep()).windowsSummarised).toBe(0);
  });
});

describe('A maintenance window whose end no sweep saw for days', () => {
  // Saturday 14 March 2026, 23:30 UTC: inside the Berlin window (21:00Z–01:00Z), a week after the one above.
  const lateClock = createFakeClock(Date.parse('2026-03-14T23:30:00Z'));
  const late = useHarness(saturdayMaintenance, { clock: lateClock });

  it('is still summarised, once, by the first sweep after Klaxon comes back', async () => {
    const at = new Date(lateClock.now());
    const message = late.signer.notification(testTopicArn, alarm('Maint-Queue', 'ALARM', at), {
      timestamp: at.toISOString(),
    });
    expect((await late.postSns(message)).body.outcome).toBe('silenced');

    lateClock.advance(3 * 24 * 60 * 60_000); // Klaxon was down: the next sweep runs three days after the end
    expect((await late.klaxon.core.sweep()).windowsSummarised).toBe(1);
    const [summary, ...others] = late.slack.messages('C0MAINT');
    expect(others).toHaveLength(0);
    expect(JSON.stringify(summary!.blocks)).toContain(
      'held back 1 notification from 1 alert, 1 still firing',
    );
    expect((await late.klaxon.core.sweep()).windowsSummarised).toBe(0);
  });
});
