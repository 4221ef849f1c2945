import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnsNotification, type SnsNotificationInput } from '../../../src/core/parsers/index.ts';

const fixtureText = (path: string) =>
  readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
const topicArn = 'arn:aws:sns:us-west-2:123456789012:MyTopic';
const notificationOf = (message: string, subject?: string): SnsNotificationInput => ({
  messageId: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324',
  topicArn,
  subject,
  message,
  timestamp: '2012-05-02T00:54:06.655Z',
});

describe('parseGenericMessage', () => {
  it('turns the SNS documentation notification into a medium alert keyed by topic and subject', () => {
    // Prepare
    const envelope = JSON.parse(fixtureText('sns/notification.json'));
    const input = notificationOf(envelope.Message, envelope.Subject);

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert).toMatchObject({
      source: 'generic',
      key: `generic:${topicArn}:My First Message`,
      name: 'My First Message',
      title: 'My First Message',
      state: 'firing',
      severity: 'medium',
      summary: 'Hello world!',
      occurredAt: '2012-05-02T00:54:06.655Z',
      occurrence: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324',
      resolvableByEvent: false,
      raw: 'Hello world!',
    });
  });

  it('uses the first non-empty line when there is no subject', () => {
    // Prepare
    const input = notificationOf('\n  Disk almost full on db-1  \nsecond line');

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert.key).toBe(`generic:${topicArn}:Disk almost full on db-1`);
    expect(alert.summary).toContain('second line');
  });

  it('pretty-prints JSON it does not recognise and keeps it whole in raw', () => {
    // Prepare
    const payload = { hello: 'world', nested: { n: 1 } };

    // Act
    const alert = parseSnsNotification(notificationOf(JSON.stringify(payload), 'Custom app'));

    // Assess
    expect(alert.summary).toBe(JSON.stringify(payload, null, 2));
    expect(alert.raw).toEqual(payload);
  });

  it('truncates a long body visibly, saying how much was left out', () => {
    // Prepare
    const payload = { items: Array.from({ length: 400 }, (_, index) => `item-${index}`) };
    const pretty = JSON.stringify(payload, null, 2);

    // Act
    const alert = parseSnsNotification(notificationOf(JSON.stringify(payload), 'Big'));

    // Assess
    // No recognisable field: a short preview in the message, the payload (cut visibly) in the thread.
    expect(alert.summary.startsWith(pretty.slice(0, 500))).toBe(true);
    expect(alert.summary.length).toBeLessThan(800);
    expect(alert.details?.startsWith(`\`\`\`\n${pretty.slice(0, 2000)}`)).toBe(true);
    expect(alert.details).toMatch(/… \(truncated, \d+ more characters\)/);
    expect(alert.raw).toEqual(payload);
  });

  it('handles an empty message without throwing', () => {
    // Prepare
    const input = notificationOf('');

    // Act
    const alert = parseSnsNotification(input);

    // Assess
    expect(alert).toMatchObject({ source: 'generic', name: '(empty message)' });
  });
});
