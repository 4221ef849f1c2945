import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';

/** The services that publish alarms and events to the topic. */
const PUBLISHER_SERVICES = ['cloudwatch.amazonaws.com', 'events.amazonaws.com'];

/**
 * The `klaxon-alerts` topic, the default inbox for CloudWatch alarms and EventBridge rules. Both need a customer
 * managed key (AWS managed SNS keys refuse them); the key policy and the topic policy admit them. The key is a
 * sibling of the topic (`<id>Key`) rather than a child, which keeps its CloudFormation logical ID.
 */
export class AlertsTopic extends sns.Topic {
  constructor(scope: Construct, id: string) {
    super(scope, id, {
      topicName: 'klaxon-alerts',
      displayName: 'Klaxon alerts',
      masterKey: createTopicKey(scope, `${id}Key`),
      enforceSSL: true,
    });
    this.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowAlarmAndEventPublishers',
        principals: publishers(),
        actions: ['sns:Publish'],
        resources: [this.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
    );
  }
}

function createTopicKey(scope: Construct, id: string): kms.Key {
  const key = new kms.Key(scope, id, {
    description: 'Encrypts the klaxon-alerts SNS topic',
    enableKeyRotation: true,
  });
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowAlarmAndEventPublishers',
      principals: publishers(),
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
    }),
  );
  return key;
}

function publishers(): iam.ServicePrincipal[] {
  return PUBLISHER_SERVICES.map((service) => new iam.ServicePrincipal(service));
}
