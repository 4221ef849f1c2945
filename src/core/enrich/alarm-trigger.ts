import * as z from 'zod';
import type { NormalizedAlert } from '../../model/alert.ts';
import { storedPayloadOf } from '../../model/stored-payload.ts';
import { lazy } from '../../util/lazy.ts';
import { type AlarmShape, type MetricQuery, mathOrAnomaly, statOf } from './alarm-shape.ts';
import { readEventBridgeShape } from './alarm-trigger-eventbridge.ts';

const dimension = lazy(() => z.looseObject({ name: z.string(), value: z.string() }));
const snsMetricStat = lazy(() =>
  z.looseObject({
    Metric: z.looseObject({
      MetricName: z.string(),
      Namespace: z.string(),
      Dimensions: z.array(dimension()).default([]),
    }),
    Period: z.number(),
    Stat: z.string(),
  }),
);
const snsTrigger = lazy(() =>
  z.looseObject({
    MetricName: z.string().optional(),
    Namespace: z.string().optional(),
    Dimensions: z.array(dimension()).default([]),
    Statistic: z.string().optional(),
    ExtendedStatistic: z.string().optional(),
    Period: z.number().default(300),
    EvaluationPeriods: z.number().optional(),
    Threshold: z.number().optional(),
    ThresholdMetricId: z.string().optional(),
    Metrics: z
      .array(
        z.looseObject({
          Id: z.string(),
          Expression: z.string().optional(),
          Label: z.string().optional(),
          ReturnData: z.boolean().default(true),
          MetricStat: snsMetricStat().optional(),
        }),
      )
      .optional(),
  }),
);
const snsAlarm = lazy(() =>
  z.looseObject({
    Trigger: snsTrigger().optional(),
    AlarmRule: z.string().optional(),
    ActionsSuppressor: z.string().optional(),
  }),
);

/** The alarm's shape, read from the payload kept with the alert; undefined when it is not an alarm we can read. */
export function readAlarmShape(alert: NormalizedAlert): AlarmShape | undefined {
  if (alert.source !== 'cloudwatch-alarm') return undefined;
  const raw = storedPayloadOf(alert.raw);
  const sns = snsAlarm().safeParse(raw);
  if (sns.success && (sns.data.Trigger || sns.data.AlarmRule)) return shapeOfSns(sns.data);
  return readEventBridgeShape(raw);
}

function shapeOfSns(alarm: z.output<ReturnType<typeof snsAlarm>>): AlarmShape | undefined {
  if (alarm.AlarmRule) {
    return {
      kind: 'composite',
      rule: alarm.AlarmRule,
      ...(alarm.ActionsSuppressor ? { suppressor: alarm.ActionsSuppressor } : {}),
    };
  }
  const trigger = alarm.Trigger!;
  if (trigger.Metrics) {
    const queries = trigger.Metrics.map(
      (m): MetricQuery => ({
        id: m.Id,
        returnData: m.ReturnData,
        ...(m.Expression ? { expression: m.Expression } : {}),
        ...(m.Label ? { label: m.Label } : {}),
        ...(m.MetricStat ? { metric: metricOfSnsStat(m.MetricStat) } : {}),
      }),
    );
    return mathOrAnomaly(queries, trigger.Period, trigger.Threshold, trigger.ThresholdMetricId);
  }
  if (!trigger.MetricName || !trigger.Namespace) return undefined;
  return {
    kind: 'metric',
    metric: { namespace: trigger.Namespace, metricName: trigger.MetricName, dimensions: trigger.Dimensions },
    stat: statOf(trigger.ExtendedStatistic ?? trigger.Statistic),
    period: trigger.Period,
    ...(trigger.Threshold !== undefined ? { threshold: trigger.Threshold } : {}),
    ...(trigger.EvaluationPeriods ? { evaluationPeriods: trigger.EvaluationPeriods } : {}),
  };
}

function metricOfSnsStat(stat: z.output<ReturnType<typeof snsMetricStat>>): MetricQuery['metric'] {
  const { Metric } = stat;
  return {
    namespace: Metric.Namespace,
    metricName: Metric.MetricName,
    dimensions: Metric.Dimensions,
    stat: statOf(stat.Stat),
    period: stat.Period,
  };
}
