import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnsNotification, type SnsNotificationInput } from '../../../src/core/parsers/index.ts';

const fixtureText = (path: string) =>
  readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const notificationOf = (message: string): SnsNotificationInput => ({
  messageId: 'c1c0ffee-0000-4000-8000-000000000002',
  topicArn: 'arn:aws:sns:us-east-1:123456789012:alerts',
  message,
  timestamp: '2019-10-02T17:04:41.000Z',
});
const eventOf = (name: string) => notificationOf(fixtureText(`eventbridge/${name}.json`));

describe('parseAlarmStateChangeEvent (CloudWatch Alarm State Change)', () => {
  it('keys the alarm by resources[0], the same key scheme as the SNS alarm action', () => {
    // Prepare
    const input = eventOf('alarm-state-change-single-metric');

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert).toMatchObject({
      source: 'cloudwatch-alarm',
      key: 'cloudwatch-alarm:arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh',
      name: 'ServerCpuTooHigh',
      state: 'firing',
      stateLabel: 'ALARM',
      severity: 'high',
      account: '123456789012',
      region: 'us-east-1',
      resource: 'AWS/EC2 CPUUtilization (InstanceId=i-12345678901234567)',
      occurredAt: '2019-10-02T17:04:40.989Z',
      resolvableByEvent: true,
      consoleUrl:
        'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/ServerCpuTooHigh',
    });
    expect(alert.fields).toEqual(
      expect.arrayContaining([
        { label: 'State', value: 'OK → ALARM' },
        { label: 'Description', value: 'Goes into alarm when server CPU utilization is too high!' },
        { label: 'Threshold', value: '50' },
      ]),
    );
  });

  it('gives the SNS form and the EventBridge form of one alarm the same key', () => {
    // Prepare
    const event = JSON.parse(fixtureText('eventbridge/alarm-state-change-single-metric.json'));
    const snsForm = JSON.parse(fixtureText('cloudwatch/alarm-single-metric.json'));
    snsForm.AlarmArn = event.resources[0];

    // Act
    const [fromEvent, fromSns] = [event, snsForm].map((message) =>
      parseSnsNotification(notificationOf(JSON.stringify(message))),
    );

    // Assess
    expect(fromEvent?.key).toBe(fromSns?.key);
  });

  it('describes a metric math alarm by the expression that returns data', () => {
    // Prepare
    const input = eventOf('alarm-state-change-metric-math');

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert.resource).toBe('e1: SUM(METRICS()) (Total Network Traffic)');
    expect(alert.fields).toContainEqual({ label: 'Expression', value: 'SUM(METRICS())' });
    expect(alert.fields).toContainEqual({ label: 'State', value: 'INSUFFICIENT_DATA → ALARM' });
  });

  it('describes an anomaly detection alarm by its metric and band, with a URL-encoded console link', () => {
    // Prepare
    const input = eventOf('alarm-state-change-anomaly-detection');

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert.resource).toBe('AWS/EC2 CPUUtilization (InstanceId=i-12345678901234567)');
    expect(alert.fields).toContainEqual({ label: 'Anomaly band', value: 'ANOMALY_DETECTION_BAND(m1, 0.8)' });
    expect(alert.consoleUrl).toMatch(/#alarmsV2:alarm\/EC2%20CPU%20Utilization%20Anomaly$/);
  });

  it('describes a composite alarm by its rule and the triggering alarms in reasonData', () => {
    // Prepare
    const input = eventOf('alarm-state-change-composite');

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert.key).toBe(
      'cloudwatch-alarm:arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServiceAggregatedAlarm',
    );
    expect(alert.resource).toBe('ALARM(ServerCpuTooHigh) OR ALARM(TotalNetworkTrafficTooHigh)');
    expect(alert.fields).toContainEqual({
      label: 'Triggering children',
      value: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh (ALARM)',
    });
  });

  it.each([
    ['OK', 'recovered', 'info'],
    ['INSUFFICIENT_DATA', 'insufficient', 'low'],
  ])('maps state %s to %s (%s)', (value, state, severity) => {
    // Prepare
    const event = JSON.parse(fixtureText('eventbridge/alarm-state-change-single-metric.json'));
    event.detail.state.value = value;

    // Act
    const alert = parseSnsNotification(notificationOf(JSON.stringify(event)));

    // Assess
    expect(alert).toMatchObject({ state, stateLabel: value, severity });
  });

  it('falls back to a readable generic alert, noting why, when detail.state is missing', () => {
    // Prepare
    const event = JSON.parse(fixtureText('eventbridge/alarm-state-change-single-metric.json'));
    delete event.detail.state;

    // Act
    const alert = parseSnsNotification(notificationOf(JSON.stringify(event)));

    // Assess
    expect(alert).toMatchObject({
      source: 'generic',
      name: 'CloudWatch Alarm State Change',
      region: 'us-east-1',
    });
    expect(alert.fields).toContainEqual({
      label: 'Parser note',
      value: expect.stringMatching(
        /CloudWatch Alarm State Change event did not match its schema \(detail\.state/,
      ),
    });
  });
});
