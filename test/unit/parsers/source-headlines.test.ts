import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnsNotification } from '../../../src/core/parsers/index.ts';

const parse = (path: string) =>
  parseSnsNotification({
    messageId: 'c1c0ffee-0000-4000-8000-000000000004',
    topicArn: 'arn:aws:sns:us-west-2:123456789012:alerts',
    message: readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8'),
    timestamp: '2017-09-07T18:57:21.000Z',
  });

describe('the one line of a Glue job run', () => {
  it('says why a run failed, without the job and run it repeats', () => {
    expect(parse('eventbridge/glue-job-failed.json').headline).toEqual({
      text: 'Failed: Role arn:aws:iam::123456789012:role/Glue_Role should be given assume role permissions for Glue Service.',
    });
    expect(parse('eventbridge/glue-job-timeout.json').headline).toEqual({ text: 'Job run timed out' });
  });

  it('links the run’s error log in CloudWatch Logs', () => {
    expect(parse('eventbridge/glue-job-failed.json').logsUrl).toBe(
      'https://us-west-2.console.aws.amazon.com/cloudwatch/home?region=us-west-2#logsV2:log-groups/log-group/$252Faws-glue$252Fjobs$252Ferror/log-events/jr_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    );
  });
});

describe('the logs of a Lambda function’s alarm', () => {
  it('links the function’s log group when the alarm watches AWS/Lambda with a FunctionName', () => {
    const alarm = JSON.parse(
      readFileSync(new URL('../../fixtures/cloudwatch/alarm-single-metric.json', import.meta.url), 'utf8'),
    );
    const lambdaAlarm = {
      ...alarm,
      Trigger: {
        ...alarm.Trigger,
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [{ name: 'FunctionName', value: 'orders-api' }],
      },
    };
    const alert = parseSnsNotification({
      messageId: 'c1c0ffee-0000-4000-8000-000000000005',
      topicArn: 'arn:aws:sns:ap-northeast-2:257706363616:alerts',
      message: JSON.stringify(lambdaAlarm),
      timestamp: '2021-06-23T08:41:06.700Z',
    });

    expect(alert.logsUrl).toBe(
      'https://ap-northeast-2.console.aws.amazon.com/cloudwatch/home?region=ap-northeast-2#logsV2:log-groups/log-group/$252Faws$252Flambda$252Forders-api',
    );
    expect(parse('cloudwatch/alarm-single-metric.json' as string).logsUrl).toBeUndefined();
  });
});
