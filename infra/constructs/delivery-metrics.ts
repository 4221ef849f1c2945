import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { KlaxonFunctions } from './klaxon-functions.ts';

/** The metrics the log lines below become; `Klaxon/<stack name>`, so two stacks never count into each other. */
export const KlaxonMetricNames = {
  refused: 'SnsDeliveriesRefused',
  failed: 'SnsDeliveriesFailed',
  sweepFailures: 'SweepFailures',
  oldestPendingSeconds: 'OldestPendingSeconds',
  selfAlarms: 'SelfAlarms',
} as const;
type KlaxonMetricName = (typeof KlaxonMetricNames)[keyof typeof KlaxonMetricNames];

/** Log fields the metrics read (JSON log lines, pino's message in `msg`). */
export const LOG_PATTERNS = {
  /** The worker's per-minute `sweep` line (sweepOnce's result): how many outboxes could not be drained. */
  sweepPartlyFailed: '{ $.msg = "sweep" && $.outboxesFailed > 0 }',
  /** A sweep that failed as a whole (logged, not thrown, so it never fills the dead-letter queue). */
  sweepFailed: '{ $.outcome = "sweep-failed" }',
  /** The sweep line again: age in seconds of the oldest Slack step still waiting in any outbox. */
  oldestPendingSeconds: '{ $.msg = "sweep" && $.oldestPendingSeconds >= 0 }',
  /** Conditions a human must fix: a topic unsubscribed Klaxon, a channel is missing, archived or private. */
  selfAlarms: '{ $.outcome = "unsubscribed" || $.outcome = "channel-refused" }',
} as const;

export function metricNamespace(scope: Construct): string {
  return `Klaxon/${Stack.of(scope).stackName}`;
}

/**
 * SNS does not count the deliveries it drops after a 4xx (`NumberOfNotificationsFailed` stays 0), so the
 * handlers' one log line per delivery is turned into metrics: refused (4xx: forged, wrong topic, malformed)
 * and failed (5xx: Slack or DynamoDB trouble, which SNS retries). The worker's sweep line gives its failures
 * and the age of the oldest pending delivery; an unsubscribed topic or a refused channel counts as a self-alarm.
 */
export class DeliveryMetrics extends Construct {
  constructor(scope: Construct, id: string, props: { functions: KlaxonFunctions }) {
    super(scope, id);
    const { snsHandler, slackHandler, worker } = props.functions;
    [snsHandler.logGroup, slackHandler.logGroup].forEach((logGroup, index) => {
      const delivery = (status: string) =>
        `{ ($.msg = "notification" || $.path = "/sns") && $.status ${status} }`;
      this.count(
        `Refused${index}`,
        logGroup,
        KlaxonMetricNames.refused,
        delivery('>= 400 && $.status < 500'),
      );
      this.count(`Failed${index}`, logGroup, KlaxonMetricNames.failed, delivery('>= 500'));
    });
    this.count(
      'SweepFailures',
      worker.logGroup,
      'SweepFailures',
      LOG_PATTERNS.sweepPartlyFailed,
      '$.outboxesFailed',
    );
    this.count('SweepFailed', worker.logGroup, 'SweepFailures', LOG_PATTERNS.sweepFailed);
    this.count(
      'OldestPending',
      worker.logGroup,
      'OldestPendingSeconds',
      LOG_PATTERNS.oldestPendingSeconds,
      '$.oldestPendingSeconds',
    );
    [snsHandler, slackHandler, worker].forEach((fn, index) => {
      this.count(`SelfAlarms${index}`, fn.logGroup, 'SelfAlarms', LOG_PATTERNS.selfAlarms);
    });
  }

  metric(metricName: KlaxonMetricName, statistic = 'Sum'): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: metricNamespace(this),
      metricName,
      statistic,
      period: Duration.minutes(5),
    });
  }

  private count(id: string, logGroup: logs.ILogGroup, metricName: string, pattern: string, value = '1') {
    new logs.MetricFilter(this, id, {
      logGroup,
      metricNamespace: metricNamespace(this),
      metricName,
      metricValue: value,
      filterPattern: logs.FilterPattern.literal(pattern),
    });
  }
}
