import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnsNotification, type SnsNotificationInput } from '../../../src/core/parsers/index.ts';

const fixture = () => JSON.parse(readFileSync('test/fixtures/eventbridge/macie-classic-alert.json', 'utf8'));
const notificationOf = (message: string): SnsNotificationInput => ({
  messageId: 'c1c0ffee-0000-4000-8000-00000000c1a5',
  topicArn: 'arn:aws:sns:us-east-1:111122223333:alerts',
  message,
  timestamp: '2017-04-24T22:28:50.000Z',
});

describe('parseMacieClassicAlertEvent (the retired Macie Classic’s “Macie Alert”)', () => {
  it('reads the documented alert: name, risk as severity, actor, tags and a link', () => {
    // Act
    const alert = parseSnsNotification(notificationOf(JSON.stringify(fixture())));

    // Assess
    expect(alert).toMatchObject({
      source: 'macie',
      key: 'macie:classic:arn:aws:macie:us-east-1:111122223333:trigger/trigger_id/alert/alert_id',
      title: 'Macie Classic: Scanning bucket policies',
      state: 'firing',
      stateLabel: 'ALERT_CREATED',
      severity: 'high',
      account: '111122223333',
      region: 'us-east-1',
      summary: 'Alerting on failed enumeration of large number of bucket policies',
      consoleUrl: 'https://lb00.us-east-1.macie.aws.amazon.com/111122223333/posts/alert_id',
      resolvableByEvent: false,
    });
    expect(alert.fields).toEqual(
      expect.arrayContaining([
        { label: 'Risk', value: '8 of 10' },
        { label: 'Actor', value: '555566667777:assumed-role:superawesome:aroaidpldc7nsesfnheji' },
        { label: 'Tags', value: 'Custom_Alert, Insider' },
      ]),
    );
  });

  it.each([
    [2, 'low'],
    [5, 'medium'],
    [9, 'critical'],
  ])('maps risk %i to %s', (risk, severity) => {
    const event = fixture();
    event.detail['risk-score'] = risk;
    expect(parseSnsNotification(notificationOf(JSON.stringify(event))).severity).toBe(severity);
  });

  it('falls back to a readable generic alert when the alert has no ARN', () => {
    const event = fixture();
    delete event.detail['alert-arn'];
    const alert = parseSnsNotification(notificationOf(JSON.stringify(event)));
    expect(alert).toMatchObject({ source: 'generic', title: 'Macie Alert (aws.macie)' });
  });
});
