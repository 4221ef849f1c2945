import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnsNotification } from '../../../src/core/parsers/index.ts';

const fixture = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8'));
const parse = (message: unknown) =>
  parseSnsNotification({
    messageId: 'c1c0ffee-0000-4000-8000-000000000002',
    topicArn: 'arn:aws:sns:ap-northeast-2:257706363616:alerts',
    message: JSON.stringify(message),
    timestamp: '2021-06-23T08:41:06.700Z',
  });

describe('the severity of an alarm', () => {
  const alarm = fixture('cloudwatch/alarm-single-metric.json');

  it('is high by default when firing, low without data, info on recovery', () => {
    expect(parse(alarm).severity).toBe('high');
    expect(parse({ ...alarm, NewStateValue: 'INSUFFICIENT_DATA' }).severity).toBe('low');
    expect(parse({ ...alarm, NewStateValue: 'OK' }).severity).toBe('info');
  });

  it('follows a mark in the alarm name or description while it fires', () => {
    expect(parse({ ...alarm, AlarmName: '[critical] EC2-CPU' }).severity).toBe('critical');
    expect(parse({ ...alarm, AlarmName: 'EC2-CPU-P4' }).severity).toBe('low');
    expect(parse({ ...alarm, AlarmDescription: 'CPU of the web tier. severity: medium' }).severity).toBe(
      'medium',
    );
  });

  it('keeps a recovery at info and missing data at low whatever the mark', () => {
    expect(parse({ ...alarm, AlarmName: '[critical] EC2-CPU', NewStateValue: 'OK' }).severity).toBe('info');
    const noData = { ...alarm, AlarmName: 'P1 EC2-CPU', NewStateValue: 'INSUFFICIENT_DATA' };
    expect(parse(noData).severity).toBe('low');
  });

  it('reads the mark in the EventBridge form too (configuration.description)', () => {
    const event = fixture('eventbridge/alarm-state-change-single-metric.json');
    const marked = {
      ...event,
      detail: {
        ...event.detail,
        configuration: { ...event.detail.configuration, description: 'sev:critical' },
      },
    };
    expect(parse(event).severity).toBe('high');
    expect(parse(marked).severity).toBe('critical');
  });
});
