import { CfnOutput, Fn } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

export interface KlaxonOutputsProps {
  readonly functionUrl: lambda.IFunctionUrl;
  readonly alertsTopic: sns.ITopic;
  readonly slackSecretArn: string;
  readonly tableName: string;
  readonly deadLetterQueue: sqs.IQueue;
  readonly asyncFailureQueue: sqs.IQueue;
  readonly operatorTopic: sns.ITopic;
}

/** What the operator needs after a deploy: the URLs for Slack and SNS, the topic, the secret to fill, … */
export function addKlaxonOutputs(scope: Construct, props: KlaxonOutputsProps): void {
  const url = props.functionUrl.url;
  new CfnOutput(scope, 'FunctionUrl', { value: url, description: 'slack-handler Function URL' });
  new CfnOutput(scope, 'SlackRequestUrl', {
    value: Fn.join('', [url, 'slack/events']),
    description: 'Paste into the Slack app manifest (events, interactivity, /klaxon)',
  });
  new CfnOutput(scope, 'SnsHttpsEndpoint', {
    value: Fn.join('', [url, 'sns']),
    description: 'HTTPS endpoint for SNS topics that cannot use a Lambda subscription',
  });
  new CfnOutput(scope, 'AlertsTopicArn', { value: props.alertsTopic.topicArn });
  new CfnOutput(scope, 'SlackSecretArn', { value: props.slackSecretArn });
  new CfnOutput(scope, 'TableName', { value: props.tableName });
  new CfnOutput(scope, 'DeadLetterQueueUrl', {
    value: props.deadLetterQueue.queueUrl,
    description: 'SNS deliveries the sns-handler never got',
  });
  new CfnOutput(scope, 'AsyncFailureQueueUrl', {
    value: props.asyncFailureQueue.queueUrl,
    description: 'sns-handler and worker invocations that failed after retries',
  });
  new CfnOutput(scope, 'OperatorTopicArn', {
    value: props.operatorTopic.topicArn,
    description: "Klaxon's own alarms (e-mail to the operator)",
  });
}
