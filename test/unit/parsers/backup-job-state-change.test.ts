import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnsNotification, type SnsNotificationInput } from '../../../src/core/parsers/index.ts';

const fixtureText = (path: string) =>
  readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const notificationOf = (message: string): SnsNotificationInput => ({
  messageId: 'c1c0ffee-0000-4000-8000-000000000014',
  topicArn: 'arn:aws:sns:us-west-2:1112233445566:backup',
  message,
  timestamp: '2020-07-29T20:15:30.000Z',
});
const eventOf = (name: string) => notificationOf(fixtureText(`eventbridge/${name}.json`));
const placeholderResource = 'arn:aws:service:us-west-2:1112233445566:resource-type/resource-id';

describe('parseBackupJobEvent (Backup Job State Change)', () => {
  it('raises a FAILED job as high, keyed on plan and resource, with the status message', () => {
    // Prepare
    const input = eventOf('backup-job-failed');

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert).toMatchObject({
      source: 'backup',
      key: `backup:1112233445566:us-west-2:on-demand:${placeholderResource}`,
      state: 'firing',
      title: 'AWS Backup of type resource-id',
      stateLabel: 'FAILED',
      severity: 'high',
      region: 'us-west-2',
      resource: placeholderResource,
      occurrence: '34176239-e96d-4e1d-9fad-529dbb3c3556',
      resolvableByEvent: true,
      consoleUrl:
        'https://us-west-2.console.aws.amazon.com/backup/home?region=us-west-2#/jobs/backup/details/34176239-e96d-4e1d-9fad-529dbb3c3556',
    });
    expect(alert.summary).toBe(
      'Backup job failed because backup vault arn:aws:backup:us-west-2:1112233445566:backup-vault:9ab3e749-82c6-4342-9320-5edbf4918b86 does not exist.',
    );
    expect(alert.fields).toContainEqual({ label: 'Backup plan', value: 'on demand' });
  });

  it.each([
    ['backup-job-expired', 'firing', 'high'],
    ['backup-job-aborted', 'firing', 'medium'],
    ['backup-job-completed', 'recovered', 'info'],
    ['backup-job-running', 'informational', 'info'],
    ['backup-job-pending', 'informational', 'info'],
    ['backup-job-created', 'informational', 'info'],
  ])('maps %s to %s (%s)', (name, state, severity) => {
    const alert = parseSnsNotification(eventOf(name));

    expect(alert).toMatchObject({ source: 'backup', state, severity });
  });

  it('resolves with a COMPLETED job of the same plan and resource', () => {
    const failed = parseSnsNotification(eventOf('backup-job-failed'));
    const completed = parseSnsNotification(eventOf('backup-job-completed'));

    expect(completed.key).toBe(failed.key);
    expect(completed.occurrence).not.toBe(failed.occurrence);
  });

  it('keeps a job of a backup plan apart from on-demand jobs of the same resource', () => {
    const expired = parseSnsNotification(eventOf('backup-job-expired'));

    expect(expired.key).toBe(
      `backup:1112233445566:us-west-2:aws/efs/414a5bd4-f880-47ad-95f3-f085108a4c3b:${placeholderResource}`,
    );
  });
});
