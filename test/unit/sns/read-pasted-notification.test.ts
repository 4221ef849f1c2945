import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  PastedNotificationError,
  readPastedNotification,
} from '../../../src/sns/read-pasted-notification.ts';

const fixture = (path: string) => readFileSync(`test/fixtures/${path}`, 'utf8');

describe('readPastedNotification', () => {
  it('takes the Message and Subject of an SNS envelope', () => {
    expect(readPastedNotification(fixture('sns/notification.json'))).toEqual({
      message: 'Hello world!',
      subject: 'My First Message',
    });
  });

  it('takes the Message of a Lambda SNS event', () => {
    const event = JSON.parse(fixture('lambda/sns-event.json')) as {
      Records: Array<{ Sns: { Message: string } }>;
    };
    expect(readPastedNotification(fixture('lambda/sns-event.json')).message).toBe(
      event.Records[0]!.Sns.Message,
    );
  });

  it('sends an EventBridge event or a message body as pasted', () => {
    const glue = fixture('eventbridge/glue-job-failed.json');
    expect(readPastedNotification(glue)).toEqual({ message: glue });
  });

  it.each([
    ['text', 'the disk is full', /^not JSON: /],
    ['null', 'null', /expected a JSON object .* got null/],
    ['a number', '42', /got number/],
    [
      'too large',
      JSON.stringify({ pad: 'x'.repeat(256 * 1024) }),
      /too large: the message is \d+ bytes, SNS allows 262144/,
    ],
  ])('refuses %s with a sentence that says why', (_what, text, expected) => {
    expect(() => readPastedNotification(text)).toThrow(PastedNotificationError);
    expect(() => readPastedNotification(text)).toThrow(expected);
  });
});
