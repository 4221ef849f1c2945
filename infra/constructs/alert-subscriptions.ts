import { Annotations, Arn, ArnFormat, Stack, Token } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as snsSubscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** Existing topics the sns-handler subscribes to (`SubscribedTopic<i>`). */
export function importTopics(scope: Construct, topicArns: readonly string[]): sns.ITopic[] {
  return topicArns.map((arn, i) => sns.Topic.fromTopicArn(scope, `SubscribedTopic${i}`, arn));
}

/**
 * Lambda subscriptions of the sns-handler, each with the dead-letter queue where SNS allows one: SNS only
 * redrives to a queue in the subscription's region, so topics in other regions go without.
 */
export function subscribeSnsHandler(
  snsHandler: lambda.IFunction,
  topics: readonly sns.ITopic[],
  deadLetterQueue: sqs.IQueue,
): void {
  const stackRegion = Stack.of(snsHandler).region;
  for (const topic of topics) {
    const topicRegion = Arn.split(topic.topicArn, ArnFormat.NO_RESOURCE_NAME).region;
    const sameRegion =
      Token.isUnresolved(topicRegion) || Token.isUnresolved(stackRegion) || topicRegion === stackRegion;
    if (!sameRegion) {
      Annotations.of(topic).addInfo(
        `Klaxon: ${topic.topicArn} is in another region; subscribed without a DLQ`,
      );
    }
    topic.addSubscription(
      new snsSubscriptions.LambdaSubscription(snsHandler, {
        deadLetterQueue: sameRegion ? deadLetterQueue : undefined,
      }),
    );
  }
}
