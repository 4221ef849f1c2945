import * as z from 'zod';
import { storedPayloadOf } from '../../model/stored-payload.ts';
import { lazy } from '../../util/lazy.ts';
import { type AlarmShape, type MetricQuery, mathOrAnomaly } from './alarm-shape.ts';

// The EventBridge "CloudWatch Alarm State Change" spelling of what an alarm watches: lower-case fields,
// dimensions as a map, the threshold only in the state's reasonData.

const ebMetric = lazy(() =>
  z.looseObject({
    id: z.string(),
    expression: z.string().optional(),
    label: z.string().optional(),
    returnData: z.boolean().default(true),
    metricStat: z
      .looseObject({
        metric: z.looseObject({
          name: z.string(),
          namespace: z.string(),
          dimensions: z.record(z.string(), z.string()).default({}),
        }),
        period: z.number(),
        stat: z.string(),
      })
      .optional(),
  }),
);
const ebAlarm = lazy(() =>
  z.looseObject({
    detail: z.looseObject({
      configuration: z.looseObject({
        metrics: z.array(ebMetric()).optional(),
        alarmRule: z.string().optional(),
        actionsSuppressor: z.string().optional(),
        thresholdMetricId: z.string().optional(),
      }),
      state: z.looseObject({ reasonData: z.string().optional() }).optional(),
    }),
  }),
);

export function readEventBridgeShape(raw: unknown): AlarmShape | undefined {
  const parsed = ebAlarm().safeParse(raw);
  if (!parsed.success) return undefined;
  const { configuration, state } = parsed.data.detail;
  if (configuration.alarmRule) {
    const suppressor = configuration.actionsSuppressor;
    return { kind: 'composite', rule: configuration.alarmRule, ...(suppressor ? { suppressor } : {}) };
  }
  const queries = (configuration.metrics ?? []).map(
    (m): MetricQuery => ({
      id: m.id,
      returnData: m.returnData,
      ...(m.expression ? { expression: m.expression } : {}),
      ...(m.label ? { label: m.label } : {}),
      ...(m.metricStat ? { metric: metricOfEventBridge(m.metricStat) } : {}),
    }),
  );
  const threshold = thresholdOfReasonData(state?.reasonData);
  const [only] = queries;
  if (queries.length === 1 && only?.metric) {
    const { stat, period, ...metric } = only.metric;
    return { kind: 'metric', metric, stat, period, ...(threshold !== undefined ? { threshold } : {}) };
  }
  if (queries.length === 0) return undefined;
  const period = queries.find((q) => q.metric)?.metric?.period ?? 300;
  const bandId = configuration.thresholdMetricId ?? queries.find((q) => isBand(q.expression))?.id;
  return mathOrAnomaly(queries, period, threshold, bandId);
}

function metricOfEventBridge(stat: NonNullable<z.output<ReturnType<typeof ebMetric>>['metricStat']>) {
  const dimensions = Object.entries(stat.metric.dimensions).map(([name, value]) => ({ name, value }));
  return {
    namespace: stat.metric.namespace,
    metricName: stat.metric.name,
    dimensions,
    stat: stat.stat,
    period: stat.period,
  };
}

function isBand(expression: string | undefined): boolean {
  return expression?.startsWith('ANOMALY_DETECTION_BAND') ?? false;
}

/** The EventBridge form keeps the threshold only in the state's reasonData (a JSON string). */
function thresholdOfReasonData(reasonData: string | undefined): number | undefined {
  if (!reasonData) return undefined;
  const parsed = z.looseObject({ threshold: z.number() }).safeParse(storedPayloadOf(reasonData));
  return parsed.success ? parsed.data.threshold : undefined;
}
