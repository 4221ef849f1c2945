import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeAlarmHeadline } from '../../../src/core/parsers/alarm-headline.ts';
import { parseSnsNotification } from '../../../src/core/parsers/index.ts';
import { roundForReading } from '../../../src/core/parsers/round-for-reading.ts';

describe('describeAlarmHeadline', () => {
  it('says value against threshold, how many datapoints and since when', () => {
    const reason =
      'Threshold Crossed: 3 out of the last 3 datapoints [97.34 (15/03/24 19:50:00), 91.0 (15/03/24 19:45:00), 88.2 (15/03/24 19:40:00)] was greater than the threshold (80.0) (minimum 3 datapoints for OK -> ALARM transition).';
    expect(describeAlarmHeadline(reason, 'CPUUtilization')).toEqual({
      text: 'CPUUtilization 97.3 > 80 for 3 datapoints',
      since: '2024-03-15T19:40:00.000Z',
    });
  });

  it('reads a single datapoint and a part of the window', () => {
    const one =
      'Threshold Crossed: 1 out of the last 1 datapoints [17.2564528039004 (23/06/21 08:31:00)] was greater than the threshold (15.0) (minimum 1 datapoint for OK -> ALARM transition).';
    expect(describeAlarmHeadline(one, 'CPUUtilization')?.text).toBe(
      'CPUUtilization 17.3 > 15 for 1 datapoint',
    );
    const some =
      'Threshold Crossed: 2 out of the last 5 datapoints [1.0 (10/11/21 02:40:00), 1.0 (10/11/21 02:35:00)] was greater than or equal to the threshold (1.0) (minimum 2 datapoints for OK -> ALARM transition).';
    expect(describeAlarmHeadline(some, 'Errors')).toEqual({
      text: 'Errors 1 ≥ 1 for 2 of 5 datapoints',
      since: '2021-11-10T02:35:00.000Z',
    });
  });

  it('says where a recovered value is, without a since', () => {
    const ok =
      'Threshold Crossed: 1 out of the last 1 datapoints [0.0666851903306472 (01/10/19 13:46:00)] was not greater than the threshold (50.0) (minimum 1 datapoint for ALARM -> OK transition).';
    expect(describeAlarmHeadline(ok, 'CPUUtilization')).toEqual({ text: 'CPUUtilization 0.067 ≤ 50' });
  });

  it('reads anomaly bands, missing data and composite children', () => {
    const band =
      'Thresholds Crossed: 1 out of the last 1 datapoints [0.0 (03/10/19 15:58:00)] was less than the lower thresholds [0.020599444741798756] or greater than the upper thresholds [0.3006915352732461] (minimum 1 datapoint for OK -> ALARM transition).';
    expect(describeAlarmHeadline(band, 'CPUUtilization')).toEqual({
      text: 'CPUUtilization 0 outside the expected band 0.021–0.3 for 1 datapoint',
      since: '2019-10-03T15:58:00.000Z',
    });
    expect(describeAlarmHeadline('Insufficient Data: 5 datapoints were unknown.', 'Latency')?.text).toBe(
      'Latency: no data for 5 datapoints',
    );
    const child =
      'arn:aws:cloudwatch:us-east-1:123456789012:alarm:SuppressionDemo.EventBridge.FirstChild transitioned to ALARM at Friday 22 July, 2022 15:57:45 UTC';
    expect(describeAlarmHeadline(child)?.text).toBe(
      'Child alarm SuppressionDemo.EventBridge.FirstChild went to ALARM',
    );
  });

  it('drops a start that does not fit the state change rather than show it wrong', () => {
    const reason =
      'Threshold Crossed: 1 out of the last 1 datapoints [1234.0 (06/03/15 17:43:27)] was greater than the threshold (0.0) (minimum 1 datapoint for OK -> ALARM transition).';
    expect(describeAlarmHeadline(reason, 'Expression1', '2015-06-03T17:43:27.123+0000')).toEqual({
      text: 'Expression1 1234 > 0 for 1 datapoint',
    });
  });

  it('gives up on a reason it does not know', () => {
    expect(describeAlarmHeadline('test')).toBeUndefined();
    expect(describeAlarmHeadline(undefined)).toBeUndefined();
  });
});

describe('roundForReading', () => {
  it.each([
    [17.2564528039004, '17.3'],
    [45628.0, '45628'],
    [1234.56, '1235'],
    [0.46522264287069004, '0.47'],
    [15.0, '15'],
    [2.5, '2.5'],
    [-3.256, '-3.26'],
  ])('rounds %s to %s', (value, expected) => {
    expect(roundForReading(value)).toBe(expected);
  });
});

describe('the headline of a parsed alarm', () => {
  const parse = (path: string) =>
    parseSnsNotification({
      messageId: 'c1c0ffee-0000-4000-8000-000000000003',
      topicArn: 'arn:aws:sns:us-east-1:123456789012:alerts',
      message: readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8'),
      timestamp: '2021-06-23T08:41:06.700Z',
    });

  it('names the metric in both deliveries of an alarm', () => {
    expect(parse('cloudwatch/alarm-single-metric.json').headline).toEqual({
      text: 'CPUUtilization 17.3 > 15 for 1 datapoint',
      since: '2021-06-23T08:31:00.000Z',
    });
    expect(parse('eventbridge/alarm-state-change-single-metric.json').headline?.text).toBe(
      'CPUUtilization 99.5 > 50 for 1 datapoint',
    );
  });

  it('names what a metric math alarm measures', () => {
    expect(parse('eventbridge/alarm-state-change-metric-math.json').headline?.text).toBe(
      'Total Network Traffic 45628 > 10000 for 1 datapoint',
    );
  });
});
