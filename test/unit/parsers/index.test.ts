import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnsNotification, type SnsNotificationInput } from '../../../src/core/parsers/index.ts';

const fixturesDir = new URL('../../fixtures/', import.meta.url);
const fixtureText = (path: string) => readFileSync(new URL(path, fixturesDir), 'utf8');
const notificationOf = (message: string): SnsNotificationInput => ({
  messageId: 'c1c0ffee-0000-4000-8000-000000000006',
  topicArn: 'arn:aws:sns:us-east-1:123456789012:alerts',
  message,
  timestamp: '2024-01-01T00:00:00.000Z',
});

/** Which source each fixture must produce; a new fixture without an entry fails the suite. */
const expectedSources: Record<string, string> = {
  'alarm-state-change-anomaly-detection': 'cloudwatch-alarm',
  'alarm-state-change-composite': 'cloudwatch-alarm',
  'alarm-state-change-metric-math': 'cloudwatch-alarm',
  'alarm-state-change-single-metric': 'cloudwatch-alarm',
  'backup-job-aborted': 'backup',
  'backup-job-completed': 'backup',
  'backup-job-created': 'backup',
  'backup-job-expired': 'backup',
  'backup-job-failed': 'backup',
  'backup-job-pending': 'backup',
  'backup-job-running': 'backup',
  'backup-plan-modified': 'generic',
  'cloudtrail-api-call-create-bucket': 'cloudtrail',
  'cloudtrail-console-sign-in-failed': 'cloudtrail',
  'cloudtrail-console-sign-in-root': 'cloudtrail',
  'cloudtrail-insight-start': 'cloudtrail',
  'cloudtrail-insight-end': 'cloudtrail',
  'emr-cluster-terminated': 'emr',
  'emr-cluster-terminated-with-errors': 'emr',
  'emr-cluster-waiting': 'emr',
  'emr-step-cancelled': 'emr',
  'emr-step-completed': 'emr',
  'emr-step-failed': 'emr',
  'emr-step-pending': 'emr',
  'emr-step-running': 'emr',
  'glue-job-failed': 'glue',
  'glue-job-run-status-running': 'glue',
  'glue-job-stopped': 'glue',
  'glue-job-succeeded': 'glue',
  'glue-job-timeout': 'glue',
  'guardduty-ec2': 'guardduty',
  'guardduty-iam': 'guardduty',
  'guardduty-s3': 'guardduty',
  'health-ec2-drive-degraded': 'health',
  'health-ec2-drive-degraded-ended': 'health',
  'health-elb-api-issue': 'health',
  'macie-classic-alert': 'macie',
  'macie-policy-bucket-public-read': 'macie',
  'macie-policy-encryption-disabled': 'macie',
  'macie-sensitive-data-custom-identifier': 'macie',
  'macie-sensitive-data-personal': 'macie',
  'securityhub-cis-4.1-archived': 'security-hub',
  'securityhub-cis-4.1-failed': 'security-hub',
  'securityhub-cis-4.1-label-disagrees': 'security-hub',
  'securityhub-macie-sensitive-data-personal': 'security-hub',
  'finding-sensitive-data-personal': 'macie',
  'findings-array': 'macie',
  'securityhub-s3.2-resolved': 'security-hub',
};

const messageFixtures = ['cloudwatch', 'eventbridge', 'macie'].flatMap((dir) =>
  readdirSync(new URL(`${dir}/`, fixturesDir)).map((file) => `${dir}/${file}`),
);

describe('parseSnsNotification', () => {
  it.each(messageFixtures)('parses %s with its own parser, keeping the message whole in raw', (path) => {
    // Prepare
    const message = fixtureText(path);
    const name = path.split('/')[1]?.replace(/\.json$/, '') ?? '';
    const expected = path.startsWith('cloudwatch/') ? 'cloudwatch-alarm' : expectedSources[name];

    // Act
    const alert = parseSnsNotification(notificationOf(message));

    // Assess
    expect(alert.source).toBe(expected);
    expect(alert.raw).toEqual(JSON.parse(message));
    expect(alert.fields.map((field) => field.label)).not.toContain('Parser note');
    expect(Number.isNaN(Date.parse(alert.occurredAt))).toBe(false);
    expect(alert.key.startsWith(`${alert.source}:`)).toBe(true);
  });

  it('refuses a look-alike detail-type from a source other than AWS, saying so', () => {
    // Prepare
    const event = JSON.parse(fixtureText('eventbridge/glue-job-failed.json'));
    event.source = 'my.app';

    // Act
    const alert = parseSnsNotification(notificationOf(JSON.stringify(event)));

    // Assess
    expect(alert.source).toBe('generic');
    expect(alert.glueRun).toBeUndefined();
    expect(alert.fields).toContainEqual({
      label: 'Parser note',
      value: 'Glue Job State Change from my.app, not aws.glue',
    });
  });

  it('does not mistake a detail-type named like an Object property for a parser', () => {
    // Prepare
    const event = { 'detail-type': 'constructor', source: 'aws.test', detail: {} };

    // Act
    const alert = parseSnsNotification(notificationOf(JSON.stringify(event)));

    // Assess
    expect(alert).toMatchObject({ source: 'generic', name: 'constructor' });
  });

  it.each([
    ['not JSON at all', '{"AlarmName": '],
    ['a JSON array', '[1, 2, 3]'],
    ['JSON null', 'null'],
    ['an envelope whose detail-type is not a string', '{"detail-type": 7, "source": "aws.glue"}'],
  ])('never throws on %s and returns a generic alert', (_what, message) => {
    // Prepare
    const input = notificationOf(message);

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert.source).toBe('generic');
    expect(alert.summary.length).toBeGreaterThan(0);
  });

  it('ships SNS envelope samples whose Message is a string, for the signature tests', () => {
    // Prepare
    const samples = ['sns/notification.json', 'sns/subscription-confirmation.json'].map((path) =>
      JSON.parse(fixtureText(path)),
    );

    // Act
    const types = samples.map((sample) => sample.Type);

    // Assess
    expect(types).toEqual(['Notification', 'SubscriptionConfirmation']);
    for (const sample of samples) expect(typeof sample.Message).toBe('string');
  });

  it.each([
    ['an unreadable', 'yesterday-ish'],
    ['an empty', ''],
  ])('dates an alarm with %s StateChangeTime by when SNS received it', (_what, stateChangeTime) => {
    // Prepare
    const alarm = JSON.parse(fixtureText('cloudwatch/alarm-single-metric.json'));
    const input = {
      ...notificationOf(JSON.stringify({ ...alarm, StateChangeTime: stateChangeTime })),
      timestamp: '2024-05-06T07:08:09.123Z',
    };

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert.source).toBe('cloudwatch-alarm');
    expect(alert.occurredAt).toBe('2024-05-06T07:08:09.123Z');
  });
});
