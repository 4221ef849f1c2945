import type { NormalizedAlert } from '../../model/alert.ts';
import type { AlarmShape, MetricQuery, MetricRef } from './alarm-shape.ts';

type GraphShape = Exclude<AlarmShape, { kind: 'composite' }>;
type MetricLine = (string | Record<string, unknown>)[];

/** The metric widget GetMetricWidgetImage draws (CloudWatch's "Metric Widget Structure" reference). */
export interface MetricWidget {
  metrics: MetricLine[];
  view: 'timeSeries';
  stat?: string;
  period: number;
  start: string;
  end: string;
  title: string;
  region?: string;
  width: number;
  height: number;
  timezone: string;
  annotations: {
    horizontal: { label: string; value: number }[];
    vertical: { label: string; value: string }[];
  };
}

/**
 * The alarm's graph: the last 3 hours at the alarm's period, the threshold as a line, the state change as
 * a mark, the expression (not its inputs) for metric math and the expected band for anomaly detection.
 * Pure: the same alert gives the same widget, which is also what keys the cache of images.
 */
export function buildMetricWidget(alert: NormalizedAlert, shape: GraphShape): MetricWidget {
  const threshold = shape.kind === 'anomaly' ? undefined : shape.threshold;
  return {
    metrics: shape.kind === 'metric' ? [lineOf(shape.metric)] : shape.queries.flatMap(queryLine),
    view: 'timeSeries',
    ...(shape.kind === 'metric' ? { stat: shape.stat } : {}),
    period: shape.period,
    start: '-PT3H',
    end: 'P0D',
    title: alert.name.slice(0, 200),
    ...(alert.region ? { region: alert.region } : {}),
    width: 800,
    height: 400,
    timezone: '+0000',
    annotations: {
      horizontal: threshold === undefined ? [] : [{ label: 'Threshold', value: threshold }],
      vertical: changeMark(alert),
    },
  };
}

function lineOf(metric: MetricRef, options?: Record<string, unknown>): MetricLine {
  const dimensions = metric.dimensions.flatMap((d) => [d.name, d.value]);
  return [metric.namespace, metric.metricName, ...dimensions, ...(options ? [options] : [])];
}

/** Inputs a math alarm does not return are drawn hidden: the graph shows what the alarm compares. */
function queryLine(query: MetricQuery): MetricLine[] {
  const label = query.label ? { label: query.label } : {};
  if (query.expression) return [[{ expression: query.expression, id: query.id, ...label }]];
  const metric = query.metric;
  if (!metric) return [];
  const options = {
    id: query.id,
    stat: metric.stat,
    period: metric.period,
    ...label,
    ...(query.returnData ? {} : { visible: false }),
  };
  return [lineOf(metric, options)];
}

function changeMark(alert: NormalizedAlert): MetricWidget['annotations']['vertical'] {
  const at = Date.parse(alert.occurredAt);
  return Number.isNaN(at) ? [] : [{ label: alert.stateLabel, value: new Date(at).toISOString() }];
}
