import * as z from 'zod';
import type { AlertField, NormalizedAlert } from '../../model/alert.ts';
import { lazy } from '../../util/lazy.ts';
import { type AlarmFacts, buildAlarmAlert, describeMetricQueries, type MetricQuery } from './alarm-common.ts';
import { envelopeWith } from './eventbridge-envelope.ts';
import { fieldsOf, parseJson, schemaParser } from './shared.ts';

const stateSchema = lazy(() =>
  z.looseObject({
    value: z.string(),
    actionsSuppressedBy: z.string().optional(),
    actionsSuppressedReason: z.string().optional(),
    reason: z.string().optional(),
    reasonData: z.string().optional(),
    timestamp: z.string().optional(),
  }),
);

const metricSchema = lazy(() =>
  z.looseObject({
    id: z.string().optional(),
    expression: z.string().optional(),
    label: z.string().optional(),
    returnData: z.boolean().optional(),
    metricStat: z
      .looseObject({
        metric: z.looseObject({
          namespace: z.string().optional(),
          name: z.string().optional(),
          dimensions: z.record(z.string(), z.string()).optional(),
        }),
        period: z.number().optional(),
        stat: z.string().optional(),
      })
      .optional(),
  }),
);

/** The alarm's own data: EventBridge's `detail`, and the Lambda alarm action's `alarmData`. */
export const alarmDataSchema = lazy(() =>
  z.looseObject({
    alarmName: z.string(),
    state: stateSchema(),
    previousState: stateSchema().optional(),
    configuration: z
      .looseObject({
        description: z.string().optional(),
        metrics: z.array(metricSchema()).optional(),
        alarmRule: z.string().optional(),
        actionsSuppressor: z.string().optional(),
      })
      .optional(),
  }),
);
type AlarmData = z.infer<ReturnType<typeof alarmDataSchema>>;

const alarmStateChangeSchema = lazy(() => envelopeWith(alarmDataSchema()));

/** reasonData is a JSON string; for composite alarms it names the children that tripped. */
const reasonDataSchema = lazy(() =>
  z.looseObject({
    threshold: z.number().optional(),
    triggeringAlarms: z
      .array(
        z.looseObject({ arn: z.string(), state: z.looseObject({ value: z.string().optional() }).optional() }),
      )
      .optional(),
  }),
);

function toMetricQuery(metric: z.infer<ReturnType<typeof metricSchema>>): MetricQuery {
  const stat = metric.metricStat;
  return {
    id: metric.id,
    expression: metric.expression,
    label: metric.label,
    namespace: stat?.metric.namespace,
    metricName: stat?.metric.name,
    dimensions: Object.entries(stat?.metric.dimensions ?? {}),
    stat: stat?.stat,
    period: stat?.period,
    returnData: metric.returnData,
  };
}

function describeConfiguration(detail: AlarmData): { resource?: string; details: AlertField[] } {
  const { configuration, state } = detail;
  const reasonData = reasonDataSchema().safeParse(parseJson(state.reasonData)).data;
  if (configuration?.alarmRule !== undefined) {
    const children = (reasonData?.triggeringAlarms ?? []).map(
      (child) => `${child.arn}${child.state?.value ? ` (${child.state.value})` : ''}`,
    );
    const details = fieldsOf([
      ['Alarm rule', configuration.alarmRule],
      ['Triggering children', children.join('\n')],
    ]);
    return { resource: configuration.alarmRule, details };
  }
  // The event does not say which metric is an anomaly band, so the band is recognised by its function.
  const queries = (configuration?.metrics ?? []).map(toMetricQuery);
  const band = queries.find((query) => query.expression?.startsWith('ANOMALY_DETECTION_BAND'));
  const described = describeMetricQueries(queries, band?.id);
  return {
    ...described,
    details: [...described.details, ...fieldsOf([['Threshold', reasonData?.threshold]])],
  };
}

/** What the wrapper around the alarm's data says: the EventBridge envelope or the Lambda action's. */
export interface AlarmOrigin {
  arn?: string;
  account?: string;
  region?: string;
  time?: string;
}

export function alarmFactsOf(detail: AlarmData, origin: AlarmOrigin): AlarmFacts {
  return {
    name: detail.alarmName,
    arn: origin.arn,
    account: origin.account,
    regionFallback: origin.region,
    newState: detail.state.value,
    oldState: detail.previousState?.value,
    reason: detail.state.reason,
    changedAt: detail.state.timestamp ?? origin.time,
    description: detail.configuration?.description,
    ...describeConfiguration(detail),
  };
}

/**
 * A composite alarm's ActionsSuppressor holding its actions back (the state's `actionsSuppressedBy`): the
 * alert still shows, says so, and mentions nobody (process-notification.ts drops the route's mentions).
 */
export function withActionsSuppressed(alert: NormalizedAlert, detail: AlarmData): NormalizedAlert {
  const by = detail.state.actionsSuppressedBy;
  if (!by || detail.state.value !== 'ALARM') return alert;
  const reason = detail.state.actionsSuppressedReason;
  const suppressor = detail.configuration?.actionsSuppressor;
  const value = [
    `${by}${suppressor ? ` (suppressor ${suppressor})` : ''}${reason ? `: ${reason}` : ''}`,
    'posted without mentions',
  ].join(' — ');
  return {
    ...alert,
    actionsSuppressed: { by, ...(reason ? { reason } : {}), ...(suppressor ? { suppressor } : {}) },
    fields: [{ label: 'Actions suppressed', value }, ...alert.fields],
  };
}

/** `CloudWatch Alarm State Change` from EventBridge: keyed like the SNS form, so both make one alert. */
export const parseAlarmStateChangeEvent = schemaParser(
  alarmStateChangeSchema,
  'CloudWatch Alarm State Change event',
  (event, input, raw) =>
    withActionsSuppressed(
      buildAlarmAlert(
        alarmFactsOf(event.detail, {
          arn: event.resources?.[0],
          account: event.account,
          region: event.region,
          time: event.time,
        }),
        input,
        raw,
      ),
      event.detail,
    ),
);
