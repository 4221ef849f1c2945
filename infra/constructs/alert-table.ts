import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';

/**
 * The one table holding all Klaxon state (alerts, dedupe records, mutes, rerun locks, audit trail): string keys
 * `pk`/`sk`, index `gsi1`, TTL attribute `expiresAt`, on demand, point-in-time recovery, deletion protection,
 * kept when the stack is deleted.
 */
export class AlertTable extends dynamodb.Table {
  static readonly INDEX_NAME = 'gsi1';

  constructor(scope: Construct, id: string) {
    super(scope, id, {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: 'expiresAt',
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.addGlobalSecondaryIndex({
      indexName: AlertTable.INDEX_NAME,
      partitionKey: { name: 'gsi1pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'gsi1sk', type: dynamodb.AttributeType.STRING },
    });
  }

  /** What IAM statements name to reach the items: the table and its index. */
  get resourceArns(): string[] {
    return [this.tableArn, `${this.tableArn}/index/${AlertTable.INDEX_NAME}`];
  }
}
