import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnsNotification, type SnsNotificationInput } from '../../../src/core/parsers/index.ts';

const fixtureText = (path: string) =>
  readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const notificationOf = (message: string): SnsNotificationInput => ({
  messageId: 'c1c0ffee-0000-4000-8000-000000000004',
  topicArn: 'arn:aws:sns:us-west-2:123456789012:etl',
  message,
  timestamp: '2017-09-07T06:02:04.000Z',
});
const eventOf = (name: string) => notificationOf(fixtureText(`eventbridge/${name}.json`));
const failedRunId = 'jr_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

describe('parseGlueJobEvent (Glue Job State Change)', () => {
  it('raises a FAILED run as high, with the run to rerun and a link to it', () => {
    // Prepare
    const input = eventOf('glue-job-failed');

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert).toMatchObject({
      source: 'glue',
      key: 'glue:123456789012:us-west-2:MyJob',
      name: 'MyJob',
      state: 'firing',
      stateLabel: 'FAILED',
      severity: 'high',
      account: '123456789012',
      region: 'us-west-2',
      resource: 'MyJob',
      occurredAt: '2017-09-07T06:02:03.000Z',
      occurrence: failedRunId,
      glueRun: { jobName: 'MyJob', jobRunId: failedRunId },
      resolvableByEvent: true,
      consoleUrl: `https://us-west-2.console.aws.amazon.com/gluestudio/home?region=us-west-2#/job/MyJob/run/${failedRunId}`,
    });
    expect(alert.summary).toContain('should be given assume role permissions for Glue Service');
    expect(alert.fields).toContainEqual({ label: 'Glue severity', value: 'ERROR' });
  });

  it.each([
    ['glue-job-timeout', 'firing', 'high', true],
    ['glue-job-stopped', 'firing', 'medium', true],
    ['glue-job-succeeded', 'recovered', 'info', false],
  ])('maps %s to %s (%s); rerunnable: %s', (name, state, severity, rerunnable) => {
    // Prepare
    const input = eventOf(name);

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert).toMatchObject({ source: 'glue', state, severity });
    expect(alert.glueRun !== undefined).toBe(rerunnable);
  });

  it('keys by job, so a later SUCCEEDED run resolves the failed run of the same job', () => {
    // Prepare
    const [failed, succeeded] = ['glue-job-failed', 'glue-job-succeeded'].map(eventOf);

    // Act
    const [failedAlert, succeededAlert] = [failed, succeeded].map((input) => parseSnsNotification(input!));

    // Assess
    expect(succeededAlert?.key).toBe(failedAlert?.key);
    expect(succeededAlert?.occurrence).not.toBe(failedAlert?.occurrence);
  });

  it('encodes the job name in the console link', () => {
    // Prepare
    const event = JSON.parse(fixtureText('eventbridge/glue-job-failed.json'));
    event.detail.jobName = 'nightly sales/etl';

    // Act
    const alert = parseSnsNotification(notificationOf(JSON.stringify(event)));

    // Assess
    expect(alert.consoleUrl).toContain('#/job/nightly%20sales%2Fetl/run/');
  });

  it('records a state it does not know as informational', () => {
    // Prepare
    const event = JSON.parse(fixtureText('eventbridge/glue-job-succeeded.json'));
    event.detail.state = 'RUNNING';

    // Act
    const alert = parseSnsNotification(notificationOf(JSON.stringify(event)));

    // Assess
    expect(alert).toMatchObject({ source: 'glue', state: 'informational', severity: 'info' });
  });

  it('falls back to a readable generic alert when jobRunId is missing', () => {
    // Prepare
    const event = JSON.parse(fixtureText('eventbridge/glue-job-failed.json'));
    delete event.detail.jobRunId;

    // Act
    const alert = parseSnsNotification(notificationOf(JSON.stringify(event)));

    // Assess
    expect(alert.source).toBe('generic');
    expect(alert.glueRun).toBeUndefined();
    expect(alert.fields).toContainEqual({
      label: 'Parser note',
      value: expect.stringContaining('Glue Job State Change event did not match its schema (detail.jobRunId'),
    });
  });
});
