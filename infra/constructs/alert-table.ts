import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';

/**
 * The one table holding all Klaxon state (alerts, dedupe records, mutes, rerun locks, audit trail): string keys
 * `pk`/`sk`, indexes `gsi1` (lists) and `gsi2` (the wake index the sweep reads), TTL attribute `expiresAt`, on demand, point-in-time recovery, deletion protection,
 * kept when the stack is deleted.
 */
export class AlertTable extends dynamodb.Table {
  static readonly INDEX_NAMES = ['gsi1', 'gsi2'] as const;

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
    // CloudFormation adds one index per stack update; a stack that has gsi1 gets gsi2 in one deployment.
    // The wake index holds keys only, as src/store/table.ts says why.
    const projections = { gsi1: dynamodb.ProjectionType.ALL, gsi2: dynamodb.ProjectionType.KEYS_ONLY };
    for (const indexName of AlertTable.INDEX_NAMES) {
      this.addGlobalSecondaryIndex({
        indexName,
        partitionKey: { name: `${indexName}pk`, type: dynamodb.AttributeType.STRING },
        sortKey: { name: `${indexName}sk`, type: dynamodb.AttributeType.STRING },
        projectionType: projections[indexName],
      });
    }
  }

  /** What IAM statements name to reach the items: the table and its indexes. */
  get resourceArns(): string[] {
    return [this.tableArn, ...AlertTable.INDEX_NAMES.map((name) => `${this.tableArn}/index/${name}`)];
  }
}
