import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as events from 'aws-cdk-lib/aws-events';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { DeliveryMetrics } from './delivery-metrics.ts';
import type { KlaxonFunctions } from './klaxon-functions.ts';

export interface SelfAlarmsProps {
  readonly functions: KlaxonFunctions;
  readonly metrics: DeliveryMetrics;
  readonly deadLetterQueues: Record<string, sqs.IQueue>;
  readonly rules: events.Rule[];
  /** Where every alarm goes: the operator topic (e-mail, outside Slack) and the alerts topic (Slack). */
  readonly topics: sns.ITopic[];
  readonly oldestPendingAlarmSeconds: number;
}

interface AlarmSpec {
  readonly metric: cloudwatch.IMetric;
  readonly description: string;
  readonly threshold?: number;
  /** Breaching periods (of 5 minutes) before it fires; default 1. */
  readonly periods?: number;
}

/**
 * Klaxon watching itself: its functions' errors and throttles, its dead-letter queues, refused and failed SNS
 * deliveries, sweep failures, the oldest pending Slack step, self-alarm log lines and the rules' failed
 * deliveries to the topic. Every alarm (and its recovery) goes to the operator e-mail and to Slack.
 */
export class SelfAlarms extends Construct {
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: SelfAlarmsProps) {
    super(scope, id);
    for (const [key, fn] of Object.entries(props.functions)) {
      const name = key.charAt(0).toUpperCase() + key.slice(1);
      this.add(`${name}Errors`, {
        metric: fn.metricErrors(),
        description: `Klaxon ${key} invocations failed`,
      });
      this.add(`${name}Throttles`, {
        metric: fn.metricThrottles(),
        description: `Klaxon ${key} was throttled`,
      });
    }
    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      this.add(name, {
        metric: queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum' }),
        description: `Messages wait in Klaxon's ${name} dead-letter queue: replay them with the redrive`,
      });
    }
    this.addDeliveryAlarms(props);
    for (const rule of props.rules) this.addRuleAlarm(rule);
    const actions = props.topics.map((topic) => new cloudwatchActions.SnsAction(topic));
    for (const alarm of this.alarms) {
      alarm.addAlarmAction(...actions);
      alarm.addOkAction(...actions);
    }
  }

  private addDeliveryAlarms(props: SelfAlarmsProps): void {
    const m = props.metrics;
    this.add('RefusedAlarm', {
      metric: m.metric('SnsDeliveriesRefused'),
      description:
        'Klaxon refused SNS deliveries (bad signature, topic not allowed, raw delivery, malformed)',
    });
    this.add('FailedDeliveries', {
      metric: m.metric('SnsDeliveriesFailed'),
      description: 'Klaxon failed SNS deliveries for 10 minutes (Slack or DynamoDB trouble; SNS retries)',
      periods: 2,
    });
    this.add('SweepFailures', {
      metric: m.metric('SweepFailures'),
      description: 'The sweep could not drain some outboxes for 10 minutes',
      periods: 2,
    });
    this.add('OldestPending', {
      metric: m.metric('OldestPendingSeconds', 'Maximum'),
      description: `A Slack step has waited over ${props.oldestPendingAlarmSeconds} s in an outbox`,
      threshold: props.oldestPendingAlarmSeconds,
    });
    this.add('SelfAlarmLines', {
      metric: m.metric('SelfAlarms'),
      description:
        'Klaxon logged a condition a human must fix (selfAlarm: topic unsubscribed, channel missing)',
    });
  }

  /** A rule that cannot publish (a key or topic policy refusing it) loses events silently otherwise. */
  private addRuleAlarm(rule: events.Rule): void {
    this.add(`${rule.node.id}FailedInvocations`, {
      metric: new cloudwatch.Metric({
        namespace: 'AWS/Events',
        metricName: 'FailedInvocations',
        dimensionsMap: { RuleName: rule.ruleName },
        statistic: 'Sum',
        period: Duration.minutes(5),
      }),
      description: `EventBridge could not deliver ${rule.node.id} events to Klaxon's topic`,
    });
  }

  private add(id: string, spec: AlarmSpec): void {
    const periods = spec.periods ?? 1;
    this.alarms.push(
      new cloudwatch.Alarm(this, id, {
        alarmDescription: spec.description,
        metric: spec.metric,
        threshold: spec.threshold ?? 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: periods,
        datapointsToAlarm: periods,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );
  }
}
