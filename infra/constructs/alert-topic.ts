import { ArnFormat, Aws, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';

/**
 * Klaxon's alerts topic, the default inbox for CloudWatch alarms and EventBridge rules. Both need a customer
 * managed key (AWS managed SNS keys refuse them); the key policy and the topic policy admit them from this
 * account only. No fixed topic name: CloudFormation derives one from the stack, so stacks can sit side by side.
 * The key is a sibling of the topic (`<id>Key`) rather than a child, which keeps its CloudFormation logical ID.
 */
export class AlertsTopic extends sns.Topic {
  readonly key: kms.Key;

  /** `topicName` only to keep an existing deployment's name (`klaxon-alerts`); default: generated. */
  constructor(scope: Construct, id: string, props: { topicName?: string } = {}) {
    const key = createTopicKey(scope, `${id}Key`);
    super(scope, id, {
      displayName: 'Klaxon alerts',
      masterKey: key,
      enforceSSL: true,
      topicName: props.topicName,
    });
    this.key = key;
    admitPublishers(this, ['cloudwatch', 'events']);
  }
}

const PUBLISHERS = {
  cloudwatch: { sid: 'AllowAlarmsOfThisAccount', source: 'alarm:*' },
  events: { sid: 'AllowRulesOfThisAccount', source: 'rule/*' },
} as const;

/** CloudWatch alarms and/or EventBridge rules of this account and region may publish; nobody else. */
export function admitPublishers(topic: sns.Topic, services: (keyof typeof PUBLISHERS)[]): void {
  const stack = Stack.of(topic);
  for (const service of services) {
    const { sid, source } = PUBLISHERS[service];
    topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid,
        principals: [new iam.ServicePrincipal(`${service}.amazonaws.com`)],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service,
              resource: source,
              arnFormat: ArnFormat.NO_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
  }
}

function createTopicKey(scope: Construct, id: string): kms.Key {
  const key = new kms.Key(scope, id, {
    description: 'Encrypts the Klaxon alert and operator SNS topics',
    enableKeyRotation: true,
  });
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowAlarmAndEventPublishers',
      principals: ['cloudwatch.amazonaws.com', 'events.amazonaws.com'].map(
        (s) => new iam.ServicePrincipal(s),
      ),
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      // In a key policy "*" means this key: a key policy can only ever name the key it is attached to.
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
    }),
  );
  return key;
}
