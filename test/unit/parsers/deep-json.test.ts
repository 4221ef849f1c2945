import { describe, expect, it } from 'vitest';
import { parseSnsNotification, type SnsNotificationInput } from '../../../src/core/parsers/index.ts';

const topicArn = 'arn:aws:sns:us-east-1:123456789012:alerts';
/** The preview is 2,500 characters plus one line saying what was left out. */
const maxSummaryChars = 2600;

const notificationOf = (message: string, subject?: string): SnsNotificationInput => ({
  messageId: 'deep-1',
  topicArn,
  subject,
  message,
  timestamp: '2026-03-01T12:00:00.000Z',
});

/** JSON text nested `depth` levels deep, alternating objects and arrays, built without recursion. */
function nestedJsonText(depth: number): string {
  let text = '"bottom"';
  for (let level = 0; level < depth; level++) text = level % 2 ? `[${text}]` : `{"level":${text}}`;
  return text;
}

function eventBridgeEventText(detail: string): string {
  return `{"version":"0","id":"e-1","detail-type":"Custom Thing","source":"my.app","account":"123456789012","time":"2026-03-01T12:00:00Z","region":"us-east-1","resources":[],"detail":${detail}}`;
}

describe('deeply nested JSON still becomes a readable alert', () => {
  it.each([30, 100, 10_000])('a message nested %i levels deep', (depth) => {
    // Act
    const alert = parseSnsNotification(notificationOf(nestedJsonText(depth), 'Deep app'));

    // Assess
    expect(alert).toMatchObject({ source: 'generic', title: 'Deep app' });
    expect(alert.summary.length).toBeGreaterThan(0);
    expect(alert.summary.length).toBeLessThanOrEqual(maxSummaryChars);
    expect(alert.summary.startsWith('[\n  {\n    "level": [')).toBe(true);
  });

  it.each([30, 100, 10_000])('an EventBridge event whose detail is nested %i levels deep', (depth) => {
    // Act
    const alert = parseSnsNotification(notificationOf(eventBridgeEventText(nestedJsonText(depth))));

    // Assess
    expect(alert).toMatchObject({ source: 'generic', title: 'Custom Thing (my.app)' });
    expect(alert.summary.length).toBeLessThanOrEqual(maxSummaryChars);
  });

  it('shows depth beyond the preview as an ellipsis', () => {
    const alert = parseSnsNotification(notificationOf(nestedJsonText(10_000), 'Deep app'));
    expect(alert.summary).toContain('…');
    expect(alert.summary).not.toContain('bottom');
  });

  it('a CloudWatch alarm carrying a deeply nested extra field', () => {
    const message = `{"AlarmName":"Deep","NewStateValue":"ALARM","AlarmArn":"arn:aws:cloudwatch:us-east-1:123456789012:alarm:Deep","Extra":${nestedJsonText(10_000)}}`;
    const alert = parseSnsNotification(notificationOf(message));
    expect(alert.title.length).toBeGreaterThan(0);
    expect(alert.summary.length).toBeLessThanOrEqual(maxSummaryChars);
  });
});

describe('a 256 KB message becomes a bounded alert', () => {
  it('as JSON', () => {
    const items = Array.from({ length: 2_600 }, (_, index) => `item-${String(index).padStart(90, '0')}`);
    const message = JSON.stringify({ items });
    expect(message.length).toBeGreaterThan(240_000);
    const alert = parseSnsNotification(notificationOf(message, 'Big'));
    expect(alert.title).toBe('Big');
    expect(alert.summary.length).toBeLessThanOrEqual(maxSummaryChars);
    expect(alert.summary).toMatch(/… \(truncated, \d+ more characters\)$/);
  });

  it('as text', () => {
    const alert = parseSnsNotification(notificationOf('x'.repeat(256 * 1024)));
    expect(alert.title.length).toBeLessThanOrEqual(150);
    expect(alert.summary.length).toBeLessThanOrEqual(maxSummaryChars);
  });
});

describe('the raw payload of a deep message', () => {
  it('stays the parsed JSON up to 32 levels', () => {
    const message = nestedJsonText(30);
    expect(parseSnsNotification(notificationOf(message)).raw).toEqual(JSON.parse(message));
  });

  it('stays the parsed JSON at exactly 32 levels, and is kept as text from 33', () => {
    const atLimit = nestedJsonText(32);
    const overLimit = nestedJsonText(33);
    expect(parseSnsNotification(notificationOf(atLimit)).raw).toEqual(JSON.parse(atLimit));
    expect(parseSnsNotification(notificationOf(overLimit)).raw).toBe(overLimit);
  });

  it('stays the parsed JSON when it has many brackets but little depth (in strings, or side by side)', () => {
    const bracketsInText = JSON.stringify({ note: '[{'.repeat(100) });
    const manyShallow = JSON.stringify({
      items: Array.from({ length: 100 }, (_, id) => ({ id, tags: [id] })),
    });
    expect(parseSnsNotification(notificationOf(bracketsInText)).raw).toEqual(JSON.parse(bracketsInText));
    expect(parseSnsNotification(notificationOf(manyShallow)).raw).toEqual(JSON.parse(manyShallow));
  });

  it.each([
    ['a message', nestedJsonText(10_000)],
    ['an EventBridge event', eventBridgeEventText(nestedJsonText(10_000))],
  ])(
    'of %s deeper than that is kept as its original text, which nothing downstream must walk',
    (_what, message) => {
      const alert = parseSnsNotification(notificationOf(message, 'Deep'));
      expect(alert.raw).toBe(message);
      expect(() => JSON.stringify(alert.raw)).not.toThrow();
    },
  );
});
