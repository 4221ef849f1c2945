import { Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { AlertTable } from './alert-table.ts';
import { wildcardFinding } from './nag-acknowledgements.ts';

export interface AlertProcessingPolicyProps {
  readonly table: AlertTable;
  readonly slackSecret: secretsmanager.ISecret;
  /** The roles of every function: each one processes alerts. */
  readonly roles: iam.IRole[];
}

const TABLE_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DeleteItem',
  'dynamodb:DescribeTable',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:UpdateItem',
];

/** What every handler needs to process an alert: the table, the Slack secret, alarm details and graphs. */
export class AlertProcessingPolicy extends iam.ManagedPolicy {
  constructor(scope: Construct, id: string, props: AlertProcessingPolicyProps) {
    super(scope, id, {
      description: 'Klaxon: state table, Slack secret, CloudWatch alarm details and graphs',
      statements: [
        new iam.PolicyStatement({
          sid: 'StateTable',
          actions: TABLE_ACTIONS,
          resources: props.table.resourceArns,
        }),
        new iam.PolicyStatement({
          sid: 'SlackSecret',
          actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
          resources: [props.slackSecret.secretArn],
        }),
        new iam.PolicyStatement({
          sid: 'AlarmDetailsAndGraphs',
          actions: ['cloudwatch:DescribeAlarms', 'cloudwatch:GetMetricWidgetImage'],
          resources: ['*'],
        }),
      ],
      roles: props.roles,
    });
    Validations.of(this).acknowledge({
      id: wildcardFinding('*'),
      reason:
        'cloudwatch:GetMetricWidgetImage has no resource-level permissions, and DescribeAlarms returns composite ' +
        'alarms only when allowed on "*" (CloudWatch API reference). Both are read-only.',
    });
  }
}
