import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { KlaxonFunctions } from './klaxon-functions.ts';

export const METRIC_NAMESPACE = 'Klaxon';

/**
 * SNS does not count the deliveries it drops after a 4xx (`NumberOfNotificationsFailed` stays 0), so the
 * handlers' one log line per delivery is turned into metrics: refused (4xx: forged, wrong topic, malformed)
 * and failed (5xx: Slack or DynamoDB trouble, which SNS retries). Refusals raise an alarm on the alerts topic,
 * so a forged or misconfigured sender shows up in Slack like any other alert.
 */
export class DeliveryMetrics extends Construct {
  readonly refusedAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: { functions: KlaxonFunctions; alertsTopic: sns.ITopic }) {
    super(scope, id);
    const snsLogs = [props.functions.snsHandler.logGroup, props.functions.slackHandler.logGroup];
    snsLogs.forEach((logGroup, index) => {
      countDeliveries(this, `Refused${index}`, logGroup, 'SnsDeliveriesRefused', '>= 400 && $.status < 500');
      countDeliveries(this, `Failed${index}`, logGroup, 'SnsDeliveriesFailed', '>= 500');
    });
    this.refusedAlarm = new cloudwatch.Alarm(this, 'RefusedAlarm', {
      alarmName: 'klaxon-sns-deliveries-refused',
      alarmDescription:
        'Klaxon refused SNS deliveries (bad signature, topic not allowed, raw delivery, malformed).',
      metric: new cloudwatch.Metric({
        namespace: METRIC_NAMESPACE,
        metricName: 'SnsDeliveriesRefused',
        statistic: 'Sum',
        period: Duration.minutes(5),
      }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.refusedAlarm.addAlarmAction(new cloudwatchActions.SnsAction(props.alertsTopic));
    this.refusedAlarm.addOkAction(new cloudwatchActions.SnsAction(props.alertsTopic));
  }
}

/** Lines of SNS deliveries only: the SNS handler's `notification` lines and the Function URL's `/sns` lines. */
function countDeliveries(
  scope: Construct,
  id: string,
  logGroup: logs.ILogGroup,
  metricName: string,
  status: string,
) {
  new logs.MetricFilter(scope, id, {
    logGroup,
    metricNamespace: METRIC_NAMESPACE,
    metricName,
    metricValue: '1',
    filterPattern: logs.FilterPattern.literal(
      `{ ($.msg = "notification" || $.path = "/sns") && $.status ${status} }`,
    ),
  });
}
