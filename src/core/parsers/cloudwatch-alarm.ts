import * as z from 'zod';
import type { AlertField } from '../../model/alert.ts';
import { lazy } from '../../util/lazy.ts';
import {
  type AlarmFacts,
  buildAlarmAlert,
  describeDimensions,
  describeMetric,
  describeMetricQueries,
  logGroupOf,
  type MetricQuery,
} from './alarm-common.ts';
import { fieldsOf, schemaParser } from './shared.ts';

const dimensionSchema = lazy(() => z.object({ name: z.string(), value: z.string() }));

const metricQuerySchema = lazy(() =>
  z.object({
    Id: z.string().optional(),
    Expression: z.string().optional(),
    Label: z.string().optional(),
    ReturnData: z.boolean().optional(),
    MetricStat: z
      .object({
        Metric: z.object({
          MetricName: z.string().optional(),
          Namespace: z.string().optional(),
          Dimensions: z.array(dimensionSchema()).optional(),
        }),
        Period: z.number().optional(),
        Stat: z.string().optional(),
      })
      .optional(),
  }),
);

const triggerSchema = lazy(() =>
  z.object({
    MetricName: z.string().optional(),
    Namespace: z.string().optional(),
    Statistic: z.string().nullish(),
    ExtendedStatistic: z.string().nullish(),
    Dimensions: z.array(dimensionSchema()).optional(),
    Period: z.number().optional(),
    EvaluationPeriods: z.number().optional(),
    ComparisonOperator: z.string().optional(),
    Threshold: z.number().optional(),
    ThresholdMetricId: z.string().optional(),
    Metrics: z.array(metricQuerySchema()).optional(),
  }),
);

/** The docs list TriggeringChildren as strings; real messages carry `{Arn, State: {Value, Timestamp}}`. */
const triggeringChildSchema = lazy(() =>
  z.union([
    z.string(),
    z.object({ Arn: z.string(), State: z.object({ Value: z.string().optional() }).optional() }),
  ]),
);

/** The JSON a CloudWatch alarm action publishes to SNS (metric and composite alarms). */
export const cloudWatchAlarmMessageSchema = lazy(() =>
  z.object({
    AlarmName: z.string(),
    AlarmDescription: z.string().nullish(),
    AWSAccountId: z.string().optional(),
    NewStateValue: z.string(),
    NewStateReason: z.string().optional(),
    StateChangeTime: z.string().optional(),
    Region: z.string().optional(),
    AlarmArn: z.string().optional(),
    OldStateValue: z.string().optional(),
    Trigger: triggerSchema().optional(),
    AlarmRule: z.string().optional(),
    TriggeringChildren: z.array(triggeringChildSchema()).optional(),
  }),
);
type CloudWatchAlarmMessage = z.infer<ReturnType<typeof cloudWatchAlarmMessageSchema>>;
type Trigger = z.infer<ReturnType<typeof triggerSchema>>;

const pairsOf = (dimensions: Array<{ name: string; value: string }> | undefined): Array<[string, string]> =>
  (dimensions ?? []).map(({ name, value }) => [name, value]);

function toMetricQuery(query: z.infer<ReturnType<typeof metricQuerySchema>>): MetricQuery {
  const metric = query.MetricStat?.Metric;
  return {
    id: query.Id,
    expression: query.Expression,
    label: query.Label,
    namespace: metric?.Namespace,
    metricName: metric?.MetricName,
    dimensions: pairsOf(metric?.Dimensions),
    stat: query.MetricStat?.Stat,
    period: query.MetricStat?.Period,
    returnData: query.ReturnData,
  };
}

function describeComparison(trigger: Trigger): AlertField[] {
  const threshold = [trigger.ComparisonOperator, trigger.Threshold].filter((part) => part !== undefined);
  return fieldsOf([
    ['Threshold', threshold.join(' ')],
    ['Evaluation', trigger.EvaluationPeriods ? `${trigger.EvaluationPeriods} period(s)` : undefined],
  ]);
}

function describeTrigger(trigger: Trigger): {
  resource?: string;
  metricLabel?: string;
  logGroup?: string;
  details: AlertField[];
} {
  if (trigger.Metrics?.length) {
    const described = describeMetricQueries(trigger.Metrics.map(toMetricQuery), trigger.ThresholdMetricId);
    return { ...described, details: [...described.details, ...describeComparison(trigger)] };
  }
  const single = { namespace: trigger.Namespace, metricName: trigger.MetricName, dimensions: [] };
  const statistic = trigger.Statistic ?? trigger.ExtendedStatistic;
  const measured = { ...single, dimensions: pairsOf(trigger.Dimensions) };
  const dimensions = describeDimensions(measured.dimensions);
  return {
    resource: describeMetric(measured),
    metricLabel: trigger.MetricName,
    logGroup: logGroupOf([measured]),
    details: [
      ...fieldsOf([
        ['Metric', describeMetric(single)],
        ['Dimensions', dimensions],
        ['Statistic', statistic && trigger.Period ? `${statistic} over ${trigger.Period}s` : statistic],
      ]),
      ...describeComparison(trigger),
    ],
  };
}

function describeComposite(message: CloudWatchAlarmMessage): { resource?: string; details: AlertField[] } {
  const children = (message.TriggeringChildren ?? []).map((child) =>
    typeof child === 'string' ? child : `${child.Arn}${child.State?.Value ? ` (${child.State.Value})` : ''}`,
  );
  return {
    resource: message.AlarmRule,
    details: fieldsOf([
      ['Alarm rule', message.AlarmRule],
      ['Triggering children', children.join('\n')],
    ]),
  };
}

export function toAlarmFacts(message: CloudWatchAlarmMessage): AlarmFacts {
  const described = message.Trigger ? describeTrigger(message.Trigger) : describeComposite(message);
  return {
    name: message.AlarmName,
    arn: message.AlarmArn,
    account: message.AWSAccountId,
    regionName: message.Region,
    newState: message.NewStateValue,
    oldState: message.OldStateValue,
    reason: message.NewStateReason,
    changedAt: message.StateChangeTime,
    description: message.AlarmDescription ?? undefined,
    ...described,
  };
}

export function isCloudWatchAlarmMessage(payload: unknown): boolean {
  return (
    typeof payload === 'object' && payload !== null && 'AlarmName' in payload && 'NewStateValue' in payload
  );
}

/** A CloudWatch alarm action's message, as SNS carries it in `Message`. */
export const parseCloudWatchAlarm = schemaParser(
  cloudWatchAlarmMessageSchema,
  'CloudWatch alarm message',
  (message, input, raw) => buildAlarmAlert(toAlarmFacts(message), input, raw),
);
