import type { DescribeAlarmsOutput } from '@aws-sdk/client-cloudwatch';
import type { DescribeMetricFiltersResponse, FilterLogEventsResponse } from '@aws-sdk/client-cloudwatch-logs';

// AWS answers for the enrichment lookups, shaped like the AWS CLI reference examples named on each (dates as
// the SDK deserializes them); test/fixtures/SOURCES.md lists them.

/** awscli/examples/logs/describe-metric-filters.rst: the filter behind the metric Demo_Error/DemoNamespace. */
export const metricFiltersAnswer: DescribeMetricFiltersResponse = {
  metricFilters: [
    {
      filterName: 'DemoFilter',
      filterPattern: 'ERROR',
      metricTransformations: [
        { metricName: 'Demo_Error', metricNamespace: 'DemoNamespace', metricValue: '1' },
      ],
      creationTime: 1713432753126,
      logGroupName: 'demo-log-group',
    },
  ],
};

/** awscli/examples/logs/filter-log-events.rst, with the example's pattern ERROR matching its lines. */
export function logEventsAnswer(at: number): FilterLogEventsResponse {
  return {
    events: [1, 2, 3].map((n) => ({
      logStreamName: 'stream1',
      timestamp: at - (4 - n) * 1000,
      message: `ERROR Event ${n}`,
      ingestionTime: at,
      eventId: `3125453235676876464356789654323456789876543256543${n}`,
    })),
    searchedLogStreams: [{ logStreamName: 'stream1', searchedCompletely: true }],
  };
}

/** awscli/examples/cloudwatch/describe-alarms.rst, for the two children of the composite fixture. */
export function describeAlarmsAnswer(composite: string, children: [string, string]): DescribeAlarmsOutput {
  const updated = new Date('2021-11-10T02:45:55.640Z');
  return {
    MetricAlarms: children.map((AlarmName, i) => ({
      AlarmName,
      AlarmArn: `arn:aws:cloudwatch:us-east-1:427809481713:alarm:${AlarmName}`,
      StateValue: i === 0 ? 'ALARM' : 'OK',
      StateReason: 'Threshold Crossed',
      StateUpdatedTimestamp: updated,
      MetricName: 'CPUUtilization',
      Namespace: 'AWS/EC2',
      Statistic: 'Average',
      Period: 300,
      EvaluationPeriods: 1,
      Threshold: 70,
      ComparisonOperator: 'GreaterThanThreshold',
    })),
    CompositeAlarms: [
      {
        AlarmName: composite,
        AlarmRule: children.map((name) => `ALARM(${name})`).join(' OR '),
        StateValue: 'ALARM',
        StateUpdatedTimestamp: updated,
        ActionsSuppressor: 'maintenance-window',
        ActionsSuppressedBy: 'Alarm',
        ActionsSuppressedReason: 'Alarm maintenance-window is in ALARM state',
      },
    ],
  };
}
