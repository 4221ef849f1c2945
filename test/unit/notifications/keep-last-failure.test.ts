import { describe, expect, it } from 'vitest';
import { decideAlertActions } from '../../../src/core/notifications/decide-notification.ts';
import type { NormalizedAlert } from '../../../src/model/alert.ts';
import type { AlertRecord } from '../../../src/model/records.ts';
import { buildAlert } from '../render/sample-views.ts';

const now = new Date('2024-03-15T02:10:00.000Z');
const later = new Date('2024-03-15T02:40:00.000Z');
const settings = { reopenWindowMs: 30 * 60_000, rootRefreshIntervalMs: 60_000 };
const decide = (alert: NormalizedAlert, stored?: AlertRecord, at = now) =>
  decideAlertActions({
    stored,
    alert,
    route: { channel: 'C1', mentions: [] },
    messageId: 'm',
    now: at,
    settings,
  }).change!.next;

const failure = buildAlert('glueFailure', {
  headline: { text: 'Failed: AnalysisException: Path does not exist' },
});
const success = buildAlert('glueFailure', {
  state: 'recovered',
  stateLabel: 'SUCCEEDED',
  severity: 'info',
  summary: 'Job run succeeded',
  occurrence: 'jr_fedcba9876543210',
  glueRun: undefined,
  headline: { text: 'Job run succeeded' },
});

describe('the record keeps what failed', () => {
  it('remembers the failure when the alert fires', () => {
    expect(decide(failure).lastFailure).toEqual({
      stateLabel: 'FAILED',
      summary: 'AnalysisException: Path does not exist: s3://raw-bucket/2024/03/15/',
      headline: { text: 'Failed: AnalysisException: Path does not exist' },
      occurrence: 'jr_0123456789abcdef',
      at: '2024-03-15T02:10:00.000Z',
    });
  });

  it('keeps it when a success resolves the alert, whose own facts replace the alert', () => {
    const resolved = decide(success, decide(failure), later);
    expect(resolved.status).toBe('resolved');
    expect(resolved.alert.stateLabel).toBe('SUCCEEDED');
    expect(resolved.lastFailure).toMatchObject({ stateLabel: 'FAILED', occurrence: 'jr_0123456789abcdef' });
  });
});
