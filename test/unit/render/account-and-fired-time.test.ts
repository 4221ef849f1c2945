import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.ts';
import { decideAlertActions } from '../../../src/core/notifications/decide-notification.ts';
import { renderAlertMessage } from '../../../src/render/alert-message.ts';
import { alertViewOf } from '../../../src/render/alert-view-of.ts';
import { renderAppHome } from '../../../src/render/app-home.ts';
import { describeFiredAt } from '../../../src/render/fired-time.ts';
import { renderOpenAlerts } from '../../../src/render/open-alerts.ts';
import { renderBlocksAsPlainText } from '../../../src/render/plain-text.ts';
import { sampleRecord, t0 } from '../buttons/sample-record.ts';
import { buildAlert } from './sample-views.ts';

const accounts = { '123456789012': 'prod-data' };
/** The sample alarm (account 123456789012) as stored after its first notification. */
const alarmRecord = (overrides: Parameters<typeof sampleRecord>[0] = {}) =>
  sampleRecord({ alert: buildAlert('cloudwatchAlarm'), ...overrides });

describe('account names', () => {
  it('are validated in the configuration: 12-digit ids to names', () => {
    expect(parseConfig({ accounts }, 'test').accounts).toEqual(accounts);
    expect(parseConfig({}, 'test').accounts).toEqual({});
    expect(() => parseConfig({ accounts: { '1234': 'short' } }, 'test')).toThrow(/accounts/);
    expect(() => parseConfig({ accounts: { '123456789012': '' } }, 'test')).toThrow();
  });

  it('show in the root message (Account field and notification text) when the account has one', () => {
    const view = alertViewOf(alarmRecord(), undefined, t0, { accountNames: accounts });

    const message = renderAlertMessage(view);

    expect(view.accountName).toBe('prod-data');
    expect(JSON.stringify(message.blocks)).toContain('*Account*\\nprod-data (123456789012)');
    expect(message.text).toContain('HighCPU-web (prod-data)');
    expect(renderBlocksAsPlainText(message)).toMatchSnapshot();
  });

  it('leave an unnamed account as its id', () => {
    const view = alertViewOf(alarmRecord(), undefined, t0, { accountNames: { '210987654321': 'other' } });

    const message = renderAlertMessage(view);

    expect(view.accountName).toBeUndefined();
    expect(JSON.stringify(message.blocks)).toContain('*Account*\\n123456789012');
    expect(message.text).not.toContain('(other)');
  });

  it('show in the open-alerts list and the App Home', () => {
    const record = alarmRecord();

    const list = renderOpenAlerts([record], t0, 50, accounts);
    const home = renderAppHome({
      openAlerts: [record],
      activeMutes: [],
      recentActions: [],
      now: t0,
      accountNames: accounts,
    });

    expect(JSON.stringify(list.blocks)).toContain('High · prod-data · open');
    expect(JSON.stringify(home.blocks)).toContain('High · prod-data · <#C0ALERTS>');
  });
});

describe('fired time', () => {
  it("is AWS's time with how long ago, in a date token Slack keeps current", () => {
    expect(describeFiredAt('2026-11-29T19:40:00.000Z', '2026-11-29T19:40:02.000Z')).toBe(
      '<!date^1795981200^{date_short_pretty} {time}, {ago}|2026-11-29 19:40 UTC>',
    );
  });

  it('says how much later Klaxon received it, past five minutes', () => {
    const late = describeFiredAt('2026-11-29T19:40:00.000Z', '2026-11-29T20:27:00.000Z');
    const onTime = describeFiredAt('2026-11-29T19:40:00.000Z', '2026-11-29T19:45:00.000Z');

    expect(late).toMatch(/\|2026-11-29 19:40 UTC> · received 47 min later$/);
    expect(onTime).not.toContain('received');
  });

  it('falls back to the received time for records stored before the source time was kept', () => {
    expect(describeFiredAt(undefined, '2026-11-29T20:27:00.000Z')).toBe(
      '<!date^1795984020^{date_short_pretty} {time}|2026-11-29T20:27:00.000Z>',
    );
  });

  it("is kept from the firing notification (its occurredAt) and survives the recovery's", () => {
    const settings = { reopenWindowMs: 30 * 60_000, rootRefreshIntervalMs: 60_000 };
    const route = { channel: 'C1', mentions: [] };
    const firing = buildAlert('cloudwatchAlarm', { occurredAt: '2026-11-29T19:40:00.000Z' });
    const receivedLate = new Date('2026-11-29T20:27:00.000Z');
    const base = { route, messageId: 'm1', settings };
    const opened = decideAlertActions({ ...base, alert: firing, now: receivedLate }).change!.next;
    const recovery = {
      ...firing,
      state: 'recovered',
      stateLabel: 'OK',
      occurredAt: '2026-11-29T20:30:00.000Z',
    } as const;
    const resolved = decideAlertActions({ ...base, stored: opened, alert: recovery, now: receivedLate })
      .change!.next;

    const fields = JSON.stringify(renderAlertMessage(alertViewOf(resolved, undefined, receivedLate)).blocks);

    expect(opened.lastFiredSourceAt).toBe('2026-11-29T19:40:00.000Z');
    expect(resolved.lastFiredSourceAt).toBe('2026-11-29T19:40:00.000Z');
    expect(fields).toContain(
      '*Fired*\\n<!date^1795981200^{date_short_pretty} {time}, {ago}|2026-11-29 19:40 UTC> · received 47 min later',
    );
  });
});
