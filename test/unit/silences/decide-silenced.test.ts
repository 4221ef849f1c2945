import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.ts';
import { decideAlertActions } from '../../../src/core/notifications/decide-notification.ts';
import { findAlertSilence } from '../../../src/core/silences/find-silence.ts';
import type { NormalizedAlert } from '../../../src/model/alert.ts';
import type { ActiveSilence } from '../../../src/model/silence.ts';
import { sampleRecord } from '../buttons/sample-record.ts';
import { saturdayNightWindow } from './saturday-window.ts';

const now = new Date('2026-03-07T23:30:00.000Z');

function alert(state: NormalizedAlert['state'], extra: Partial<NormalizedAlert> = {}): NormalizedAlert {
  return {
    source: 'cloudwatch-alarm',
    key: 'cloudwatch-alarm:arn:x',
    name: 'etl-orders',
    title: 'etl-orders',
    state,
    stateLabel: state === 'recovered' ? 'OK' : 'ALARM',
    severity: state === 'recovered' ? 'info' : 'high',
    account: '123456789012',
    region: 'eu-central-1',
    occurredAt: now.toISOString(),
    summary: 'reason',
    fields: [],
    resolvableByEvent: true,
    raw: {},
    ...extra,
  };
}

const settings = { reopenWindowMs: 30 * 60_000, rootRefreshIntervalMs: 60_000 };
const route = { channel: 'C1', mentions: ['<!here>'] };
const silence: ActiveSilence = {
  silenceId: 's1',
  matchers: { name: 'etl-*', severity: ['high', 'critical'] },
  endsAt: '2026-03-08T01:00:00.000Z',
  reason: 'loader migration',
};

describe('silences in the decision', () => {
  it('holds back a firing alert: recorded, nothing posted, the alert untouched', () => {
    const decision = decideAlertActions({
      alert: alert('firing'),
      silence,
      route,
      messageId: 'm',
      now,
      settings,
    });
    expect(decision).toEqual({ outcome: 'silenced' });
  });

  it('lets a recovery of an alert already in the channel through', () => {
    const stored = sampleRecord({ status: 'open', ts: '1.2' });
    const decision = decideAlertActions({
      stored,
      alert: alert('recovered'),
      silence,
      route,
      messageId: 'm',
      now,
      settings,
    });
    expect(decision.outcome).toBe('recovered');
  });

  it('matches by the route matchers, ignoring severity for a recovery, and only until its end', () => {
    const config = parseConfig({}, 'test');
    expect(findAlertSilence(config, [silence], alert('firing'), now)).toBe(silence);
    expect(findAlertSilence(config, [silence], alert('recovered'), now)).toBe(silence);
    expect(findAlertSilence(config, [silence], alert('firing', { severity: 'low' }), now)).toBeUndefined();
    expect(findAlertSilence(config, [silence], alert('firing', { name: 'api-5xx' }), now)).toBeUndefined();
    expect(
      findAlertSilence(config, [silence], alert('firing'), new Date('2026-03-08T01:00:00.000Z')),
    ).toBeUndefined();
  });

  it('treats an open maintenance window as a silence with a deterministic id', () => {
    const config = parseConfig(
      {
        maintenanceWindows: [saturdayNightWindow],
      },
      'test',
    );
    expect(findAlertSilence(config, [], alert('firing'), now)).toMatchObject({
      silenceId: 'window:sat:2026-03-07T21:00:00.000Z',
      endsAt: '2026-03-08T01:00:00.000Z',
    });
    expect(
      findAlertSilence(config, [], alert('firing'), new Date('2026-03-08T01:00:00.000Z')),
    ).toBeUndefined();
  });
});
