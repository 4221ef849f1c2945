import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnsNotification, type SnsNotificationInput } from '../../../src/core/parsers/index.ts';

const fixtureText = (path: string) =>
  readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const notificationOf = (message: string): SnsNotificationInput => ({
  messageId: 'c1c0ffee-0000-4000-8000-000000000017',
  topicArn: 'arn:aws:sns:us-east-1:123456789012:etl',
  message,
  timestamp: '2018-04-24T20:57:40.000Z',
});
const runId = 'jr_6aa58e7a3aa44e2e4c7db2c50e2f7396cb57901729e4b702dcb2cfbbeb3f7a86';

/** The documented SUCCEEDED event, moved to the delayed run's region and run id. */
function succeededOfDelayedRun(): SnsNotificationInput {
  const event = JSON.parse(fixtureText('eventbridge/glue-job-succeeded.json'));
  event.region = 'us-east-1';
  event.detail.jobRunId = runId;
  return notificationOf(JSON.stringify(event));
}

describe('parseGlueJobRunStatusEvent (Glue Job Run Status)', () => {
  it('raises a run past its notify delay as a medium warning on the job', () => {
    // Prepare
    const input = notificationOf(fixtureText('eventbridge/glue-job-run-status-running.json'));

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert).toMatchObject({
      source: 'glue',
      key: 'glue:123456789012:us-east-1:MyJob',
      title: 'Glue job MyJob',
      state: 'firing',
      stateLabel: 'RUNNING (delayed)',
      severity: 'medium',
      resolvableByEvent: true,
      summary: `Run ${runId} is still RUNNING after its notify delay of 1 min: Job is in RUNNING state`,
    });
    expect(alert.glueRun).toBeUndefined();
    expect(alert.fields).toContainEqual({ label: 'Started', value: '2018-04-24T20:55:47.941Z' });
  });

  it('shares its key with the Glue Job State Change that ends the run, which resolves it', () => {
    const delayed = parseSnsNotification(
      notificationOf(fixtureText('eventbridge/glue-job-run-status-running.json')),
    );
    const succeeded = parseSnsNotification(succeededOfDelayedRun());

    expect(succeeded.key).toBe(delayed.key);
    expect(succeeded.state).toBe('recovered');
  });
});
