import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnsNotification, type SnsNotificationInput } from '../../../src/core/parsers/index.ts';

const fixtureText = (path: string) =>
  readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const notificationOf = (message: string): SnsNotificationInput => ({
  messageId: 'c1c0ffee-0000-4000-8000-000000000015',
  topicArn: 'arn:aws:sns:us-east-1:123456789012:security',
  message,
  timestamp: '2019-10-17T10:06:00.000Z',
});
const eventOf = (name: string) => notificationOf(fixtureText(`eventbridge/${name}.json`));

describe('parseCloudTrailInsightEvent (AWS Insight via CloudTrail)', () => {
  it('raises a Start: the API, the kind of insight and the rate against its baseline', () => {
    // Prepare
    const input = eventOf('cloudtrail-insight-start');

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert).toMatchObject({
      source: 'cloudtrail',
      key: 'cloudtrail:insight:123456789012:us-east-1:12edc982-3348-4794-83d3-a3db26525049',
      name: 'ssm.amazonaws.com:UpdateInstanceAssociationStatus',
      title: 'CloudTrail Insights: unusual call rate of ssm UpdateInstanceAssociationStatus',
      state: 'firing',
      stateLabel: 'Start',
      severity: 'medium',
      account: '123456789012',
      region: 'us-east-1',
      occurredAt: '2019-10-17T10:05:00.000Z',
      summary:
        'UpdateInstanceAssociationStatus on ssm.amazonaws.com: 50.1/min against a baseline of 1.76/min',
      resolvableByEvent: true,
    });
    expect(alert.fields).toEqual(
      expect.arrayContaining([
        { label: 'Insight type', value: 'ApiCallRateInsight' },
        { label: 'Baseline average', value: '1.76/min' },
      ]),
    );
  });

  it('resolves on the End with the same shared event id, saying how long it lasted', () => {
    // Prepare
    const start = parseSnsNotification(eventOf('cloudtrail-insight-start'));

    // Act
    const end = parseSnsNotification(eventOf('cloudtrail-insight-end'));

    // Assess
    expect(end).toMatchObject({ key: start.key, state: 'recovered', stateLabel: 'End' });
    expect(end.occurrence).not.toBe(start.occurrence);
    expect(end.fields).toContainEqual({ label: 'Duration', value: '8 min' });
  });

  it('names an error-rate insight and its error code', () => {
    // Prepare
    const event = JSON.parse(fixtureText('eventbridge/cloudtrail-insight-start.json'));
    event.detail.insightDetails.insightType = 'ApiErrorRateInsight';
    event.detail.insightDetails.errorCode = 'AccessDeniedException';

    // Act
    const alert = parseSnsNotification(notificationOf(JSON.stringify(event)));

    // Assess
    expect(alert.title).toBe(
      'CloudTrail Insights: unusual error rate of ssm UpdateInstanceAssociationStatus',
    );
    expect(alert.fields).toContainEqual({ label: 'Error code', value: 'AccessDeniedException' });
  });
});
