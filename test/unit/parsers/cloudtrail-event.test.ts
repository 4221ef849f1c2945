import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnsNotification, type SnsNotificationInput } from '../../../src/core/parsers/index.ts';

const fixtureText = (path: string) =>
  readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const notificationOf = (message: string): SnsNotificationInput => ({
  messageId: 'c1c0ffee-0000-4000-8000-000000000015',
  topicArn: 'arn:aws:sns:us-east-1:123456789012:trail',
  message,
  timestamp: '2016-02-20T01:09:20.000Z',
});
const eventOf = (name: string) => notificationOf(fixtureText(`eventbridge/${name}.json`));
/** The fixture as plain data, to change a field of it. */
interface EditableEvent {
  source: string;
  detail: Record<string, unknown>;
}
const withEvent = (name: string, change: (event: EditableEvent) => void) => {
  const event = JSON.parse(fixtureText(`eventbridge/${name}.json`));
  change(event);
  return notificationOf(JSON.stringify(event));
};

describe('parseCloudTrailEvent (AWS API Call via CloudTrail)', () => {
  it('posts an API call quietly: who, what, where, never resolved by an event', () => {
    // Prepare: the documented event is a root call; make it an IAM user's to see the ordinary case.
    const input = withEvent('cloudtrail-api-call-create-bucket', (event) => {
      event.detail.userIdentity = {
        type: 'IAMUser',
        arn: 'arn:aws:iam::123456789012:user/anaya',
        userName: 'anaya',
      };
    });

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert).toMatchObject({
      source: 'cloudtrail',
      key: 'cloudtrail:123456789012:s3.amazonaws.com:CreateBucket:arn:aws:iam::123456789012:user/anaya',
      name: 's3.amazonaws.com:CreateBucket',
      title: 's3 CreateBucket by IAMUser anaya',
      state: 'firing',
      stateLabel: 'ApiCall',
      severity: 'low',
      account: '123456789012',
      region: 'us-east-1',
      resource: 'bucket-test-iad',
      occurredAt: '2016-02-20T01:09:13.000Z',
      occurrence: '24ba271e-d595-4e66-a7fd-9c16cbf8abae',
      resolvableByEvent: false,
      consoleUrl:
        'https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1#/events/24ba271e-d595-4e66-a7fd-9c16cbf8abae',
    });
    expect(alert.fields).toEqual(
      expect.arrayContaining([
        { label: 'Who', value: 'IAMUser anaya' },
        { label: 'Source IP', value: '100.100.100.100' },
        { label: 'Event', value: 's3.amazonaws.com CreateBucket' },
        { label: 'Request', value: '{"bucketName":"bucket-test-iad"}' },
      ]),
    );
  });

  it('flags a root API call as high', () => {
    const alert = parseSnsNotification(eventOf('cloudtrail-api-call-create-bucket'));

    expect(alert).toMatchObject({ severity: 'high', title: 's3 CreateBucket by Root' });
    expect(alert.fields).toContainEqual({ label: 'Flag', value: 'Root API call' });
  });

  it('shows the error code of a refused call, at medium', () => {
    const input = withEvent('cloudtrail-api-call-create-bucket', (event) => {
      event.detail.userIdentity = {
        type: 'AssumedRole',
        arn: 'arn:aws:sts::123456789012:assumed-role/deploy/ci-42',
      };
      event.detail.errorCode = 'AccessDenied';
      event.detail.errorMessage = 'Access Denied';
    });

    const alert = parseSnsNotification(input);

    expect(alert).toMatchObject({ severity: 'medium', stateLabel: 'AccessDenied', summary: 'Access Denied' });
    expect(alert.fields).toContainEqual({
      label: 'Who',
      value: 'AssumedRole arn:aws:sts::123456789012:assumed-role/deploy/ci-42 (session ci-42)',
    });
  });

  it('accepts any aws.* source, and refuses a look-alike from a custom source', () => {
    const ec2 = withEvent('cloudtrail-api-call-create-bucket', (event) => {
      event.source = 'aws.ec2';
    });
    const custom = withEvent('cloudtrail-api-call-create-bucket', (event) => {
      event.source = 'my.app';
    });

    expect(parseSnsNotification(ec2).source).toBe('cloudtrail');
    expect(parseSnsNotification(custom).source).toBe('generic');
  });
});

describe('parseCloudTrailEvent (AWS Console Sign In via CloudTrail)', () => {
  it('flags a root sign-in as high', () => {
    const alert = parseSnsNotification(eventOf('cloudtrail-console-sign-in-root'));

    expect(alert).toMatchObject({
      source: 'cloudtrail',
      title: 'Root console sign-in',
      severity: 'high',
      stateLabel: 'Success',
    });
    expect(alert.fields).toEqual(
      expect.arrayContaining([
        { label: 'Flag', value: 'Root sign-in' },
        { label: 'MFA used', value: 'No' },
        { label: 'Source IP', value: '0.0.0.0' },
      ]),
    );
  });

  it('flags a failed sign-in as high, with the error message', () => {
    const alert = parseSnsNotification(eventOf('cloudtrail-console-sign-in-failed'));

    expect(alert).toMatchObject({
      title: 'Failed console sign-in: IAMUser anaya',
      severity: 'high',
      stateLabel: 'Failure',
      summary: 'Failed authentication',
      account: '111122223333',
    });
  });

  it('makes a failed root sign-in critical and an ordinary one low', () => {
    const rootFailed = withEvent('cloudtrail-console-sign-in-root', (event) => {
      event.detail.responseElements = { ConsoleLogin: 'Failure' };
    });
    const ordinary = withEvent('cloudtrail-console-sign-in-failed', (event) => {
      event.detail.responseElements = { ConsoleLogin: 'Success' };
      delete event.detail.errorMessage;
    });

    expect(parseSnsNotification(rootFailed)).toMatchObject({ severity: 'critical' });
    expect(parseSnsNotification(ordinary)).toMatchObject({
      severity: 'low',
      title: 'Console sign-in: IAMUser anaya',
    });
  });
});
