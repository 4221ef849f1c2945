import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnsNotification, type SnsNotificationInput } from '../../../src/core/parsers/index.ts';

const fixtureText = (path: string) =>
  readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const notificationOf = (message: string): SnsNotificationInput => ({
  messageId: 'c1c0ffee-0000-4000-8000-000000000014',
  topicArn: 'arn:aws:sns:us-east-1:444455556666:alarms',
  message,
  timestamp: '2023-08-04T12:36:16.000Z',
});
const alarmArn = 'arn:aws:cloudwatch:us-east-1:444455556666:alarm:lambda-demo-metric-alarm';

describe('parseAlarmActionPayload (what an alarm sends to a Lambda action)', () => {
  it('reads the documented metric alarm example: name, transition, metric and reason', () => {
    // Prepare
    const input = notificationOf(fixtureText('cloudwatch/alarm-action-metric.json'));

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert).toMatchObject({
      source: 'cloudwatch-alarm',
      name: 'lambda-demo-metric-alarm',
      title: 'lambda-demo-metric-alarm',
      state: 'firing',
      stateLabel: 'ALARM',
      severity: 'high',
      region: 'us-east-1',
      resource: 'AWS/Logs CallCount (InstanceId=i-12345678)',
      summary: 'test',
      resolvableByEvent: true,
    });
    expect(alert.fields).toEqual(
      expect.arrayContaining([
        { label: 'State', value: 'INSUFFICIENT_DATA → ALARM' },
        { label: 'Description', value: 'Metric Alarm to test Lambda actions' },
      ]),
    );
  });

  it('reads the documented composite alarm example: its rule and the child that tripped it', () => {
    // Prepare
    const input = notificationOf(fixtureText('cloudwatch/alarm-action-composite.json'));

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert).toMatchObject({
      source: 'cloudwatch-alarm',
      name: 'CompositeDemo.Main',
      state: 'firing',
      resource: 'ALARM(CompositeDemo.FirstChild) OR ALARM(CompositeDemo.SecondChild)',
    });
    expect(alert.fields).toContainEqual({
      label: 'Triggering children',
      value: 'arn:aws:cloudwatch:us-east-1:111122223333:alarm:CompositeDemo.FirstChild (ALARM)',
    });
  });

  it('keys the alarm like its SNS and EventBridge forms, so all three make one alert', () => {
    // Prepare
    const action = notificationOf(fixtureText('cloudwatch/alarm-action-metric-typos-fixed.json'));
    const event = JSON.parse(fixtureText('eventbridge/alarm-state-change-single-metric.json'));
    event.resources = [alarmArn];
    event.detail.alarmName = 'lambda-demo-metric-alarm';
    const sns = JSON.parse(fixtureText('cloudwatch/alarm-single-metric.json'));
    sns.AlarmArn = alarmArn;
    sns.AlarmName = 'lambda-demo-metric-alarm';

    // Act
    const fromAction = parseSnsNotification(action);
    const fromEvent = parseSnsNotification(notificationOf(JSON.stringify(event)));
    const fromSns = parseSnsNotification(notificationOf(JSON.stringify(sns)));

    // Assess
    expect(fromAction).toMatchObject({
      key: `cloudwatch-alarm:${alarmArn}`,
      account: '444455556666',
      occurredAt: '2023-08-04T12:36:15.490Z',
    });
    expect(fromEvent.key).toBe(fromAction.key);
    expect(fromSns.key).toBe(fromAction.key);
  });

  it('leaves a look-alike from another source to the generic parser, saying why', () => {
    // Prepare
    const payload = JSON.parse(fixtureText('cloudwatch/alarm-action-metric-typos-fixed.json'));
    payload.source = 'my.app';

    // Act
    const alert = parseSnsNotification(notificationOf(JSON.stringify(payload)));

    // Assess
    expect(alert.source).toBe('generic');
    expect(alert.fields).toContainEqual({
      label: 'Parser note',
      value: expect.stringContaining('CloudWatch alarm action payload did not match its schema (source'),
    });
  });
});
