import { describe, expect, it } from 'vitest';
import { resourceNamesOf } from '../../../../src/aws/enrich/resource-names.ts';
import { alertFromFixture } from '../../../helpers/fixture-alerts.ts';

describe('resourceNamesOf', () => {
  it.each([
    ['cloudwatch/alarm-single-metric.json', ['i-0f672ea50a80cda4b']],
    ['cloudwatch/alarm-metric-math.json', ['TestInstance']],
    ['cloudwatch/alarm-action-metric.json', ['i-12345678']],
    ['eventbridge/alarm-state-change-single-metric.json', ['i-12345678901234567']],
    ['eventbridge/alarm-state-change-metric-math.json', ['i-12345678901234567']],
    ['eventbridge/glue-job-failed.json', ['MyJob']],
    ['eventbridge/emr-step-failed.json', ['j-123456789ABCD']],
    ['eventbridge/health-ec2-drive-degraded.json', ['i-abcd1111']],
    ['cloudwatch/alarm-composite.json', []],
  ])('reads %s', (fixture, names) => {
    expect(resourceNamesOf(alertFromFixture(fixture))).toEqual(names);
  });

  it("never looks up the alarm's own ARN (an EventBridge alarm event's resource)", () => {
    const alert = alertFromFixture('eventbridge/alarm-state-change-composite.json');

    expect(resourceNamesOf(alert)).toEqual([]);
  });

  it('keeps dimensions that name a resource, once each, at most three', () => {
    const alert = alertFromFixture('cloudwatch/alarm-single-metric.json');
    const dimensions = [
      { name: 'Stage', value: 'prod' },
      { name: 'FunctionName', value: 'etl' },
      { name: 'QueueName', value: 'orders' },
      { name: 'FunctionName', value: 'etl' },
      { name: 'DBInstanceIdentifier', value: 'prod-db' },
      { name: 'BucketName', value: 'logs' },
    ];

    const names = resourceNamesOf({ ...alert, raw: { Trigger: { Dimensions: dimensions } } });

    expect(names).toEqual(['etl', 'orders', 'prod-db']);
  });

  it('reads the payload as Klaxon stores it: the text AWS sent', () => {
    const alarm = alertFromFixture('cloudwatch/alarm-single-metric.json');
    const emr = alertFromFixture('eventbridge/emr-step-failed.json');

    expect(resourceNamesOf({ ...alarm, raw: JSON.stringify(alarm.raw) })).toEqual(['i-0f672ea50a80cda4b']);
    expect(resourceNamesOf({ ...emr, raw: JSON.stringify(emr.raw) })).toEqual(['j-123456789ABCD']);
  });
});
