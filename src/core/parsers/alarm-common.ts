import type { AlertField, AlertState, NormalizedAlert, Severity } from '../../model/alert.ts';
import { describeAlarmHeadline } from './alarm-headline.ts';
import { readSeverityMark } from './severity-convention.ts';
import {
  consoleBase,
  fieldsOf,
  isRegionCode,
  logGroupConsoleUrl,
  occurredAt,
  parseArn,
  type SnsNotificationInput,
} from './shared.ts';

/**
 * What both deliveries of an alarm (the SNS alarm action and the EventBridge state-change event) say, in one
 * shape, so that one alarm becomes the same alert whichever way it arrives.
 */
export interface AlarmFacts {
  name: string;
  arn?: string;
  account?: string;
  /** A region code from elsewhere (the EventBridge envelope), used only when the ARN has none. */
  regionFallback?: string;
  /** The SNS form's `Region` is a display name ("US East (N. Virginia)"): shown, never used as a code. */
  regionName?: string;
  newState: string;
  oldState?: string;
  reason?: string;
  changedAt?: string;
  description?: string;
  resource?: string;
  /** What the alarm measures, as its one line names it: the metric name or the expression's label or id. */
  metricLabel?: string;
  /** The log group of what the metric is about, where the namespace says (a Lambda function's). */
  logGroup?: string;
  details: AlertField[];
}

/** One metric of an alarm, whichever of the two spellings it came in. */
export interface MetricQuery {
  id?: string;
  expression?: string;
  label?: string;
  namespace?: string;
  metricName?: string;
  dimensions: Array<[string, string]>;
  stat?: string;
  period?: number;
  returnData?: boolean;
}

const alarmStates: Record<string, { state: AlertState; severity: Severity }> = {
  ALARM: { state: 'firing', severity: 'high' },
  OK: { state: 'recovered', severity: 'info' },
  INSUFFICIENT_DATA: { state: 'insufficient', severity: 'low' },
};

/** A state CloudWatch may add later is recorded, not raised: better silent than a false page. */
const unknownAlarmState = { state: 'informational', severity: 'info' } as const;

export function describeDimensions(dimensions: Array<[string, string]>): string | undefined {
  if (dimensions.length === 0) return undefined;
  return dimensions.map(([name, value]) => `${name}=${value}`).join(', ');
}

export function describeMetric(query: MetricQuery): string {
  const dimensions = describeDimensions(query.dimensions);
  const metric = [query.namespace, query.metricName].filter(Boolean).join(' ');
  return dimensions ? `${metric} (${dimensions})` : metric;
}

function describeQuery(query: MetricQuery): string {
  const id = query.id ? `${query.id}: ` : '';
  if (query.expression) return `${id}${query.expression}${query.label ? ` (${query.label})` : ''}`;
  const stat = [query.stat, query.period ? `${query.period}s` : undefined].filter(Boolean).join('/');
  return `${id}${describeMetric(query)}${stat ? ` ${stat}` : ''}`;
}

/** A Lambda function logs to `/aws/lambda/<name>`: an alarm on one of its metrics can link its logs. */
export function logGroupOf(queries: MetricQuery[]): string | undefined {
  for (const query of queries) {
    const fn = query.dimensions.find(([name]) => name === 'FunctionName')?.[1];
    if (query.namespace === 'AWS/Lambda' && fn) return `/aws/lambda/${fn}`;
  }
  return undefined;
}

/** Metric math and anomaly alarms: the query the alarm evaluates is the one that returns data. */
export function describeMetricQueries(
  queries: MetricQuery[],
  thresholdMetricId?: string,
): { resource?: string; metricLabel?: string; logGroup?: string; details: AlertField[] } {
  const band = thresholdMetricId ? queries.find((query) => query.id === thresholdMetricId) : undefined;
  const measured = queries.find((query) => query.returnData !== false && query.id !== thresholdMetricId);
  const expression = band ? undefined : measured?.expression;
  return {
    resource: measured
      ? measured.expression
        ? describeQuery(measured)
        : describeMetric(measured)
      : undefined,
    metricLabel: measured?.label ?? measured?.metricName ?? measured?.id,
    logGroup: logGroupOf(queries),
    details: fieldsOf([
      ['Anomaly band', band?.expression],
      ['Expression', expression],
      ['Metrics', queries.map(describeQuery).join('\n')],
    ]),
  };
}

function keyOf(facts: AlarmFacts, region: string | undefined): string {
  if (facts.arn) return `cloudwatch-alarm:${facts.arn}`;
  return `cloudwatch-alarm:${facts.account ?? 'unknown'}:${region ?? facts.regionName ?? 'unknown'}:${facts.name}`;
}

export function alarmConsoleUrl(region: string, name: string): string {
  return `${consoleBase(region)}/cloudwatch/home?region=${region}#alarmsV2:alarm/${encodeURIComponent(name)}`;
}

function alarmFieldsOf(facts: AlarmFacts, transition: string, region: string | undefined): AlertField[] {
  const regionName = facts.regionName && region ? `${facts.regionName} (${region})` : facts.regionName;
  return [
    ...fieldsOf([
      ['State', transition],
      ['Description', facts.description],
    ]),
    ...facts.details,
    ...fieldsOf([['Region', regionName]]),
  ];
}

/** "Since when" belongs to a breach: a recovery or missing data says how things are, not since when. */
function headlineOf(facts: AlarmFacts, state: AlertState) {
  const headline = describeAlarmHeadline(facts.reason, facts.metricLabel, facts.changedAt);
  return headline && state !== 'firing' ? { text: headline.text } : headline;
}

export function buildAlarmAlert(
  facts: AlarmFacts,
  input: SnsNotificationInput,
  raw: unknown,
): NormalizedAlert {
  const arn = parseArn(facts.arn);
  const region = arn?.region ?? (isRegionCode(facts.regionFallback) ? facts.regionFallback : undefined);
  const { state, severity: byState } = alarmStates[facts.newState] ?? unknownAlarmState;
  // A team's mark says how bad the alarm is when it fires; a recovery or missing data stays quiet.
  const severity =
    state === 'firing' ? (readSeverityMark(facts.name, facts.description) ?? byState) : byState;
  const transition = facts.oldState ? `${facts.oldState} → ${facts.newState}` : facts.newState;
  return {
    source: 'cloudwatch-alarm',
    key: keyOf(facts, region),
    name: facts.name,
    // No state in the title: the same root message shows firing, then resolved.
    title: facts.name,
    state,
    stateLabel: facts.newState,
    severity,
    account: facts.account ?? arn?.account,
    region,
    resource: facts.resource,
    occurredAt: occurredAt(facts.changedAt, input),
    summary: facts.reason ?? transition,
    fields: alarmFieldsOf(facts, transition, region),
    headline: headlineOf(facts, state),
    consoleUrl: region ? alarmConsoleUrl(region, facts.name) : undefined,
    logsUrl: region && facts.logGroup ? logGroupConsoleUrl(region, facts.logGroup) : undefined,
    occurrence: facts.changedAt,
    resolvableByEvent: true,
    raw,
  };
}
