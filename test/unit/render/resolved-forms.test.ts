import { describe, expect, it } from 'vitest';
import { decideAlertActions } from '../../../src/core/notifications/decide-notification.ts';
import type { NormalizedAlert } from '../../../src/model/alert.ts';
import type { AlertRecord } from '../../../src/model/records.ts';
import { alertViewOf } from '../../../src/render/alert-view-of.ts';
import { BlockKitLimits, renderAlertMessage, renderBlocksAsPlainText } from '../../../src/render/index.ts';
import { alertFromFixture, awsMessageFixturePaths } from '../../helpers/fixture-alerts.ts';
import { buildAlert, sampleUser } from './sample-views.ts';

const fixturePaths = awsMessageFixturePaths();
const parseFixture = (path: string) => alertFromFixture(path, '2024-03-15T10:00:00.000Z');

const parsed = fixturePaths.map((path) => ({ path, alert: parseFixture(path) }));
const raising = parsed.filter(({ alert }) => alert.state === 'firing' || alert.state === 'insufficient');
const firedAt = new Date('2024-03-15T10:00:00.000Z');
const endedAt = new Date('2024-03-15T10:42:00.000Z');
const settings = { reopenWindowMs: 30 * 60_000, rootRefreshIntervalMs: 60_000 };

function decide(alert: NormalizedAlert, stored: AlertRecord | undefined, now: Date): AlertRecord {
  const route = { channel: 'C0ALERTS', mentions: ['<!here>'] };
  return decideAlertActions({ stored, alert, route, messageId: 'm', now, settings }).change!.next;
}

/** The record after the failure and its end: a fixture's own recovery where one exists, else a person. */
function resolvedRecordOf(alert: NormalizedAlert): AlertRecord {
  const opened = decide(alert, undefined, firedAt);
  const recovery = parsed.find((other) => other.alert.state === 'recovered' && other.alert.key === alert.key);
  if (recovery && alert.resolvableByEvent) return decide(recovery.alert, opened, endedAt);
  return { ...opened, status: 'resolved', resolvedBy: sampleUser, resolvedAt: endedAt.toISOString() };
}

describe('the resolved form of every raising fixture', () => {
  it('finds raising fixtures and some with their own recovery', () => {
    expect(raising.length).toBeGreaterThan(10);
    const withRecovery = raising.filter(({ alert }) => resolvedRecordOf(alert).resolvedBy === 'event');
    expect(withRecovery.length).toBeGreaterThan(3);
  });

  it.each(raising.map(({ path }) => path))('renders %s resolved', (path) => {
    const record = resolvedRecordOf(parseFixture(path));
    const message = renderAlertMessage(alertViewOf(record, undefined, endedAt));
    const text = renderBlocksAsPlainText(message);

    expect(message.blocks.length).toBeLessThanOrEqual(BlockKitLimits.blocksPerMessage);
    expect(text.split('\n')[0]).toContain('🟢');
    // A green message shows no severity; the failure it ended stays told.
    expect(text.split('\n')[1]).not.toMatch(/\*?(Critical|High|Medium|Low)\*? ·/);
    if (record.resolvedBy === 'event' && record.lastFailure) expect(text).toContain('— recovered');
    expect(text).toMatchSnapshot();
  });
});

describe('the resolved form of a generic notification (no AWS fixture: the sample)', () => {
  it('renders the generic sample resolved by a person', () => {
    const opened = decide(buildAlert('generic'), undefined, firedAt);
    const record: AlertRecord = {
      ...opened,
      status: 'resolved',
      resolvedBy: sampleUser,
      resolvedAt: endedAt.toISOString(),
    };
    const text = renderBlocksAsPlainText(renderAlertMessage(alertViewOf(record, undefined, endedAt)));

    expect(text.split('\n')[1]).toMatch(/^🟢 Resolved by .* after 42 min/);
    expect(text).toMatchSnapshot();
  });
});
