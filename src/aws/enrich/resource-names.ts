import * as z from 'zod';
import type { NormalizedAlert } from '../../model/alert.ts';
import { storedPayloadOf } from '../../model/stored-payload.ts';
import { lazy } from '../../util/lazy.ts';

/**
 * Dimensions whose value is what CloudTrail records as the resource's name (an instance id, a DB identifier,
 * a function name…). Other dimensions (a metric's `Stage`, `Operation`) name no resource.
 */
export const resourceDimensions = new Set([
  'InstanceId',
  'DBInstanceIdentifier',
  'DBClusterIdentifier',
  'FunctionName',
  'QueueName',
  'BucketName',
  'JobName',
  'TableName',
  'AutoScalingGroupName',
  'CacheClusterId',
  'FileSystemId',
  'VolumeId',
  'StateMachineArn',
  'TopicName',
  'StreamName',
  'DeliveryStreamName',
  'LoadBalancerName',
]);

/** LookupEvents allows 2 calls a second per account and region: a few names, not every dimension. */
export const maxResourceNames = 3;

const pairList = lazy(() => z.array(z.looseObject({ name: z.string(), value: z.string() })));
const pairMap = lazy(() => z.record(z.string(), z.string()));

/** The SNS alarm message: `Trigger.Dimensions`, or `Trigger.Metrics[].MetricStat.Metric.Dimensions`. */
const snsAlarm = lazy(() =>
  z.looseObject({
    Trigger: z.looseObject({
      Dimensions: pairList().optional(),
      Metrics: z
        .array(
          z.looseObject({
            MetricStat: z
              .looseObject({ Metric: z.looseObject({ Dimensions: pairList().optional() }) })
              .optional(),
          }),
        )
        .optional(),
    }),
  }),
);

/** The EventBridge event's `detail` and the alarm action's `alarmData` spell dimensions as a map. */
const alarmData = lazy(() =>
  z.looseObject({
    configuration: z.looseObject({
      metrics: z
        .array(
          z.looseObject({
            metricStat: z
              .looseObject({ metric: z.looseObject({ dimensions: pairMap().optional() }) })
              .optional(),
          }),
        )
        .optional(),
    }),
  }),
);

/** Any other event: its `resources`, and what Glue, EMR and Macie name in `detail`. */
const otherEvent = lazy(() =>
  z.looseObject({
    resources: z.array(z.string()).optional(),
    detail: z
      .looseObject({
        jobName: z.string().optional(),
        clusterId: z.string().optional(),
        resourcesAffected: z
          .looseObject({ s3Bucket: z.looseObject({ name: z.string().optional() }).optional() })
          .optional(),
      })
      .optional(),
  }),
);

function alarmDimensionsOf(raw: unknown): Array<[string, string]> {
  const sns = snsAlarm().safeParse(raw);
  if (sns.success) {
    const { Dimensions = [], Metrics = [] } = sns.data.Trigger;
    const lists = [Dimensions, ...Metrics.map((metric) => metric.MetricStat?.Metric.Dimensions ?? [])];
    return lists.flat().map(({ name, value }) => [name, value]);
  }
  const record = raw as { detail?: unknown; alarmData?: unknown } | null;
  const data = alarmData().safeParse(record?.detail ?? record?.alarmData);
  if (!data.success) return [];
  return (data.data.configuration.metrics ?? []).flatMap((metric) =>
    Object.entries(metric.metricStat?.metric.dimensions ?? {}),
  );
}

function eventNamesOf(raw: unknown): string[] {
  const event = otherEvent().safeParse(raw);
  if (!event.success) return [];
  const { resources = [], detail } = event.data;
  return [
    // The alarm's own ARN is an event resource too, and no change to it explains the alarm.
    ...resources.filter((arn) => !arn.startsWith('arn:aws:cloudwatch:')),
    detail?.jobName,
    detail?.clusterId,
    detail?.resourcesAffected?.s3Bucket?.name,
  ].filter((name): name is string => Boolean(name));
}

/** The names to look up in CloudTrail for an alert: the resources its alarm watches or its event names. */
export function resourceNamesOf(alert: NormalizedAlert): string[] {
  const raw = storedPayloadOf(alert.raw);
  const fromDimensions = alarmDimensionsOf(raw)
    .filter(([name]) => resourceDimensions.has(name))
    .map(([, value]) => value);
  const names = alert.source === 'cloudwatch-alarm' ? fromDimensions : eventNamesOf(raw);
  return [...new Set(names.map((name) => name.trim()).filter(Boolean))].slice(0, maxResourceNames);
}
