import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnsNotification, type SnsNotificationInput } from '../../../src/core/parsers/index.ts';

const fixtureText = (path: string) =>
  readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const notificationOf = (message: string): SnsNotificationInput => ({
  messageId: 'c1c0ffee-0000-4000-8000-000000000012',
  topicArn: 'arn:aws:sns:us-east-2:111111111111:security',
  message,
  timestamp: '2020-06-17T12:00:00.000Z',
});
const eventOf = (name: string) => notificationOf(fixtureText(`eventbridge/${name}.json`));
const withFinding = (name: string, change: (finding: Record<string, unknown>) => void) => {
  const event = JSON.parse(fixtureText(`eventbridge/${name}.json`));
  change(event.detail.findings[0]);
  return notificationOf(JSON.stringify(event));
};
const cisFindingId =
  'arn:aws:securityhub:us-east-2:111111111111:subscription/cis-aws-foundations-benchmark/v/1.2.0/4.1/finding/85668a02-4155-475b-bd1b-1a60e16b687c';

describe('parseSecurityHubFindingEvent (Security Hub Findings - Imported)', () => {
  it('raises a NEW failed finding: title, severity, product, resource, compliance, workflow', () => {
    // Prepare
    const input = eventOf('securityhub-cis-4.1-failed');

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert).toMatchObject({
      source: 'security-hub',
      key: `security-hub:arn:aws:securityhub:us-east-2::product/aws/securityhub:${cisFindingId}`,
      name: 'arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0/rule/4.1',
      title: '4.1 Ensure no security groups allow ingress from 0.0.0.0/0 to port 22',
      state: 'firing',
      stateLabel: 'NEW',
      severity: 'high',
      account: '111111111111',
      region: 'us-east-2',
      resource: 'arn:aws:ec2:us-east-2:111111111111:security-group/sg-02cfbecbc814a3c24',
      occurredAt: '2020-06-17T11:56:59.073Z',
      resolvableByEvent: true,
      runbookUrl: 'https://docs.aws.amazon.com/console/securityhub/standards-cis-4.1/remediation',
    });
    expect(alert.summary).toContain('unrestricted ingress access to port 22');
    expect(alert.fields).toEqual(
      expect.arrayContaining([
        { label: 'Severity', value: 'High (Normalized 70; Label HIGH)' },
        { label: 'Product', value: 'Security Hub (AWS)' },
        {
          label: 'Resources',
          value: 'AwsEc2SecurityGroup arn:aws:ec2:us-east-2:111111111111:security-group/sg-02cfbecbc814a3c24',
        },
        { label: 'Compliance', value: 'FAILED' },
        { label: 'Workflow', value: 'NEW' },
        { label: 'Record state', value: 'ACTIVE' },
      ]),
    );
  });

  it('uses the normalised severity when the label disagrees, and says so', () => {
    const alert = parseSnsNotification(eventOf('securityhub-cis-4.1-label-disagrees'));

    expect(alert.severity).toBe('high');
    expect(alert.fields).toContainEqual({
      label: 'Severity',
      value: 'High (Normalized 70 used; Label CRITICAL disagrees)',
    });
  });

  it('uses the label when there is no normalised severity', () => {
    const input = withFinding('securityhub-cis-4.1-failed', (finding) => {
      finding.Severity = { Label: 'MEDIUM' };
    });

    const alert = parseSnsNotification(input);

    expect(alert.severity).toBe('medium');
    expect(alert.fields).toContainEqual({ label: 'Severity', value: 'Medium (Label MEDIUM)' });
  });

  it.each([
    ['securityhub-s3.2-resolved', 'RESOLVED'],
    ['securityhub-cis-4.1-archived', 'ARCHIVED'],
  ])('resolves the alert on %s (%s)', (name, stateLabel) => {
    const alert = parseSnsNotification(eventOf(name));

    expect(alert).toMatchObject({ source: 'security-hub', state: 'recovered', stateLabel });
  });

  it('resolves on a SUPPRESSED workflow, under the same key as the NEW finding', () => {
    // Prepare
    const input = withFinding('securityhub-cis-4.1-failed', (finding) => {
      finding.Workflow = { Status: 'SUPPRESSED' };
    });

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert).toMatchObject({ state: 'recovered', stateLabel: 'SUPPRESSED' });
    expect(alert.key).toBe(parseSnsNotification(eventOf('securityhub-cis-4.1-failed')).key);
  });

  it('treats a re-observation as the same occurrence and a workflow change as news', () => {
    const first = parseSnsNotification(eventOf('securityhub-cis-4.1-failed'));
    const reobserved = parseSnsNotification(
      withFinding('securityhub-cis-4.1-failed', (finding) => {
        finding.LastObservedAt = '2020-06-18T11:57:00.872Z';
        finding.UpdatedAt = '2020-06-18T11:56:59.073Z';
      }),
    );
    const notified = parseSnsNotification(
      withFinding('securityhub-cis-4.1-failed', (finding) => {
        finding.Workflow = { Status: 'NOTIFIED' };
      }),
    );

    expect(reobserved.occurrence).toBe(first.occurrence);
    expect(notified.occurrence).not.toBe(first.occurrence);
    expect(notified.state).toBe('firing');
  });

  it('falls back to a generic alert when the event carries no finding', () => {
    const event = JSON.parse(fixtureText('eventbridge/securityhub-cis-4.1-failed.json'));
    event.detail.findings = [];

    const alert = parseSnsNotification(notificationOf(JSON.stringify(event)));

    expect(alert.source).toBe('generic');
  });
});
