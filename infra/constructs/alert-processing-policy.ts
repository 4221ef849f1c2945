import * as iam from 'aws-cdk-lib/aws-iam';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { AlertTable } from './alert-table.ts';

export interface AlertProcessingPolicyProps {
  readonly table: AlertTable;
  readonly slackSecret: secretsmanager.ISecret;
  /** The roles of every function: each one processes alerts. */
  readonly roles: iam.IRole[];
}

/**
 * The table actions src/store sends: GetItem, PutItem, UpdateItem, DeleteItem, Query, BatchGetItem, and
 * TransactWriteItems, which IAM checks as the PutItem and DeleteItem it holds (no ConditionCheck in it).
 * No Scan, BatchWriteItem or DescribeTable: the deployed table exists, only local runs create one.
 */
export const TABLE_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:DeleteItem',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
];

/** What every handler needs to process an alert: the table and the Slack secret (GetSecretValue only). */
export class AlertProcessingPolicy extends iam.ManagedPolicy {
  constructor(scope: Construct, id: string, props: AlertProcessingPolicyProps) {
    super(scope, id, {
      description: 'Klaxon: state table, Slack secret',
      statements: [
        new iam.PolicyStatement({
          sid: 'StateTable',
          actions: TABLE_ACTIONS,
          resources: props.table.resourceArns,
        }),
        new iam.PolicyStatement({
          sid: 'SlackSecret',
          actions: ['secretsmanager:GetSecretValue'],
          resources: [props.slackSecret.secretArn],
        }),
      ],
      roles: props.roles,
    });
  }
}
