import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCloudWatchAlarm } from '../../../src/core/parsers/cloudwatch-alarm.ts';
import { parseSnsNotification, type SnsNotificationInput } from '../../../src/core/parsers/index.ts';

const topicArn = 'arn:aws:sns:ap-northeast-2:257706363616:alerts';
const fixtureText = (path: string) =>
  readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const notificationOf = (path: string, message = fixtureText(path)): SnsNotificationInput => ({
  messageId: 'c1c0ffee-0000-4000-8000-000000000001',
  topicArn,
  subject: 'ALARM: "EC2-CPU" in Asia Pacific (Seoul)',
  message,
  timestamp: '2021-06-23T08:41:06.700Z',
});

describe('parseCloudWatchAlarm (SNS alarm action)', () => {
  it('turns a single-metric ALARM into a high firing alert with metric, threshold and region from the ARN', () => {
    // Prepare
    const input = notificationOf('cloudwatch/alarm-single-metric.json');

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert).toMatchObject({
      source: 'cloudwatch-alarm',
      key: 'cloudwatch-alarm:arn:aws:cloudwatch:ap-northeast-2:257706363616:alarm:EC2-CPU',
      name: 'EC2-CPU',
      state: 'firing',
      stateLabel: 'ALARM',
      severity: 'high',
      account: '257706363616',
      region: 'ap-northeast-2',
      resource: 'AWS/EC2 CPUUtilization (InstanceId=i-0f672ea50a80cda4b)',
      occurredAt: '2021-06-23T08:41:06.622Z',
      occurrence: '2021-06-23T08:41:06.622+0000',
      resolvableByEvent: true,
      consoleUrl:
        'https://ap-northeast-2.console.aws.amazon.com/cloudwatch/home?region=ap-northeast-2#alarmsV2:alarm/EC2-CPU',
    });
    expect(alert.summary).toContain('was greater than the threshold (15.0)');
    expect(alert.fields).toEqual(
      expect.arrayContaining([
        { label: 'State', value: 'INSUFFICIENT_DATA → ALARM' },
        { label: 'Metric', value: 'AWS/EC2 CPUUtilization' },
        { label: 'Dimensions', value: 'InstanceId=i-0f672ea50a80cda4b' },
        { label: 'Threshold', value: 'GreaterThanThreshold 15' },
        { label: 'Region', value: 'Asia Pacific (Seoul) (ap-northeast-2)' },
      ]),
    );
    expect(alert.raw).toEqual(JSON.parse(input.message));
  });

  it.each([
    ['cloudwatch/alarm-single-metric-ok.json', 'recovered', 'OK', 'info'],
    ['cloudwatch/alarm-single-metric-insufficient-data.json', 'insufficient', 'INSUFFICIENT_DATA', 'low'],
    ['cloudwatch/alarm-anomaly-detection-ok.json', 'recovered', 'OK', 'info'],
    ['cloudwatch/alarm-composite.json', 'firing', 'ALARM', 'high'],
  ])('maps %s to state %s (%s) with severity %s', (path, state, stateLabel, severity) => {
    // Prepare
    const input = notificationOf(path);

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert).toMatchObject({ source: 'cloudwatch-alarm', state, stateLabel, severity });
  });

  it('keeps the same key for every state of one alarm, so OK resolves the ALARM', () => {
    // Prepare
    const paths = ['alarm-single-metric', 'alarm-single-metric-ok', 'alarm-single-metric-insufficient-data'];

    // Act
    const keys = paths.map((path) => parseSnsNotification(notificationOf(`cloudwatch/${path}.json`)).key);

    // Assess
    expect(new Set(keys).size).toBe(1);
  });

  it('describes a metric math alarm by its expression and its metrics', () => {
    // Prepare
    const input = notificationOf('cloudwatch/alarm-metric-math.json');

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert.resource).toBe('e1: m1*1 (Expression1)');
    expect(alert.fields).toEqual(
      expect.arrayContaining([
        { label: 'Expression', value: 'm1*1' },
        {
          label: 'Metrics',
          value: 'e1: m1*1 (Expression1)\nm1: AWS/EC2 NetworkOut (InstanceId=TestInstance) Average/60s',
        },
        { label: 'Threshold', value: 'GreaterThanThreshold 0' },
      ]),
    );
  });

  it('describes an anomaly detection alarm by the measured metric and its band', () => {
    // Prepare
    const input = notificationOf('cloudwatch/alarm-anomaly-detection-ok.json');

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert.resource).toBe(
      'ContainerInsights pod_cpu_utilization (ClusterName=cloudone-dev-v1-eks-cluster)',
    );
    expect(alert.fields).toEqual(
      expect.arrayContaining([
        { label: 'Anomaly band', value: 'ANOMALY_DETECTION_BAND(m1, 0.592)' },
        { label: 'Threshold', value: 'LessThanLowerOrGreaterThanUpperThreshold' },
      ]),
    );
    expect(alert.fields.map((field) => field.label)).not.toContain('Expression');
  });

  it('describes a composite alarm by its rule and the children that triggered it', () => {
    // Prepare
    const input = notificationOf('cloudwatch/alarm-composite.json');

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    const child =
      'arn:aws:cloudwatch:us-east-1:427809481713:alarm:if-sim-app_427809481713_us-east-1-metric_emitting_node_failure';
    expect(alert.region).toBe('us-east-1');
    expect(alert.resource).toMatch(/^ALARM\(arn:aws:cloudwatch:us-east-1:.* OR ALARM\(/);
    expect(alert.fields).toEqual(
      expect.arrayContaining([
        { label: 'State', value: 'OK → ALARM' },
        { label: 'Triggering children', value: `${child} (ALARM)` },
      ]),
    );
  });

  it('takes no region from an ARN without a region code, and then offers no console link', () => {
    // Prepare
    const input = notificationOf('cloudwatch/alarm-single-metric-placeholder-arn.json');

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert.region).toBeUndefined();
    expect(alert.consoleUrl).toBeUndefined();
    expect(alert.key).toBe('cloudwatch-alarm:arn:aws:cloudwatch:REGION:ACCOUNT_NUMBER:alarm:EXAMPLE');
    expect(alert.account).toBe('123456789012');
  });

  it('never reads the display name in Region as a region code', () => {
    // Prepare
    const message = JSON.parse(fixtureText('cloudwatch/alarm-single-metric.json'));
    delete message.AlarmArn;

    // Act
    const alert = parseSnsNotification(notificationOf('unused', JSON.stringify(message)));

    // Assess
    expect(alert.region).toBeUndefined();
    expect(alert.key).toBe('cloudwatch-alarm:257706363616:Asia Pacific (Seoul):EC2-CPU');
  });

  it('encodes the alarm name in the console link', () => {
    // Prepare
    const message = JSON.parse(fixtureText('cloudwatch/alarm-single-metric.json'));
    message.AlarmName = 'RDS Prod - CPU Util/50%';

    // Act
    const alert = parseSnsNotification(notificationOf('unused', JSON.stringify(message)));

    // Assess
    expect(alert.consoleUrl).toMatch(/#alarmsV2:alarm\/RDS%20Prod%20-%20CPU%20Util%2F50%25$/);
  });

  it('refuses a message whose fields have the wrong types, saying which', () => {
    // Prepare
    const payload = { AlarmName: 'x', NewStateValue: 42 };

    // Act
    const result = parseCloudWatchAlarm(payload, notificationOf('unused', JSON.stringify(payload)));

    // Assess
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('NewStateValue') });
  });

  it('falls back to a generic alert that notes why when the alarm message is malformed', () => {
    // Prepare
    const input = notificationOf('unused', JSON.stringify({ AlarmName: 'x', NewStateValue: 42 }));

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert.source).toBe('generic');
    expect(alert.fields).toContainEqual({
      label: 'Parser note',
      value: expect.stringContaining('CloudWatch alarm message did not match its schema'),
    });
  });
});
