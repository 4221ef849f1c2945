import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnsNotification, type SnsNotificationInput } from '../../../src/core/parsers/index.ts';

const fixtureText = (path: string) =>
  readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const notificationOf = (message: string): SnsNotificationInput => ({
  messageId: 'c1c0ffee-0000-4000-8000-000000000005',
  topicArn: 'arn:aws:sns:us-east-1:123456789012:emr',
  message,
  timestamp: '2016-12-16T20:53:10.000Z',
});
const eventOf = (name: string) => notificationOf(fixtureText(`eventbridge/${name}.json`));

describe('parseEmrStepEvent (EMR Step Status Change)', () => {
  it('raises a FAILED step as high, not resolvable by a later event, linked to its cluster', () => {
    // Prepare
    const input = eventOf('emr-step-failed');

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert).toMatchObject({
      source: 'emr',
      key: 'emr:123456789012:us-east-1:j-123456789ABCD:CustomJAR',
      name: 'CustomJAR',
      state: 'firing',
      stateLabel: 'FAILED',
      severity: 'high',
      region: 'us-east-1',
      resource: 'j-123456789ABCD / s-ZYXWVUTSRQPON',
      occurrence: 's-ZYXWVUTSRQPON',
      occurredAt: '2016-12-16T20:53:09.000Z',
      resolvableByEvent: false,
      consoleUrl:
        'https://us-east-1.console.aws.amazon.com/emr/home?region=us-east-1#/clusterDetails/j-123456789ABCD',
    });
    expect(alert.summary).toContain('failed at 2016-12-16 20:53 UTC');
    expect(alert.fields).toContainEqual({ label: 'Action on failure', value: 'CONTINUE' });
  });

  it.each([
    ['emr-step-completed', 'recovered', 'info'],
    ['emr-step-running', 'informational', 'info'],
    ['emr-step-pending', 'informational', 'info'],
    ['emr-step-cancelled', 'informational', 'info'],
  ])('maps %s to %s (%s)', (name, state, severity) => {
    // Prepare
    const input = eventOf(name);

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert).toMatchObject({ source: 'emr', state, severity, resolvableByEvent: true });
  });

  it('raises INTERRUPTED at medium: the step was stopped without anyone asking', () => {
    // Prepare
    const event = JSON.parse(fixtureText('eventbridge/emr-step-failed.json'));
    event.detail.state = 'INTERRUPTED';

    // Act
    const alert = parseSnsNotification(notificationOf(JSON.stringify(event)));

    // Assess
    expect(alert).toMatchObject({ state: 'firing', severity: 'medium', resolvableByEvent: false });
  });

  it('shares one key across the states of one step name on one cluster', () => {
    // Prepare
    const names = ['emr-step-pending', 'emr-step-running', 'emr-step-failed', 'emr-step-completed'];

    // Act
    const keys = names.map((name) => parseSnsNotification(eventOf(name)).key);

    // Assess
    expect(new Set(keys)).toEqual(new Set(['emr:123456789012:us-east-1:j-123456789ABCD:CustomJAR']));
  });

  it('falls back to a readable generic alert when clusterId is missing', () => {
    // Prepare
    const event = JSON.parse(fixtureText('eventbridge/emr-step-failed.json'));
    delete event.detail.clusterId;

    // Act
    const alert = parseSnsNotification(notificationOf(JSON.stringify(event)));

    // Assess
    expect(alert.source).toBe('generic');
    expect(alert.fields).toContainEqual({
      label: 'Parser note',
      value: expect.stringContaining(
        'EMR Step Status Change event did not match its schema (detail.clusterId',
      ),
    });
  });
});
