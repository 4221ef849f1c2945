import { describe, expect, it } from 'vitest';
import {
  type DecisionInput,
  decideAlertActions,
} from '../../../src/core/notifications/decide-notification.ts';
import type { NormalizedAlert } from '../../../src/model/alert.ts';
import type { AlertRecord, MuteRecord } from '../../../src/model/records.ts';

const now = new Date('2026-11-25T12:00:00.000Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

function alert(stateLabel: string, extra: Partial<NormalizedAlert> = {}): NormalizedAlert {
  const state =
    stateLabel === 'OK' ? 'recovered' : stateLabel === 'INSUFFICIENT_DATA' ? 'insufficient' : 'firing';
  return {
    source: 'cloudwatch-alarm',
    key: 'cloudwatch-alarm:arn:x',
    name: 'CPU',
    title: 'CPU high',
    state,
    stateLabel,
    severity: 'high',
    occurredAt: now.toISOString(),
    summary: 'reason',
    fields: [],
    resolvableByEvent: true,
    raw: {},
    ...extra,
  };
}

function input(incoming: NormalizedAlert, stored?: AlertRecord, mute?: MuteRecord, at = now): DecisionInput {
  return {
    stored,
    mute,
    alert: incoming,
    route: { channel: 'C1', mentions: ['<!here>'] },
    messageId: 'm-new',
    now: at,
    settings: { reopenWindowMs: 30 * 60_000, rootRefreshIntervalMs: 60_000 },
  };
}

/** Prepare: a stored alert in the shape the first notification leaves it. */
function opened(): AlertRecord {
  return decideAlertActions(input(alert('ALARM'))).change!.next;
}

describe('decideAlertActions', () => {
  it('opens a new alert with a root post claimed by this notification', () => {
    const decision = decideAlertActions(input(alert('ALARM')));
    expect(decision.outcome).toBe('new-alert');
    expect(decision.change!.steps).toEqual([{ kind: 'post-root' }]);
    expect(decision.change!.next).toMatchObject({
      status: 'open',
      timesFired: 1,
      episode: 1,
      version: 1,
      channel: 'C1',
    });
  });

  it('records a recovery of an unknown alert without posting', () => {
    const decision = decideAlertActions(input(alert('OK')));
    expect(decision).toMatchObject({ outcome: 'recorded-only' });
    expect(decision.change).toBeUndefined();
  });

  it('coalesces an identical repeat: counters move, no Slack step, refresh later', () => {
    const decision = decideAlertActions(input(alert('ALARM'), opened(), undefined, minutes(1)));
    expect(decision).toMatchObject({ outcome: 'coalesced', timing: { notBefore: expect.any(Number) } });
    expect(decision.change!.steps).toEqual([{ kind: 'update-root' }]);
    expect(decision.change!.next).toMatchObject({ timesFired: 2, version: 2 });
  });

  it('replies in the thread for a repeat carrying a new occurrence', () => {
    const stored = decideAlertActions(input(alert('FAILED', { occurrence: 'jr_1' }))).change!.next;
    const decision = decideAlertActions(input(alert('FAILED', { occurrence: 'jr_2' }), stored));
    expect(decision.outcome).toBe('repeat');
    expect(decision.change!.steps.map((s) => s.kind)).toEqual(['update-root', 'reply']);
  });

  it('replies and updates the root on a state change', () => {
    const decision = decideAlertActions(input(alert('INSUFFICIENT_DATA'), opened()));
    expect(decision.outcome).toBe('state-changed');
    expect(decision.change!.steps[1]).toMatchObject({
      kind: 'reply',
      reply: { kind: 'state-changed', previousStateLabel: 'ALARM' },
    });
  });

  it('resolves on recovery', () => {
    const decision = decideAlertActions(input(alert('OK'), opened(), undefined, minutes(10)));
    expect(decision.outcome).toBe('recovered');
    expect(decision.change!.next).toMatchObject({
      status: 'resolved',
      resolvedBy: 'event',
      resolvedAt: minutes(10).toISOString(),
    });
  });

  it('reopens the same message when it fires again within the reopen window', () => {
    const resolved = decideAlertActions(input(alert('OK'), opened(), undefined, minutes(10))).change!.next;
    const decision = decideAlertActions(input(alert('ALARM'), resolved, undefined, minutes(20)));
    expect(decision.outcome).toBe('reopened');
    expect(decision.change!.next).toMatchObject({ status: 'open', episode: 1, resolvedAt: undefined });
    expect(decision.change!.steps[1]).toMatchObject({ reply: { reopened: true } });
  });

  it('opens a new episode (new root post) after the reopen window', () => {
    const resolved = decideAlertActions(input(alert('OK'), opened(), undefined, minutes(10))).change!.next;
    const decision = decideAlertActions(input(alert('ALARM'), resolved, undefined, minutes(60)));
    expect(decision.outcome).toBe('new-alert');
    expect(decision.change!.next).toMatchObject({ episode: 2, timesFired: 1 });
    expect(decision.change?.next.ts).toBeUndefined();
  });

  it('records but does not post while muted', () => {
    const mute: MuteRecord = {
      alertId: 'a',
      alertKey: 'k',
      until: minutes(60).toISOString(),
      by: { userId: 'U1' },
      at: now.toISOString(),
      channel: 'C1',
      title: 't',
    };
    const decision = decideAlertActions(input(alert('INSUFFICIENT_DATA'), opened(), mute));
    expect(decision).toMatchObject({ outcome: 'muted' });
    expect(decision.change!.steps).toEqual([]);
    expect(decision.change!.next).toMatchObject({ mutedCount: 1, mutedLastState: 'INSUFFICIENT_DATA' });
  });

  it('ignores an expired mute (expiry is read, not waited for)', () => {
    const mute: MuteRecord = {
      alertId: 'a',
      alertKey: 'k',
      until: minutes(-1).toISOString(),
      by: { userId: 'U1' },
      at: now.toISOString(),
      channel: 'C1',
      title: 't',
    };
    expect(decideAlertActions(input(alert('INSUFFICIENT_DATA'), opened(), mute)).outcome).toBe(
      'state-changed',
    );
  });

  it('ends a mute "until resolved" on recovery with one summary', () => {
    const mute: MuteRecord = {
      alertId: 'a',
      alertKey: 'k',
      by: { userId: 'U1' },
      at: now.toISOString(),
      channel: 'C1',
      title: 't',
    };
    const counted = { ...opened(), mutedCount: 11 };
    const decision = decideAlertActions(input(alert('OK'), counted, mute));
    expect(decision.change!.endMute).toBeDefined();
    expect(decision.change!.next).toMatchObject({ status: 'resolved', mutedCount: 0 });
    expect(decision.change!.steps.at(-1)).toMatchObject({
      reply: { kind: 'mute-expired', whileMuted: { notifications: 12, lastStateLabel: 'OK' } },
    });
  });
});
