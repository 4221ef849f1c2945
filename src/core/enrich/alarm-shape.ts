// What an alarm watches, whichever notification told it (SNS's `Trigger`, EventBridge's configuration).

/** A metric as CloudWatch names it. */
export interface MetricRef {
  namespace: string;
  metricName: string;
  dimensions: { name: string; value: string }[];
}

/** One line of a metric-math alarm: a metric with its stat, or an expression over the others. */
export interface MetricQuery {
  id: string;
  expression?: string;
  metric?: MetricRef & { stat: string; period: number };
  label?: string;
  returnData: boolean;
}

/** What an alarm watches, as far as its notification says (SNS `Trigger` or the EventBridge configuration). */
export type AlarmShape =
  | {
      kind: 'metric';
      metric: MetricRef;
      stat: string;
      period: number;
      threshold?: number;
      /** How many periods the alarm evaluates: the window its log lines are looked for in. */
      evaluationPeriods?: number;
    }
  | { kind: 'math'; queries: MetricQuery[]; period: number; threshold?: number }
  | { kind: 'anomaly'; queries: MetricQuery[]; period: number; bandId: string }
  | { kind: 'composite'; rule: string; suppressor?: string };

export function mathOrAnomaly(
  queries: MetricQuery[],
  period: number,
  threshold: number | undefined,
  bandId: string | undefined,
): AlarmShape {
  if (bandId) return { kind: 'anomaly', queries, period, bandId };
  return { kind: 'math', queries, period, ...(threshold !== undefined ? { threshold } : {}) };
}

/** The SNS Trigger spells statistics in capitals (AVERAGE, SAMPLE_COUNT); widgets want Average, SampleCount. */
export function statOf(statistic: string | undefined): string {
  if (!statistic) return 'Average';
  if (!/^[A-Z_]+$/.test(statistic)) return statistic;
  return statistic
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
