import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnsNotification, type SnsNotificationInput } from '../../../src/core/parsers/index.ts';

const fixtureText = (path: string) =>
  readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const notificationOf = (message: string): SnsNotificationInput => ({
  messageId: 'c1c0ffee-0000-4000-8000-000000000003',
  topicArn: 'arn:aws:sns:us-east-1:123456789012:security',
  message,
  timestamp: '2024-03-11T19:47:00.000Z',
});
const eventOf = (name: string) => notificationOf(fixtureText(`eventbridge/${name}.json`));

describe('parseMacieFindingEvent (Macie Finding)', () => {
  it('reads a sensitive-data finding: bucket, object, public access and categories with counts', () => {
    // Prepare
    const input = eventOf('macie-sensitive-data-personal');

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert).toMatchObject({
      source: 'macie',
      key: 'macie:582302349248:us-east-1:4e958e42874e5e24ae7e92257cf2783e',
      name: 'SensitiveData:S3Object/Personal',
      title: 'The S3 object contains personal information.',
      state: 'firing',
      stateLabel: 'Low',
      severity: 'low',
      account: '582302349248',
      region: 'us-east-1',
      resource: 's3://testsiemplify2/Full name.xlsx',
      occurredAt: '2020-10-26T13:47:03.127Z',
      occurrence: '4e958e42874e5e24ae7e92257cf2783e#1',
      resolvableByEvent: false,
      consoleUrl:
        'https://us-east-1.console.aws.amazon.com/macie/home?region=us-east-1#findings?search=id%3D4e958e42874e5e24ae7e92257cf2783e',
    });
    expect(alert.fields).toEqual(
      expect.arrayContaining([
        { label: 'Bucket', value: 'testsiemplify2' },
        { label: 'Object', value: 'Full name.xlsx' },
        { label: 'Public access', value: 'NOT_PUBLIC' },
        { label: 'Sensitive data', value: 'PERSONAL_INFORMATION: NAME ×1' },
      ]),
    );
  });

  it('reads custom data identifier detections and a public bucket at medium severity', () => {
    // Prepare
    const input = eventOf('macie-sensitive-data-custom-identifier');

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert).toMatchObject({ severity: 'medium', stateLabel: 'Medium', account: '843257763552' });
    expect(alert.fields).toEqual(
      expect.arrayContaining([
        { label: 'Public access', value: 'PUBLIC' },
        { label: 'Custom data identifiers', value: 'Whiz ×3' },
      ]),
    );
    expect(alert.fields.map((field) => field.label)).not.toContain('Sensitive data');
  });

  it('reads a policy finding at high severity, its occurrence counting repeats', () => {
    // Prepare
    const input = eventOf('macie-policy-bucket-public-read');

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert).toMatchObject({
      key: 'macie:123456789012:us-east-1:64ed80b084b5b7b985b12345',
      name: 'Policy:IAMUser/S3BucketPublicReadAccess',
      severity: 'high',
      resource: 'amzn-s3-demo-bucket',
      occurrence: '64ed80b084b5b7b985b12345#2',
      summary: 'The S3 bucket is publicly readable.',
    });
    expect(alert.fields).toContainEqual({ label: 'Severity', value: 'High (7.4)' });
  });

  it('still makes an alert from a finding without resourcesAffected (the EventBridge guide sample)', () => {
    // Prepare
    const input = eventOf('macie-policy-encryption-disabled');

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert).toMatchObject({
      source: 'macie',
      severity: 'low',
      title: 'Encryption is disabled for the S3 bucket',
      occurrence: '64b917aa-3843-014c-91d8-937ffexample#2',
    });
    expect(alert.resource).toBeUndefined();
  });

  it('gives a new count of the same finding a new occurrence under the same key', () => {
    // Prepare
    const event = JSON.parse(fixtureText('eventbridge/macie-policy-bucket-public-read.json'));
    const first = parseSnsNotification(notificationOf(JSON.stringify(event)));
    event.detail.count = 3;

    // Act
    const repeat = parseSnsNotification(notificationOf(JSON.stringify(event)));

    // Assess
    expect(repeat.key).toBe(first.key);
    expect(repeat.occurrence).not.toBe(first.occurrence);
  });

  it('reads policyDetails when a policy finding carries them', () => {
    // Prepare
    const event = JSON.parse(fixtureText('eventbridge/macie-policy-encryption-disabled.json'));
    event.detail.policyDetails = {
      action: { actionType: 'AWS_API_CALL', apiCallDetails: { api: 'PutBucketAcl' } },
    };

    // Act
    const alert = parseSnsNotification(notificationOf(JSON.stringify(event)));

    // Assess
    expect(alert.fields).toContainEqual({ label: 'Policy action', value: 'AWS_API_CALL PutBucketAcl' });
  });

  it('falls back to a readable generic alert when the finding has no severity', () => {
    // Prepare
    const event = JSON.parse(fixtureText('eventbridge/macie-policy-bucket-public-read.json'));
    delete event.detail.severity;

    // Act
    const alert = parseSnsNotification(notificationOf(JSON.stringify(event)));

    // Assess
    expect(alert).toMatchObject({ source: 'generic', name: 'Macie Finding', resolvableByEvent: false });
    expect(alert.details).toContain('"type": "Policy:IAMUser/S3BucketPublicReadAccess"');
    expect(alert.fields).toContainEqual({
      label: 'Parser note',
      value: expect.stringContaining('Macie Finding event did not match its schema (detail.severity'),
    });
  });
});
