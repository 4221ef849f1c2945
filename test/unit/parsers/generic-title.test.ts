import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnsNotification, type SnsNotificationInput } from '../../../src/core/parsers/index.ts';

const topicArn = 'arn:aws:sns:us-west-2:123456789012:MyTopic';
const notificationOf = (message: string, subject?: string): SnsNotificationInput => ({
  messageId: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324',
  topicArn,
  subject,
  message,
  timestamp: '2012-05-02T00:54:06.655Z',
});
const fixtureText = (path: string) =>
  readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');

describe('the generic fallback titles an alert from the payload, never with a bracket', () => {
  it.each([
    [{ 'detail-type': 'Widget Broke', title: 'ignored' }, 'Widget Broke'],
    [{ Title: 'Nightly export failed', type: 'ignored' }, 'Nightly export failed'],
    [{ type: 'DiskFull', host: 'db-1' }, 'DiskFull'],
    [{ Subject: 'Quota warning' }, 'Quota warning'],
    [{ description: 'Queue depth above 1000\nsecond line' }, 'Queue depth above 1000'],
    [{ hello: 'world' }, 'JSON notification on MyTopic'],
    [[{ title: 'First of many' }, { title: 'Second' }], 'First of many (and 1 more)'],
    [[], 'JSON notification on MyTopic'],
  ])('%j → %s', (payload, title) => {
    // Act
    const alert = parseSnsNotification(notificationOf(JSON.stringify(payload, null, 2)));

    // Assess
    expect(alert.title).toBe(title);
    expect(alert.title).not.toMatch(/^[[{]/);
    expect(alert.key).toBe(`generic:${topicArn}:${title}`);
  });

  it('never titles unparseable JSON-looking text with its bracket', () => {
    const alert = parseSnsNotification(notificationOf('{"truncated": '));

    expect(alert.title).toBe('Notification on MyTopic');
  });

  it('keeps an SNS subject as the title when there is one', () => {
    const alert = parseSnsNotification(notificationOf(JSON.stringify({ title: 'inner' }), 'Outer subject'));

    expect(alert.title).toBe('Outer subject');
  });

  it('shows the recognisable fields in the message and the whole payload in the thread', () => {
    // Prepare
    const payload = {
      title: 'Export failed',
      severity: 'HIGH',
      status: 'FAILED',
      region: 'eu-west-1',
      extra: { a: 1 },
    };

    // Act
    const alert = parseSnsNotification(notificationOf(JSON.stringify(payload)));

    // Assess
    expect(alert.summary).toBe('Severity: HIGH\nStatus: FAILED\nRegion: eu-west-1');
    // The whole payload goes to the thread, fenced, not into the message.
    expect(alert.details?.startsWith('```\n{')).toBe(true);
    expect(alert.details).toContain('"extra": {');
    expect(alert.details?.endsWith('\n```')).toBe(true);
  });

  it('keeps the fields and the fenced payload each within a Slack section however long they are', () => {
    // Prepare
    const long = 'x'.repeat(500);
    const payload = {
      severity: long,
      status: long,
      state: long,
      region: long,
      reason: long,
      resource: long,
      priority: long,
      level: long,
      account: long,
      resources: [long],
      items: Array.from({ length: 500 }, (_, index) => `item-${index}`),
    };

    // Act
    const alert = parseSnsNotification(notificationOf(JSON.stringify(payload)));

    // Assess
    expect(alert.summary.length).toBeLessThanOrEqual(3000);
    expect(alert.details!.length).toBeLessThanOrEqual(3000);
    expect(alert.details?.endsWith('\n```')).toBe(true);
    expect(alert.details).toContain('truncated');
  });

  it('shows the recognisable fields of an unknown EventBridge detail, its payload in the thread', () => {
    // Prepare: a detail-type Klaxon has no parser for (the documented Backup Plan event shape).
    const event = JSON.parse(fixtureText('eventbridge/backup-job-created.json'));
    event['detail-type'] = 'Backup Plan State Change';

    // Act
    const alert = parseSnsNotification(notificationOf(JSON.stringify(event)));

    // Assess
    expect(alert).toMatchObject({ source: 'generic', title: 'Backup Plan State Change (aws.backup)' });
    expect(alert.summary).toBe('State: CREATED');
    expect(alert.details?.startsWith('```\n{')).toBe(true);
  });
});
