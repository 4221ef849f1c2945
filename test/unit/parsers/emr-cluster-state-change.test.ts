import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnsNotification, type SnsNotificationInput } from '../../../src/core/parsers/index.ts';

const fixtureText = (path: string) =>
  readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const notificationOf = (message: string): SnsNotificationInput => ({
  messageId: 'c1c0ffee-0000-4000-8000-000000000016',
  topicArn: 'arn:aws:sns:us-east-1:123456789012:emr',
  message,
  timestamp: '2016-12-16T21:00:30.000Z',
});
const eventOf = (name: string) => notificationOf(fixtureText(`eventbridge/${name}.json`));

describe('parseEmrClusterEvent (EMR Cluster State Change)', () => {
  it('raises a cluster terminated with errors as critical, with the state-change reason', () => {
    // Prepare
    const input = eventOf('emr-cluster-terminated-with-errors');

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert).toMatchObject({
      source: 'emr',
      key: 'emr:123456789012:us-east-1:cluster:j-123456789ABCD',
      name: 'Development Cluster',
      title: 'EMR cluster Development Cluster (j-123456789ABCD)',
      state: 'firing',
      stateLabel: 'TERMINATED_WITH_ERRORS',
      severity: 'critical',
      resource: 'j-123456789ABCD',
      occurredAt: '2016-12-16T21:00:23.000Z',
      resolvableByEvent: false,
      consoleUrl:
        'https://us-east-1.console.aws.amazon.com/emr/home?region=us-east-1#/clusterDetails/j-123456789ABCD',
    });
    expect(alert.summary).toContain('has terminated with errors');
    expect(alert.fields).toContainEqual({ label: 'Reason', value: 'STEP_FAILURE' });
  });

  it.each([
    ['emr-cluster-terminated', 'TERMINATED', 'USER_REQUEST: Terminated by user request'],
    ['emr-cluster-waiting', 'WAITING', undefined],
  ])('records %s (%s) without raising', (name, stateLabel, reason) => {
    const alert = parseSnsNotification(eventOf(name));

    expect(alert).toMatchObject({ source: 'emr', state: 'informational', stateLabel });
    expect(alert.fields.find((field) => field.label === 'Reason')?.value).toBe(reason);
  });

  it('raises a plain TERMINATED that EMR itself rates above INFO, at medium', () => {
    const event = JSON.parse(fixtureText('eventbridge/emr-cluster-terminated.json'));
    event.detail.severity = 'WARN';

    const alert = parseSnsNotification(notificationOf(JSON.stringify(event)));

    expect(alert).toMatchObject({ state: 'firing', severity: 'medium' });
  });
});
