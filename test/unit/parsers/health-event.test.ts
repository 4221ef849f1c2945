import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnsNotification, type SnsNotificationInput } from '../../../src/core/parsers/index.ts';

const fixtureText = (path: string) =>
  readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const notificationOf = (message: string): SnsNotificationInput => ({
  messageId: 'c1c0ffee-0000-4000-8000-000000000013',
  topicArn: 'arn:aws:sns:us-west-2:123456789012:health',
  message,
  timestamp: '2016-06-05T06:28:00.000Z',
});
const eventOf = (name: string) => notificationOf(fixtureText(`eventbridge/${name}.json`));
const withDetail = (name: string, change: (detail: Record<string, unknown>) => void) => {
  const event = JSON.parse(fixtureText(`eventbridge/${name}.json`));
  change(event.detail);
  return notificationOf(JSON.stringify(event));
};
const degradedArn =
  'arn:aws:health:us-west-2::event/AWS_EC2_INSTANCE_STORE_DRIVE_PERFORMANCE_DEGRADED_90353408594353980';

describe('parseHealthEvent (AWS Health Event)', () => {
  it('raises an open issue: service, event type, category, affected entities, start', () => {
    // Prepare
    const input = eventOf('health-ec2-drive-degraded');

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert).toMatchObject({
      source: 'health',
      key: `health:123456789012:${degradedArn}`,
      name: 'AWS_EC2_INSTANCE_STORE_DRIVE_PERFORMANCE_DEGRADED',
      title: 'AWS Health: EC2 instance store drive performance degraded',
      state: 'firing',
      stateLabel: 'issue',
      severity: 'high',
      account: '123456789012',
      region: 'us-west-2',
      resource: 'i-abcd1111',
      occurredAt: '2016-06-05T06:27:57.000Z',
      summary: 'A description of the event will be provided here',
      resolvableByEvent: true,
      consoleUrl: `https://health.aws.amazon.com/health/home#/account/event-log?eventID=${encodeURIComponent(degradedArn)}`,
    });
    expect(alert.fields).toEqual(
      expect.arrayContaining([
        { label: 'Service', value: 'EC2' },
        { label: 'Event type', value: 'AWS_EC2_INSTANCE_STORE_DRIVE_PERFORMANCE_DEGRADED' },
        { label: 'Category', value: 'issue' },
        { label: 'Affected entities', value: 'i-abcd1111 (stage=prod, app=my-app)' },
        { label: 'Start', value: '2016-06-05T15:10:09.000Z' },
      ]),
    );
  });

  it('resolves when the same event comes back with an end time', () => {
    const raised = parseSnsNotification(eventOf('health-ec2-drive-degraded'));
    const ended = parseSnsNotification(eventOf('health-ec2-drive-degraded-ended'));

    expect(ended).toMatchObject({ key: raised.key, state: 'recovered', stateLabel: 'ended' });
    expect(ended.fields).toContainEqual({ label: 'End', value: '2016-06-05T17:40:09.000Z' });
  });

  it('reads an event that already has an end time as ended', () => {
    const alert = parseSnsNotification(eventOf('health-elb-api-issue'));

    expect(alert).toMatchObject({
      state: 'recovered',
      title: 'AWS Health: ELASTICLOADBALANCING API issue',
      region: 'ap-southeast-2',
    });
  });

  it.each([
    ['open', 'firing'],
    ['upcoming', 'firing'],
    ['closed', 'recovered'],
  ])('follows statusCode %s (%s), which wins over an end time', (statusCode, state) => {
    const input = withDetail('health-elb-api-issue', (detail) => {
      detail.statusCode = statusCode;
    });

    const alert = parseSnsNotification(input);

    expect(alert).toMatchObject({ state, stateLabel: statusCode });
  });

  it.each([
    ['scheduledChange', 'medium', true],
    ['accountNotification', 'low', false],
  ])('rates a %s as %s (resolvable by event: %s)', (category, severity, resolvable) => {
    const input = withDetail('health-ec2-drive-degraded', (detail) => {
      detail.eventTypeCategory = category;
    });

    const alert = parseSnsNotification(input);

    expect(alert).toMatchObject({ severity, resolvableByEvent: resolvable });
  });

  it('takes the impacted region from eventRegion, not the delivery region', () => {
    const input = withDetail('health-ec2-drive-degraded', (detail) => {
      detail.eventRegion = 'eu-west-1';
    });

    expect(parseSnsNotification(input).region).toBe('eu-west-1');
  });
});
